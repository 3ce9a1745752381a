// The features the content tagger reads for each token of a sentence: the words around
// it, how often each word was a reporting cue in the training data (so that "said",
// "according", "called for" or "wrote" mark where reported content begins and ends),
// the distance and the commas between it and the nearest strong cue on each side,
// quotation marks and mentions. One module serves training (scripts/train-quote-tagger.mjs)
// and tagging, so the two can never drift apart.
//
// Features are numbers, not strings: a template number and up to two values (word ids from
// the model's vocabulary, or small codes) hashed into one 30-bit key. The tagger runs on
// every sentence that holds a cue, so building strings per token would cost more than
// all the rest of the quotes stage; small integer keys also make the weight lookup a probe
// into a typed array. (Two features may share a key; among ~10^5 features in 2^30 keys
// that is rare, and they then simply share weights.)
import type { QuoteContext } from "./quoteContext.js";

/** Token labels: outside any content, first token of a content span, inside one. */
export const LABELS = ["O", "B", "I"] as const;
export const O = 0, B = 1, I = 2;

/** Word ids: 0 unknown, 1 before the sentence, 2 after it; known words from 3. */
export const UNKNOWN = 0, BEFORE = 1, AFTER = 2;

/** What the features need from the model: word ids and cue rates. */
export interface FeatureLexicon {
  /** word (lower case) -> id (>= 3) */
  ids: ReadonlyMap<string, number>;
  /** word (lower case) -> share of its training occurrences inside a cue */
  rates: ReadonlyMap<string, number>;
  /** word id -> cueBucket of the word (0 for the reserved ids) */
  buckets: Uint8Array;
}

/** The lexicon of a vocabulary (ids from 3, in list order) and cue rates. */
export function featureLexicon(vocab: readonly string[], rates: ReadonlyMap<string, number>): FeatureLexicon {
  const ids = new Map<string, number>();
  const buckets = new Uint8Array(vocab.length + 3);
  vocab.forEach((w, i) => { ids.set(w, i + 3); buckets[i + 3] = cueBucket(rates, w); });
  return { ids, rates, buckets };
}

/** How likely a word is to be (part of) a cue, bucketed: 0 never seen as one … 4 mostly one. */
export function cueBucket(rates: ReadonlyMap<string, number>, word: string): number {
  const r = rates.get(word);
  if (r === undefined || r < 0.02) return 0;
  return r < 0.1 ? 1 : r < 0.3 ? 2 : r < 0.6 ? 3 : 4;
}

/** A strong cue: the bucket from which a word anchors the distance features. */
export const ANCHOR = 3;

// Word features are hashed; the others have small domains and get fixed slots below
// DENSE, so the tagger reads their weights by index instead of probing a table.
const enum H { W0 = 1, Wm1, Wp1, Wm2, Wp2, Wm1W0, LeftCueWord, RightCueWord, PrevW0 }
// Dense templates: offset of each, and its domain size in the comment.
const enum D {
  Bias = 0, // 1
  Shape0 = 1, ShapeM1 = 10, ShapeP1 = 19, // 9 each
  Cb0 = 28, CbM1 = 38, CbP1 = 48, CbM2 = 58, // 10 each
  Marks = 68, // 4
  Mentions = 72, // 8
  First = 80, Last = 81, // 1 each
  LeftCue = 82, LeftCueCommas = 92, // 10, 30
  RightCue = 122, RightCueCommas = 132, // 10, 30
  Prev = 162, // 3
  PrevCbM1 = 165, // 30
}
/** Keys below DENSE are dense slots; hashed keys lie in [DENSE, 2^30). */
export const DENSE = 195;

