// The content tagger: an averaged perceptron that labels each token of a sentence as
// outside reported content, its first token or inside it (O/B/I), left to right, each
// decision seeing the one before. Weights and cue rates come from
// data/quotes/content-tagger.json, written by scripts/train-quote-tagger.mjs from the
// PolNeAR training split; this file only loads and applies them.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { QuoteContext } from "./quoteContext.js";
import { B, I, LABELS, O, sentenceView, tokenFeatures, worthTagging, type SentenceView } from "./contentFeatures.js";

export interface ContentModel {
  /** word (lower case) -> share of its training occurrences inside a cue */
  rates: Map<string, number>;
  /** feature -> one weight per label */
  weights: Map<string, Float64Array>;
}

export interface ContentSpan {
  /** token range, inclusive */
  from: number;
  to: number;
}

export function loadContentModel(dataDir: string): ContentModel {
  const file = path.join(dataDir, "quotes", "content-tagger.json");
  let raw: { labels?: string[]; rates?: Record<string, number>; weights?: Record<string, number[]> };
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`${file}: cannot read the content tagger: ${(e as Error).message}`);
  }
  if (JSON.stringify(raw.labels) !== JSON.stringify(LABELS)) throw new Error(`${file}: labels must be ${LABELS.join(",")}`);
  const weights = new Map<string, Float64Array>();
  for (const [f, w] of Object.entries(raw.weights ?? {})) weights.set(f, Float64Array.from(w));
  return { rates: new Map(Object.entries(raw.rates ?? {})), weights };
}

/** The features that depend on the previous decision. */
export function historyFeatures(c: QuoteContext, s: SentenceView, i: number, prev: number, out: string[]): void {
  const p = LABELS[prev];
  out.push("p=" + p, "pw=" + p + "_" + c.v.lower(i), "pcb=" + p + "_" + (i > s.from ? s.buckets[i - 1 - s.from] : 9));
}

/**
 * The best label sequence (Viterbi) given each token's label scores `obs[i*3+l]` and the
 * scores of the previous-label features `hist[(i*3+prev)*3+l]`; I may not follow O, and a
 * sentence starts after an O.
 */
export function bestSequence(n: number, obs: Float64Array, hist: Float64Array, labels: Uint8Array): void {
  const score = new Float64Array(n * 3), back = new Uint8Array(n * 3);
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

function addWeights(weights: ReadonlyMap<string, Float64Array>, feats: readonly string[], into: Float64Array, at: number): void {
  for (const f of feats) {
    const w = weights.get(f);
    if (w) { into[at] += w[0]; into[at + 1] += w[1]; into[at + 2] += w[2]; }
  }
}

/** Content spans of every sentence that holds a likely cue or a quotation mark. */
export function tagContent(c: QuoteContext, model: ContentModel): ContentSpan[] {
  const t = c.doc.tokens!;
  const out: ContentSpan[] = [];
  const feats: string[] = [];
  for (let si = 0; si + 1 < t.sentenceTokenStart.length; si++) {
    const from = t.sentenceTokenStart[si], to = t.sentenceTokenStart[si + 1] - 1;
    if (to < from) continue;
    const s = sentenceView(c, model.rates, from, to);
    if (!worthTagging(c, s)) continue;
    const n = to - from + 1;
    const obs = new Float64Array(n * 3), hist = new Float64Array(n * 9);
    for (let i = from; i <= to; i++) {
      tokenFeatures(c, s, i, feats);
      addWeights(model.weights, feats, obs, (i - from) * 3);
      for (let p = 0; p < 3; p++) {
        feats.length = 0;
        historyFeatures(c, s, i, p, feats);
        addWeights(model.weights, feats, hist, ((i - from) * 3 + p) * 3);
      }
    }
    const labels = new Uint8Array(n);
    bestSequence(n, obs, hist, labels);
    let start = -1;
    for (let k = 0; k < n; k++) {
      if (labels[k] !== I && start >= 0) { out.push({ from: from + start, to: from + k - 1 }); start = -1; }
      if (labels[k] === B) start = k;
    }
    if (start >= 0) out.push({ from: from + start, to });
  }
  return out;
}
