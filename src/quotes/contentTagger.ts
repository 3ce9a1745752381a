// The content tagger: a structured averaged perceptron that labels each token of a sentence
// as outside reported content, its first token or inside it (O/B/I), the best sequence
// found by Viterbi over features of each token and of the label before it. Weights and
// cue rates come from
// data/quotes/content-tagger.json, written by scripts/train-quote-tagger.mjs from the
// PolNeAR training split; this file only loads and applies them.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { QuoteContext } from "./quoteContext.js";
import { B, HASHED, I, LABELS, O, slotCount, SentenceView, compileWeights, featureLexicon, scoreSentence, sentenceView, worthTagging, type CompiledWeights, type FeatureLexicon } from "./contentFeatures.js";

export interface ContentModel extends FeatureLexicon {
  /** weights (O, B, I) of the dense and word features, by slot */
  dense: Float32Array;
  /** weights of the hashed features */
  hashed: FeatureTable;
  /** the dense weights regrouped for tagging */
  compiled: CompiledWeights;
}

/**
 * Open-addressing table from hashed feature keys to their three weights, each slot one
 * key and its weights side by side (16 bytes), so that a lookup touches one cache line.
 */
export class FeatureTable {
  private readonly keys: Int32Array;
  readonly weights: Float32Array;
  private readonly mask: number;
  constructor(entries: readonly number[], weights: ArrayLike<number>, rowOf: (entry: number) => number) {
    let size = 1024;
    while (size < entries.length * 1.5) size *= 2;
    const buffer = new ArrayBuffer(size * 16);
    this.keys = new Int32Array(buffer);
    this.weights = new Float32Array(buffer);
    this.mask = size - 1;
    for (let i = 0; i < size; i++) this.keys[i * 4] = -1;
    entries.forEach((k, e) => {
      let i = k & this.mask;
      while (this.keys[i * 4] !== -1 && this.keys[i * 4] !== k) i = (i + 1) & this.mask;
      this.keys[i * 4] = k;
      const row = rowOf(e);
      for (let l = 0; l < 3; l++) this.weights[i * 4 + 1 + l] = weights[row * 3 + l];
    });
  }
  /** Offset in `weights` of a key's first weight, or -1. */
  find(k: number): number {
    let i = k & this.mask;
    for (;;) {
      const at = this.keys[i * 4];
      if (at === k) return i * 4 + 1;
      if (at === -1) return -1;
      i = (i + 1) & this.mask;
    }
  }
}

export interface ContentSpan {
  /** token range, inclusive */
  from: number;
  to: number;
}

export function loadContentModel(dataDir: string): ContentModel {
  const file = path.join(dataDir, "quotes", "content-tagger.json");
  let raw: { labels?: string[]; rates?: Record<string, number>; vocab?: string[]; keys?: number[]; weights?: number[] };
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`${file}: cannot read the content tagger: ${(e as Error).message}`);
  }
  if (JSON.stringify(raw.labels) !== JSON.stringify(LABELS)) throw new Error(`${file}: labels must be ${LABELS.join(",")}`);
  const keys = raw.keys ?? [], weights = raw.weights ?? [];
  if (weights.length !== keys.length * LABELS.length) throw new Error(`${file}: ${keys.length} keys but ${weights.length} weights`);
  if (keys.some((k) => !Number.isInteger(k) || k < 0 || k >= 2 ** 30)) throw new Error(`${file}: feature keys must be 30-bit integers`);
  const lex = featureLexicon(raw.vocab ?? [], new Map(Object.entries(raw.rates ?? {})));
  const slots = slotCount(lex.words - 3);
  const dense = new Float32Array(slots * 3);
  const hashedKeys: number[] = [], hashedRows: number[] = [];
  keys.forEach((k, row) => {
    if (k < slots) for (let l = 0; l < 3; l++) dense[k * 3 + l] = weights[row * 3 + l];
    else if (k >= HASHED) { hashedKeys.push(k); hashedRows.push(row); }
    else throw new Error(`${file}: feature key ${k} lies outside the ${slots} slots of this vocabulary`);
  });
  const hashed = new FeatureTable(hashedKeys, weights, (e) => hashedRows[e]);
  return { ...lex, dense, hashed, compiled: compileWeights(dense) };
}