/** A hashed feature key: template and up to two values, mixed into [DENSE, 2^30). */
function key(t: number, a = 0, b = 0): number {
  let h = Math.imul(t, 0x9e3779b1) ^ Math.imul(a + 0x7f4a7c15, 0x85ebca77) ^ Math.imul(b + 0x165667b1, 0xc2b2ae3d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return DENSE + (h >>> 3);
}

function distanceBucket(d: number): number {
  return d <= 3 ? d : d <= 6 ? 4 : d <= 12 ? 5 : 6;
}

/** Per-sentence facts the features reuse, computed once in O(sentence length) into buffers reused across sentences. */
export class SentenceView {
  from = 0;
  to = -1; // inclusive
  words: Int32Array;
  buckets: Uint8Array;
  shapes: Uint8Array;
  /** nearest strong cue before each token (absolute index, -1 none) and the commas between */
  left: Int32Array;
  leftCommas: Uint8Array;
  right: Int32Array;
  rightCommas: Uint8Array;
  constructor(capacity: number) {
    this.words = new Int32Array(capacity); this.buckets = new Uint8Array(capacity); this.shapes = new Uint8Array(capacity);
    this.left = new Int32Array(capacity); this.leftCommas = new Uint8Array(capacity);
    this.right = new Int32Array(capacity); this.rightCommas = new Uint8Array(capacity);
  }
}

function shapeOf(c: QuoteContext, i: number): number {
  const k = c.v.kind(i);
  if (k === 4) return 1; // opening mark
  if (k === 5) return 2; // closing mark
  if (k === 2) return 3; // number
  if (k !== 1) return 4; // punctuation
  return c.v.isCap(i) ? 5 : 6;
}

/** Fills `s` (sized for the longest sentence) with sentence [from, to]. */
export function sentenceView(c: QuoteContext, lex: FeatureLexicon, from: number, to: number, s: SentenceView = new SentenceView(to - from + 1)): SentenceView {
  const n = to - from + 1;
  const { words, buckets, shapes, left, right, leftCommas, rightCommas } = s;
  s.from = from; s.to = to;
  for (let k = 0; k < n; k++) {
    const w = c.v.lower(from + k);
    const id = lex.ids.get(w) ?? UNKNOWN;
    words[k] = id;
    buckets[k] = w === "according" ? 4 : id !== UNKNOWN ? lex.buckets[id] : cueBucket(lex.rates, w);
    shapes[k] = shapeOf(c, from + k);
  }
  let anchor = -1, commas = 0;
  for (let k = 0; k < n; k++) {
    left[k] = anchor; leftCommas[k] = Math.min(commas, 2);
    if (buckets[k] >= ANCHOR) { anchor = from + k; commas = 0; } else if (shapes[k] === 4 && c.v.word(from + k) === ",") commas++;
  }
  anchor = -1; commas = 0;
  for (let k = n - 1; k >= 0; k--) {
    right[k] = anchor; rightCommas[k] = Math.min(commas, 2);
    if (buckets[k] >= ANCHOR) { anchor = from + k; commas = 0; } else if (shapes[k] === 4 && c.v.word(from + k) === ",") commas++;
  }
  return s;
}

/** Is the sentence worth tagging: does it hold a strong cue outside quotation marks? */
export function worthTagging(c: QuoteContext, s: SentenceView): boolean {
  for (let i = s.from; i <= s.to; i++) if (s.buckets[i - s.from] >= ANCHOR && c.inMarks[i] < 0) return true;
  return false;
}

/** Writes the observation feature keys of token i into out; returns how many. */
export function tokenFeatures(c: QuoteContext, s: SentenceView, i: number, out: Int32Array): number {
  const k = i - s.from, n = s.to - s.from + 1;
  const words = s.words, buckets = s.buckets, shapes = s.shapes;
  const wm1 = k > 0 ? words[k - 1] : BEFORE, w0 = words[k], wp1 = k + 1 < n ? words[k + 1] : AFTER;
  let m = 0;
  out[m++] = D.Bias;
  out[m++] = key(H.W0, w0); out[m++] = key(H.Wm1, wm1); out[m++] = key(H.Wp1, wp1);
  out[m++] = key(H.Wm2, k > 1 ? words[k - 2] : BEFORE); out[m++] = key(H.Wp2, k + 2 < n ? words[k + 2] : AFTER);
  out[m++] = key(H.Wm1W0, wm1, w0);
  out[m++] = D.Shape0 + shapes[k]; out[m++] = D.ShapeM1 + (k > 0 ? shapes[k - 1] : 7); out[m++] = D.ShapeP1 + (k + 1 < n ? shapes[k + 1] : 8);
  out[m++] = D.Cb0 + buckets[k]; out[m++] = D.CbM1 + (k > 0 ? buckets[k - 1] : 0);
  out[m++] = D.CbP1 + (k + 1 < n ? buckets[k + 1] : 0); out[m++] = D.CbM2 + (k > 1 ? buckets[k - 2] : 0);
  out[m++] = D.Marks + (c.inMarks[i] >= 0 ? 1 : 0) + (k > 0 && c.inMarks[i - 1] >= 0 ? 2 : 0);
  out[m++] = D.Mentions + (c.mentionAt[i] >= 0 ? 1 : 0) + (k > 0 && c.mentionAt[i - 1] >= 0 ? 2 : 0) + (k + 1 < n && c.mentionAt[i + 1] >= 0 ? 4 : 0);
  if (k === 0) out[m++] = D.First;
  if (k === n - 1) out[m++] = D.Last;
  const l = s.left[k];
  if (l >= 0) {
    const d = distanceBucket(i - l);
    out[m++] = D.LeftCue + d; out[m++] = key(H.LeftCueWord, words[l - s.from], d); out[m++] = D.LeftCueCommas + s.leftCommas[k] * 10 + d;
  } else out[m++] = D.LeftCue + 9;
  const r = s.right[k];
  if (r >= 0) {
    const d = distanceBucket(r - i);
    out[m++] = D.RightCue + d; out[m++] = key(H.RightCueWord, words[r - s.from], d); out[m++] = D.RightCueCommas + s.rightCommas[k] * 10 + d;
  } else out[m++] = D.RightCue + 9;
  return m;
}

/** Most keys tokenFeatures writes. */
export const MAX_FEATURES = 32;

/** Writes the keys of the features that depend on the previous label; returns how many. */
export function historyFeatures(s: SentenceView, i: number, prev: number, out: Int32Array): number {
  const k = i - s.from;
  out[0] = D.Prev + prev;
  out[1] = key(H.PrevW0, prev, s.words[k]);
  out[2] = D.PrevCbM1 + prev * 10 + (k > 0 ? s.buckets[k - 1] : 9);
  return 3;
}
