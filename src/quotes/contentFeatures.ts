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
import { WordIds } from "../actors/wordIds.js";
import { cueShape } from "./cues.js";

/** Token labels: outside any content, first token of a content span, inside one. */
export const LABELS = ["O", "B", "I"] as const;
export const O = 0, B = 1, I = 2;

/** Word ids: 0 unknown, 1 before the sentence, 2 after it; known words from 3. */
export const UNKNOWN = 0, BEFORE = 1, AFTER = 2;

/**
 * What the features need from the model, behind one lookup per token: each known word's
 * entry gives its word id (from 3 for the vocabulary; UNKNOWN for a cue word outside it)
 * and its cue bucket.
 */
export interface FeatureLexicon {
  /** word (lower case) -> entry */
  entries: ReadonlyMap<string, number>;
  /** entry -> word id */
  wordIds: Int32Array;
  /** entry -> cueBucket of the word */
  buckets: Uint8Array;
  /** word ids in use: the vocabulary size + 3 */
  words: number;
  /** the entries' words, each with id entry + 1, for looking tokens up straight from the text */
  lookup: WordIds;
  /** first/last-letter and length filter (cues.ts cueShape) of the strong cues, to pass over sentences without one cheaply */
  strongShapes: Uint16Array;
}

/** The lexicon of a vocabulary (ids from 3, in list order) and cue rates. */
export function featureLexicon(vocab: readonly string[], rates: ReadonlyMap<string, number>): FeatureLexicon {
  const entries = new Map<string, number>();
  vocab.forEach((w) => entries.set(w, entries.size));
  for (const w of [...rates.keys()].sort()) if (!entries.has(w) && cueBucket(rates, w) > 0) entries.set(w, entries.size);
  // "according" anchors as a strong cue whatever its rate.
  if (!entries.has("according")) entries.set("according", entries.size);
  const lookup = new WordIds();
  for (const w of entries.keys()) lookup.intern(w);
  lookup.prepare();
  const wordIds = new Int32Array(entries.size), buckets = new Uint8Array(entries.size);
  for (const [w, e] of entries) {
    wordIds[e] = e < vocab.length ? e + 3 : UNKNOWN;
    buckets[e] = w === "according" ? 4 : cueBucket(rates, w);
  }
  const strongShapes = new Uint16Array(128 * 128);
  for (const [w, e] of entries) {
    if (buckets[e] < ANCHOR) continue;
    const sh = cueShape(w.charCodeAt(0), w.charCodeAt(w.length - 1), w.length);
    // A strong cue beginning or ending outside ASCII opens the filter to every word.
    if (sh < 0) strongShapes.fill(0xffff);
    else strongShapes[sh >> 4] |= 1 << (sh & 15);
  }
  return { entries, wordIds, buckets, words: vocab.length + 3, lookup, strongShapes };
}

/** The cue bucket of token i, looked up from the text. */
export function bucketAt(c: QuoteContext, lex: FeatureLexicon, i: number): number {
  const t = c.doc.tokens!;
  const e = lex.lookup.idOfLower(c.doc.text, c.units, t.starts[i], t.ends[i]) - 1;
  return e < 0 ? 0 : lex.buckets[e];
}

/** How likely a word is to be (part of) a cue, bucketed: 0 never seen as one … 4 mostly one. */
export function cueBucket(rates: ReadonlyMap<string, number>, word: string): number {
  const r = rates.get(word);
  if (r === undefined || r < 0.02) return 0;
  return r < 0.1 ? 1 : r < 0.3 ? 2 : r < 0.6 ? 3 : 4;
}

/** A strong cue: the bucket from which a word anchors the distance features. */
export const ANCHOR = 3;

// Features with small domains get fixed slots below DENSE; features of one word get slots
// from DENSE on, the word's 22 (template and value) side by side; only
// word pairs are hashed (into [HASHED, 2^30)). So the tagger reads almost every weight by
// index and probes a table once per token.
const enum H { Wm1W0 = 1 }
/** Word-slot blocks: W0, Wm1, Wp1, Wm2, Wp2, then PrevW0 x3 labels, LeftCueWord x7 and RightCueWord x7 distances. */
const enum WB { W0 = 0, Wm1 = 1, Wp1 = 2, Wm2 = 3, Wp2 = 4, PrevW0 = 5, LeftCueWord = 8, RightCueWord = 15, Blocks = 22 }
/** The slot of a one-word feature: a word's features lie together (neighbouring tokens share words, so the reads stay close). */
function wordSlot(word: number, block: number): number {
  return DENSE + word * WB.Blocks + block;
}
/** First hashed key: every dense and word slot lies below it. */
export const HASHED = 2 ** 29;
/** Number of dense and word slots for a vocabulary of `vocabSize` words. */
export function slotCount(vocabSize: number): number {
  return DENSE + WB.Blocks * (vocabSize + 3);
}
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