/**
 * The best label sequence (Viterbi) given each token's label scores `obs[i*3+l]` and the
 * scores of the previous-label features `hist[(i*3+prev)*3+l]`; I may not follow O, and a
 * sentence starts after an O.
 */
export function bestSequence(n: number, obs: Float64Array, hist: Float64Array, labels: Uint8Array, score: Float64Array = new Float64Array(n * 3), back: Uint8Array = new Uint8Array(n * 3)): void {
  // Unrolled over the three labels: a sentence starts after an O; I may follow only B or I.
  score[0] = hist[0] + obs[0]; score[1] = hist[1] + obs[1]; score[2] = -Infinity;
  back[0] = O; back[1] = O; back[2] = O;
  for (let i = 1; i < n; i++) {
    const so = score[i * 3 - 3], sb = score[i * 3 - 2], si = score[i * 3 - 1];
    const h = i * 9;
    for (let l = 0; l < 2; l++) {
      // to O or B: from O, B or I
      const fo = so + hist[h + l], fb = sb + hist[h + 3 + l], fi = si + hist[h + 6 + l];
      let best = fo, arg = O;
      if (fb > best) { best = fb; arg = B; }
      if (fi > best) { best = fi; arg = I; }
      score[i * 3 + l] = best + obs[i * 3 + l];
      back[i * 3 + l] = arg;
    }
    const fb = sb + hist[h + 3 + I], fi = si + hist[h + 6 + I];
    score[i * 3 + I] = (fi > fb ? fi : fb) + obs[i * 3 + I];
    back[i * 3 + I] = fi > fb ? I : B;
  }
  let l = 0;
  for (let k = 1; k < 3; k++) if (score[(n - 1) * 3 + k] > score[(n - 1) * 3 + l]) l = k;
  for (let i = n - 1; i >= 0; i--) { labels[i] = l; l = back[i * 3 + l]; }
}

/** Buffers for tagging sentences of up to `capacity` tokens. */
class Scratch {
  readonly view: SentenceView;
  readonly obs: Float64Array; readonly hist: Float64Array; readonly score: Float64Array;
  readonly labels: Uint8Array; readonly back: Uint8Array;
  constructor(readonly capacity: number) {
    this.view = new SentenceView(capacity);
    this.obs = new Float64Array(capacity * 3); this.hist = new Float64Array(capacity * 9); this.score = new Float64Array(capacity * 3);
    this.labels = new Uint8Array(capacity); this.back = new Uint8Array(capacity * 3);
  }
}
// Kept from one document to the next (tagging is synchronous, so one set serves all):
// allocating a dozen typed arrays per document cost more than tagging short ones.
let scratch = new Scratch(64);
function scratchFor(longest: number): Scratch {
  if (longest > scratch.capacity) scratch = new Scratch(Math.max(longest, scratch.capacity * 2));
  return scratch;
}

/** Content spans of every sentence that holds a likely cue or a quotation mark (and is not skipped). */
export function tagContent(c: QuoteContext, model: ContentModel, rules: Uint8Array, skip?: Uint8Array): ContentSpan[] {
  const t = c.doc.tokens!;
  const out: ContentSpan[] = [];
  const table = model.hashed, find = (k: number): number => table.find(k);
  let longest = 0;
  for (let si = 0; si + 1 < t.sentenceTokenStart.length; si++) longest = Math.max(longest, t.sentenceTokenStart[si + 1] - t.sentenceTokenStart[si]);
  const { view: s, obs, hist, labels, score, back } = scratchFor(longest);
  for (let si = 0; si + 1 < t.sentenceTokenStart.length; si++) {
    const from = t.sentenceTokenStart[si], to = t.sentenceTokenStart[si + 1] - 1;
    if (to < from || skip?.[si]) continue;
    sentenceView(c, model, rules, from, to, s);
    if (!worthTagging(c, s)) continue;
    const n = to - from + 1;
    scoreSentence(c, s, model.compiled, find, table.weights, obs, hist);
    bestSequence(n, obs, hist, labels, score, back);
    let start = -1;
    for (let k = 0; k < n; k++) {
      if (labels[k] !== I && start >= 0) { out.push({ from: from + start, to: from + k - 1 }); start = -1; }
      if (labels[k] === B) start = k;
    }
    if (start >= 0) out.push({ from: from + start, to });
  }
  return out;
}
