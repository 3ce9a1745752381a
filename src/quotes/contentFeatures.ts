// The features the content tagger reads for each token of a sentence: the words around
// it, how often each word was a reporting cue in the training data (so that "said",
// "according", "called for" or "wrote" mark where reported content begins and ends),
// the distance and the words between it and the nearest cue on each side, quotation marks
// and mentions. One function serves training (scripts/train-quote-tagger.mjs) and tagging,
// so the two can never drift apart.
import type { QuoteContext } from "./quoteContext.js";

/** Token labels: outside any content, first token of a content span, inside one. */
export const LABELS = ["O", "B", "I"] as const;
export const O = 0, B = 1, I = 2;

/** How likely a word is to be (part of) a cue, bucketed: 0 never seen as one … 4 mostly one. */
export function cueBucket(rates: ReadonlyMap<string, number>, word: string): number {
  const r = rates.get(word);
  if (r === undefined || r < 0.02) return 0;
  return r < 0.1 ? 1 : r < 0.3 ? 2 : r < 0.6 ? 3 : 4;
}

/** A strong cue: the bucket from which a word anchors the distance features. */
export const ANCHOR = 3;

function distanceBucket(d: number): string {
  return d <= 3 ? String(d) : d <= 6 ? "4-6" : d <= 12 ? "7-12" : "13+";
}

function shape(c: QuoteContext, i: number): string {
  const k = c.v.kind(i);
  if (k === 4) return "qo";
  if (k === 5) return "qc";
  if (k === 2) return "d";
  if (k !== 1) return "p";
  return c.v.isCap(i) ? "X" : "x";
}

/** Per-sentence facts the features reuse: cue buckets of each token, and the strong cues. */
export interface SentenceView {
  from: number;
  to: number; // inclusive
  buckets: Uint8Array;
}

export function sentenceView(c: QuoteContext, rates: ReadonlyMap<string, number>, from: number, to: number): SentenceView {
  const buckets = new Uint8Array(to - from + 1);
  for (let i = from; i <= to; i++) buckets[i - from] = c.v.lower(i) === "according" ? 4 : cueBucket(rates, c.v.lower(i));
  return { from, to, buckets };
}

/** Is the sentence worth tagging: does it hold a likely cue or a quotation mark? */
export function worthTagging(c: QuoteContext, s: SentenceView): boolean {
  for (let i = s.from; i <= s.to; i++) if (s.buckets[i - s.from] >= 2 || c.inMarks[i] >= 0) return true;
  return false;
}

/** The observation features of token i (label-independent; the previous label is added by the tagger). */
export function tokenFeatures(c: QuoteContext, s: SentenceView, i: number, out: string[]): void {
  const { v } = c;
  out.length = 0;
  const w = (k: number): string => (k < s.from ? "<s>" : k > s.to ? "</s>" : v.lower(k));
  const bk = (k: number): number => (k < s.from || k > s.to ? 0 : s.buckets[k - s.from]);
  out.push("b", "w=" + w(i), "w-1=" + w(i - 1), "w+1=" + w(i + 1), "w-2=" + w(i - 2), "w+2=" + w(i + 2));
  out.push("w-1w=" + w(i - 1) + "_" + w(i));
  out.push("sh=" + shape(c, i), "sh-1=" + (i > s.from ? shape(c, i - 1) : "<s>"), "sh+1=" + (i < s.to ? shape(c, i + 1) : "</s>"));
  out.push("cb=" + bk(i), "cb-1=" + bk(i - 1), "cb+1=" + bk(i + 1), "cb-2=" + bk(i - 2));
  out.push("m=" + (c.inMarks[i] >= 0 ? 1 : 0) + (c.inMarks[i - 1] >= 0 && i > s.from ? 1 : 0));
  out.push("men=" + (c.mentionAt[i] >= 0 ? 1 : 0) + (i > s.from && c.mentionAt[i - 1] >= 0 ? 1 : 0) + (i < s.to && c.mentionAt[i + 1] >= 0 ? 1 : 0));
  if (i === s.from) out.push("first");
  if (i === s.to) out.push("last");
  // Nearest strong cue on the left, and what lies between it and this token.
  let commas = 0, l = -1;
  for (let k = i - 1; k >= s.from; k--) {
    if (bk(k) >= ANCHOR) { l = k; break; }
    if (v.word(k) === ",") commas++;
  }
  if (l >= 0) {
    const d = distanceBucket(i - l);
    out.push("lc=" + d, "lcw=" + v.lower(l) + "_" + d, "lcc=" + Math.min(commas, 2) + "_" + d);
  } else out.push("lc=none");
  // Nearest strong cue on the right.
  commas = 0;
  let r = -1;
  for (let k = i + 1; k <= s.to; k++) {
    if (bk(k) >= ANCHOR) { r = k; break; }
    if (v.word(k) === ",") commas++;
  }
  if (r >= 0) {
    const d = distanceBucket(r - i);
    out.push("rc=" + d, "rcw=" + v.lower(r) + "_" + d, "rcc=" + Math.min(commas, 2) + "_" + d);
  } else out.push("rc=none");
}