/** A hashed feature key: template and up to two values, mixed into [HASHED, 2^30). */
function key(t: number, a = 0, b = 0): number {
  let h = Math.imul(t, 0x9e3779b1) ^ Math.imul(a + 0x7f4a7c15, 0x85ebca77) ^ Math.imul(b + 0x165667b1, 0xc2b2ae3d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return HASHED + (h >>> 3);
}

/** Distance (at least 1) in buckets 0…6: 1, 2, 3, 4-6, 7-12, 13+ (0 unused). */
function distanceBucket(d: number): number {
  return d <= 3 ? d : d <= 6 ? 4 : d <= 12 ? 5 : 6;
}

/** Per-sentence facts the features reuse, computed once in O(sentence length) into buffers reused across sentences. */
export class SentenceView {
  from = 0;
  /** holds a strong cue outside quotation marks (the rest is filled only then) */
  worth = false;
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

/**
 * Fills `s` (sized for the longest sentence) with sentence [from, to]. The words, shapes
 * and nearest cues are filled only when the sentence is worth tagging (see worthTagging):
 * the others are never tagged, and most sentences are of that kind.
 */
export function sentenceView(c: QuoteContext, lex: FeatureLexicon, from: number, to: number, s: SentenceView = new SentenceView(to - from + 1)): SentenceView {
  const n = to - from + 1;
  const { words, buckets, shapes, left, right, leftCommas, rightCommas } = s;
  s.from = from; s.to = to;
  const text = c.doc.text, t = c.doc.tokens!, lookup = lex.lookup;
  s.worth = hasStrongCue(c, lex, from, to);
  if (!s.worth) return s;
  for (let k = 0; k < n; k++) {
    const e = lookup.idOfLower(text, c.units, t.starts[from + k], t.ends[from + k]) - 1;
    if (e < 0) { words[k] = UNKNOWN; buckets[k] = 0; }
    else { words[k] = lex.wordIds[e]; buckets[k] = lex.buckets[e]; }
  }
  for (let k = 0; k < n; k++) shapes[k] = shapeOf(c, from + k);
  const comma = (k: number): boolean => shapes[k] === 4 && t.ends[from + k] - t.starts[from + k] === 1 && text.charCodeAt(t.starts[from + k]) === 44;
  let anchor = -1, commas = 0;
  for (let k = 0; k < n; k++) {
    left[k] = anchor; leftCommas[k] = Math.min(commas, 2);
    if (buckets[k] >= ANCHOR) { anchor = from + k; commas = 0; } else if (comma(k)) commas++;
  }
  anchor = -1; commas = 0;
  for (let k = n - 1; k >= 0; k--) {
    right[k] = anchor; rightCommas[k] = Math.min(commas, 2);
    if (buckets[k] >= ANCHOR) { anchor = from + k; commas = 0; } else if (comma(k)) commas++;
  }
  return s;
}

/** Is the sentence worth tagging: does it hold a strong cue outside quotation marks? */
export function worthTagging(_c: QuoteContext, s: SentenceView): boolean {
  return s.worth;
}

/** Does sentence [from, to] hold a strong cue outside quotation marks? Most tokens fail the letter filter and are never looked up. */
function hasStrongCue(c: QuoteContext, lex: FeatureLexicon, from: number, to: number): boolean {
  const t = c.doc.tokens!, units = c.units, shapes = lex.strongShapes;
  for (let i = from; i <= to; i++) {
    if (c.inMarks[i] >= 0) continue;
    const st = t.starts[i], en = t.ends[i];
    const sh = cueShape(units[st], units[en - 1], en - st);
    if (sh >= 0 ? (shapes[sh >> 4] & (1 << (sh & 15))) === 0 : shapes[0] !== 0xffff) continue;
    if (bucketAt(c, lex, i) >= ANCHOR) return true;
  }
  return false;
}

/** Writes the observation feature keys of token i into out; returns how many. */
export function tokenFeatures(c: QuoteContext, s: SentenceView, i: number, out: Int32Array): number {
  const k = i - s.from, n = s.to - s.from + 1;
  const words = s.words, buckets = s.buckets, shapes = s.shapes;
  const wm1 = k > 0 ? words[k - 1] : BEFORE, w0 = words[k], wp1 = k + 1 < n ? words[k + 1] : AFTER;
  let m = 0;
  out[m++] = D.Bias;
  out[m++] = wordSlot(w0, WB.W0); out[m++] = wordSlot(wm1, WB.Wm1); out[m++] = wordSlot(wp1, WB.Wp1);
  out[m++] = wordSlot(k > 1 ? words[k - 2] : BEFORE, WB.Wm2); out[m++] = wordSlot(k + 2 < n ? words[k + 2] : AFTER, WB.Wp2);
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
    out[m++] = D.LeftCue + d; out[m++] = wordSlot(words[l - s.from], WB.LeftCueWord + d); out[m++] = D.LeftCueCommas + s.leftCommas[k] * 10 + d;
  } else out[m++] = D.LeftCue + 9;
  const r = s.right[k];
  if (r >= 0) {
    const d = distanceBucket(r - i);
    out[m++] = D.RightCue + d; out[m++] = wordSlot(words[r - s.from], WB.RightCueWord + d); out[m++] = D.RightCueCommas + s.rightCommas[k] * 10 + d;
  } else out[m++] = D.RightCue + 9;
  return m;
}

/** Most keys tokenFeatures writes. */
export const MAX_FEATURES = 32;

/** Writes the keys of the features that depend on the previous label; returns how many. */
export function historyFeatures(s: SentenceView, i: number, prev: number, out: Int32Array): number {
  const k = i - s.from;
  out[0] = D.Prev + prev;
  out[1] = wordSlot(s.words[k], WB.PrevW0 + prev);
  out[2] = D.PrevCbM1 + prev * 10 + (k > 0 ? s.buckets[k - 1] : 9);
  return 3;
}
