// The content tagger: a structured averaged perceptron that labels each token of a sentence
// as outside reported content, its first token or inside it (O/B/I), the best sequence
// found by Viterbi over features of each token and of the label before it. Weights and
// cue rates come from
// data/quotes/content-tagger.json, written by scripts/train-quote-tagger.mjs from the
// PolNeAR training split; this file only loads and applies them.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { QuoteContext } from "./quoteContext.js";
import { B, HASHED, I, LABELS, MAX_FEATURES, O, slotCount, SentenceView, featureLexicon, historyFeatures, sentenceView, tokenFeatures, worthTagging, type FeatureLexicon } from "./contentFeatures.js";

export interface ContentModel extends FeatureLexicon {
  /** weights (O, B, I) of the dense and word features, by slot */
  dense: Float32Array;
  /** weights of the hashed features */
  hashed: FeatureTable;
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
  return { ...lex, dense, hashed };
}

/**
 * The best label sequence (Viterbi) given each token's label scores `obs[i*3+l]` and the
 * scores of the previous-label features `hist[(i*3+prev)*3+l]`; I may not follow O, and a
 * sentence starts after an O.
 */
export function bestSequence(n: number, obs: Float64Array, hist: Float64Array, labels: Uint8Array, score = new Float64Array(n * 3), back = new Uint8Array(n * 3)): void {
  for (let i = 0; i < n; i++) {
    for (let l = 0; l < 3; l++) {
      let best = -Infinity, arg = 0;
      for (let p = 0; p < 3; p++) {
        if (i === 0 && p !== O) continue;
        if (l === I && p === O) continue;
        const s = (i === 0 ? 0 : score[(i - 1) * 3 + p]) + hist[(i * 3 + p) * 3 + l];
        if (s > best) { best = s; arg = p; }
      }
      score[i * 3 + l] = best + obs[i * 3 + l];
      back[i * 3 + l] = arg;
    }
  }
  let l = 0;
  for (let k = 1; k < 3; k++) if (score[(n - 1) * 3 + k] > score[(n - 1) * 3 + l]) l = k;
  for (let i = n - 1; i >= 0; i--) { labels[i] = l; l = back[i * 3 + l]; }
}

function addWeights(model: ContentModel, keys: Int32Array, count: number, into: Float64Array, at: number): void {
  const dense = model.dense, table = model.hashed, hw = table.weights;
  let o = 0, b = 0, i = 0;
  for (let f = 0; f < count; f++) {
    const k = keys[f];
    if (k < HASHED) { o += dense[k * 3]; b += dense[k * 3 + 1]; i += dense[k * 3 + 2]; continue; }
    const w = table.find(k);
    if (w >= 0) { o += hw[w]; b += hw[w + 1]; i += hw[w + 2]; }
  }
  into[at] += o; into[at + 1] += b; into[at + 2] += i;
}

/** Content spans of every sentence that holds a likely cue or a quotation mark (and is not skipped). */
export function tagContent(c: QuoteContext, model: ContentModel, skip?: Uint8Array): ContentSpan[] {
  const t = c.doc.tokens!;
  const out: ContentSpan[] = [];
  const keys = new Int32Array(MAX_FEATURES);
  // Scratch buffers sized once for the longest sentence.
  let longest = 0;
  for (let si = 0; si + 1 < t.sentenceTokenStart.length; si++) longest = Math.max(longest, t.sentenceTokenStart[si + 1] - t.sentenceTokenStart[si]);
  const s = new SentenceView(longest);
  const obs = new Float64Array(longest * 3), hist = new Float64Array(longest * 9), labels = new Uint8Array(longest);
  const score = new Float64Array(longest * 3), back = new Uint8Array(longest * 3);
  for (let si = 0; si + 1 < t.sentenceTokenStart.length; si++) {
    const from = t.sentenceTokenStart[si], to = t.sentenceTokenStart[si + 1] - 1;
    if (to < from || skip?.[si]) continue;
    sentenceView(c, model, from, to, s);
    if (!worthTagging(c, s)) continue;
    const n = to - from + 1;
    obs.fill(0, 0, n * 3);
    hist.fill(0, 0, n * 9);
    for (let i = from; i <= to; i++) {
      addWeights(model, keys, tokenFeatures(c, s, i, keys), obs, (i - from) * 3);
      for (let p = 0; p < 3; p++) addWeights(model, keys, historyFeatures(s, i, p, keys), hist, ((i - from) * 3 + p) * 3);
    }
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
