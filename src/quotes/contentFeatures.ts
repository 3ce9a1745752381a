// The features the content tagger reads for each token of a sentence: the words around
// it, how often each word was a reporting cue in the training data (so that "said",
// "according", "called for" or "wrote" mark where reported content begins and ends),
// the distance and the commas between it and the nearest strong cue on each side (and
// whether a "that" or a mention lies by that cue), quotation marks, mentions, and what the
// rules (attributions.ts) found there: the tagger learns where their reports are right and
// where it bounds them better. One module serves training (scripts/train-quote-tagger.mjs)
// and tagging, so the two can never drift apart: tokenFeatures lists each token's features
// as keys (for training), scoreSentence sums the same features' weights from compiled
// tables (for tagging), and a test holds the two equal.
//
// Features are numbers, not strings: a template number and up to two values (word ids from
// the model's vocabulary, or small codes) hashed into one 30-bit key. The tagger runs on
// most sentences that hold a cue, so building strings per token would cost more than
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
  /** 1 for the word ids of the words that open a reported clause ("that", "whether", "if"), by word id */
  openers: Uint8Array;
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
  const openers = new Uint8Array(vocab.length + 3);
  for (const w of CLAUSE_OPENERS) { const e = entries.get(w); if (e !== undefined && wordIds[e] !== UNKNOWN) openers[wordIds[e]] = 1; }
  return { entries, wordIds, buckets, words: vocab.length + 3, lookup, strongShapes, openers };
}

const CLAUSE_OPENERS = ["that", "whether", "if", ":"];

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
const enum WB { W0 = 0, Wm1 = 1, Wp1 = 2, Wm2 = 3, Wp2 = 4, PrevW0 = 5, LeftCueWord = 8, RightCueWord = 15, W0LeftCue = 22, W0RightCue = 29, Blocks = 36 }
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
  Rule0 = 195, RuleM1Rule0 = 201, // 6, 36
  PrevRule0 = 237, // 18
  RuleCb0 = 255, // 60
  SentPos = 315, // 49
  LeftOpener = 364, // 14
  LeftSubject = 378, // 14
}
/** Keys below DENSE are dense slots; hashed keys lie in [DENSE, 2^30). */
export const DENSE = 392;

/**
 * What the rules (attributions.ts) found, per token, as the tagger reads it: the tagger
 * learns where rule-found reports are right and where their bounds are off, and so can
 * replace them.
 */
export const RULE_NONE = 0, RULE_FIRST = 1, RULE_INSIDE = 2, RULE_LAST = 3, RULE_CUE = 4, RULE_SPEAKER = 5;

/** Per-token rule codes of a document's rule-found reports (content first/inside/last, cue, speaker's first token). */
export function ruleCodes(c: QuoteContext, reports: readonly { from: number; to: number; cue: number; speaker: { token: number } | null }[], codes: Uint8Array = new Uint8Array(c.doc.tokens!.count)): Uint8Array {
  for (const a of reports) {
    codes.fill(RULE_INSIDE, a.from, a.to + 1);
    codes[a.to] = RULE_LAST;
    codes[a.from] = RULE_FIRST;
  }
  for (const a of reports) {
    if (codes[a.cue] === RULE_NONE) codes[a.cue] = RULE_CUE;
    if (a.speaker && codes[a.speaker.token] === RULE_NONE) codes[a.speaker.token] = RULE_SPEAKER;
  }
  return codes;
}

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
  rules: Uint8Array;
  /** a clause opener ("that") lies between the nearest strong cue before a token and it (inclusive) */
  leftOpener: Uint8Array;
  /** a mention ends right before the nearest strong cue before a token (its likely speaker) */
  leftSubject: Uint8Array;
  constructor(capacity: number) {
    this.leftOpener = new Uint8Array(capacity); this.leftSubject = new Uint8Array(capacity);
    this.rules = new Uint8Array(capacity);
    this.words = new Int32Array(capacity); this.buckets = new Uint8Array(capacity); this.shapes = new Uint8Array(capacity);
    this.left = new Int32Array(capacity); this.leftCommas = new Uint8Array(capacity);
    this.right = new Int32Array(capacity); this.rightCommas = new Uint8Array(capacity);
  }
}

// Token shapes: 1 opening mark, 2 closing mark, 3 number, 4 other punctuation, 5 capitalised word, 6 other word.

/**
 * Fills `s` (sized for the longest sentence) with sentence [from, to]. The words, shapes
 * and nearest cues are filled only when the sentence is worth tagging (see worthTagging):
 * the others are never tagged, and most sentences are of that kind.
 */
export function sentenceView(c: QuoteContext, lex: FeatureLexicon, rules: Uint8Array, from: number, to: number, s: SentenceView = new SentenceView(to - from + 1)): SentenceView {
  const n = to - from + 1;
  const { words, buckets, shapes, left, right, leftCommas, rightCommas } = s;
  s.from = from; s.to = to;
  const text = c.doc.text, t = c.doc.tokens!, lookup = lex.lookup;
  s.worth = hasRule(rules, from, to) || hasStrongCue(c, lex, from, to);
  if (!s.worth) return s;
  const starts = t.starts, ends = t.ends, kinds = t.kinds, units = c.units, mentionAt = c.mentionAt;
  const wordIds = lex.wordIds, lexBuckets = lex.buckets, openers = lex.openers;
  const { rules: sRules, leftOpener, leftSubject } = s;
  for (let k = 0; k < n; k++) {
    const i = from + k;
    const e = lookup.idOfLower(text, units, starts[i], ends[i]) - 1;
    if (e < 0) { words[k] = UNKNOWN; buckets[k] = 0; }
    else { words[k] = wordIds[e]; buckets[k] = lexBuckets[e]; }
    shapes[k] = kinds[i] === 1 ? (isCapital(text, units[starts[i]]) ? 5 : 6) : shapeOfKind(kinds[i]);
    sRules[k] = rules[i];
  }
  let anchor = -1, commas = 0, opener = 0, subject = 0;
  for (let k = 0; k < n; k++) {
    if (openers[words[k]]) opener = 1;
    left[k] = anchor; leftCommas[k] = commas < 2 ? commas : 2; leftOpener[k] = opener; leftSubject[k] = subject;
    if (buckets[k] >= ANCHOR) {
      anchor = from + k; commas = 0; opener = 0;
      subject = (k > 0 && mentionAt[from + k - 1] >= 0) || (k > 1 && mentionAt[from + k - 2] >= 0) ? 1 : 0;
    } else if (isComma(shapes, starts, ends, units, from, k)) commas++;
  }
  anchor = -1; commas = 0;
  for (let k = n - 1; k >= 0; k--) {
    right[k] = anchor; rightCommas[k] = commas < 2 ? commas : 2;
    if (buckets[k] >= ANCHOR) { anchor = from + k; commas = 0; } else if (isComma(shapes, starts, ends, units, from, k)) commas++;
  }
  return s;
}

function isComma(shapes: Uint8Array, starts: Uint32Array, ends: Uint32Array, units: Uint16Array, from: number, k: number): boolean {
  return shapes[k] === 4 && ends[from + k] - starts[from + k] === 1 && units[starts[from + k]] === 44;
}

/** The shape of a token that is not a word. */
function shapeOfKind(kind: number): number {
  return kind === 4 ? 1 : kind === 5 ? 2 : kind === 2 ? 3 : 4;
}

/** Does a word starting with code unit u begin with a capital (as TokenView.isCap)? */
function isCapital(text: string, u: number): boolean {
  if (u < 128) return u >= 65 && u <= 90;
  const ch = String.fromCharCode(u);
  return ch !== ch.toLowerCase();
}

/** Is the sentence worth tagging: does it hold a strong cue outside quotation marks? */
export function worthTagging(_c: QuoteContext, s: SentenceView): boolean {
  return s.worth;
}

function hasRule(rules: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i <= to; i++) if (rules[i] !== RULE_NONE) return true;
  return false;
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
  out[m++] = D.SentPos + distanceBucket(k + 1) * 7 + distanceBucket(n - k);
  const r0 = s.rules[k], rm1 = k > 0 ? s.rules[k - 1] : 0;
  out[m++] = D.Rule0 + r0; out[m++] = D.RuleM1Rule0 + rm1 * 6 + r0; out[m++] = D.RuleCb0 + r0 * 10 + buckets[k];
  const l = s.left[k];
  if (l >= 0) {
    const d = distanceBucket(i - l);
    out[m++] = D.LeftCue + d; out[m++] = wordSlot(words[l - s.from], WB.LeftCueWord + d); out[m++] = D.LeftCueCommas + s.leftCommas[k] * 10 + d;
    out[m++] = wordSlot(w0, WB.W0LeftCue + d);
    out[m++] = D.LeftOpener + s.leftOpener[k] * 7 + d; out[m++] = D.LeftSubject + s.leftSubject[k] * 7 + d;
  } else { out[m++] = D.LeftCue + 9; out[m++] = wordSlot(w0, WB.W0LeftCue); }
  const r = s.right[k];
  if (r >= 0) {
    const d = distanceBucket(r - i);
    out[m++] = D.RightCue + d; out[m++] = wordSlot(words[r - s.from], WB.RightCueWord + d); out[m++] = D.RightCueCommas + s.rightCommas[k] * 10 + d;
    out[m++] = wordSlot(w0, WB.W0RightCue + d);
  } else { out[m++] = D.RightCue + 9; out[m++] = wordSlot(w0, WB.W0RightCue); }
  return m;
}

/** Most keys tokenFeatures writes. */
export const MAX_FEATURES = 40;

/** Writes the keys of the features that depend on the previous label; returns how many. */
export function historyFeatures(s: SentenceView, i: number, prev: number, out: Int32Array): number {
  const k = i - s.from;
  out[0] = D.Prev + prev;
  out[1] = wordSlot(s.words[k], WB.PrevW0 + prev);
  out[2] = D.PrevCbM1 + prev * 10 + (k > 0 ? s.buckets[k - 1] : 9);
  out[3] = D.PrevRule0 + prev * 6 + s.rules[k];
  return 4;
}

/**
 * The dense weights regrouped for tagging: the templates that read the same few small
 * values (a token's shape, cue bucket and rule code; its distance to the nearest cue and
 * the commas between; …) are summed into one table indexed by those values together, so
 * a token costs a dozen reads instead of some forty. Built once from the model's weights;
 * scoreSentence with these tables gives exactly the sums of the tokenFeatures and
 * historyFeatures weights (test/quoteTagger.test.ts checks it).
 */
export interface CompiledWeights {
  dense: Float32Array;
  local: Float32Array; prev: Float32Array; next: Float32Array; marksMentions: Float32Array;
  position: Float32Array; left: Float32Array; right: Float32Array; history: Float32Array;
}

export function compileWeights(dense: Float32Array): CompiledWeights {
  const table = (size: number, keysOf: (x: number) => number[]): Float32Array => {
    const out = new Float32Array(size * 3);
    for (let x = 0; x < size; x++) for (const k of keysOf(x)) for (let l = 0; l < 3; l++) out[x * 3 + l] += dense[k * 3 + l];
    return out;
  };
  const digits = (x: number, ...radix: number[]): number[] => {
    const out: number[] = [];
    for (let r = radix.length - 1; r >= 0; r--) { out.unshift(x % radix[r]); x = Math.floor(x / radix[r]); }
    return out;
  };
  return {
    dense,
    local: table(9 * 10 * 6, (x) => { const [sh, cb, r] = digits(x, 9, 10, 6); return [D.Bias, D.Shape0 + sh, D.Cb0 + cb, D.Rule0 + r, D.RuleCb0 + r * 10 + cb]; }),
    prev: table(9 * 10 * 6 * 6, (x) => { const [sh, cb, rm1, r] = digits(x, 9, 10, 6, 6); return [D.ShapeM1 + sh, D.CbM1 + cb, D.RuleM1Rule0 + rm1 * 6 + r]; }),
    next: table(9 * 10, (x) => { const [sh, cb] = digits(x, 9, 10); return [D.ShapeP1 + sh, D.CbP1 + cb]; }),
    marksMentions: table(4 * 8, (x) => { const [mk, mn] = digits(x, 4, 8); return [D.Marks + mk, D.Mentions + mn]; }),
    position: table(49, (x) => { const [a, b] = digits(x, 7, 7); return [D.SentPos + x, ...(a === 1 ? [D.First] : []), ...(b === 1 ? [D.Last] : [])]; }),
    left: table(7 * 3 * 2 * 2, (x) => {
      const [d, cm, op, sb] = digits(x, 7, 3, 2, 2);
      return d === 0 ? [D.LeftCue + 9] : [D.LeftCue + d, D.LeftCueCommas + cm * 10 + d, D.LeftOpener + op * 7 + d, D.LeftSubject + sb * 7 + d];
    }),
    right: table(7 * 3, (x) => { const [d, cm] = digits(x, 7, 3); return d === 0 ? [D.RightCue + 9] : [D.RightCue + d, D.RightCueCommas + cm * 10 + d]; }),
    history: table(3 * 10 * 6, (x) => { const [p, cb, r] = digits(x, 3, 10, 6); return [D.Prev + p, D.PrevCbM1 + p * 10 + cb, D.PrevRule0 + p * 6 + r]; }),
  };
}

/**
 * The label scores of every token of sentence view s (obs[k*3+l]) and of its previous-label
 * features (hist[(k*3+p)*3+l]), as tokenFeatures and historyFeatures define them, read
 * from compiled tables; `hashed` gives the offset of a hashed key's weights in `hw`, or -1.
 */
export function scoreSentence(c: QuoteContext, s: SentenceView, w: CompiledWeights, hashed: (key: number) => number, hw: Float32Array, obs: Float64Array, hist: Float64Array): void {
  const n = s.to - s.from + 1, from = s.from;
  const { words, buckets, shapes, rules, left, right, leftCommas, rightCommas, leftOpener, leftSubject } = s;
  const dense = w.dense, local = w.local, prev = w.prev, next = w.next, mm = w.marksMentions, position = w.position, lt = w.left, rt = w.right, history = w.history;
  const inMarks = c.inMarks, mentionAt = c.mentionAt;
  for (let k = 0; k < n; k++) {
    const i = from + k;
    const w0 = words[k], wm1 = k > 0 ? words[k - 1] : BEFORE, wp1 = k + 1 < n ? words[k + 1] : AFTER;
    const wm2 = k > 1 ? words[k - 2] : BEFORE, wp2 = k + 2 < n ? words[k + 2] : AFTER;
    const b0 = buckets[k], bm1 = k > 0 ? buckets[k - 1] : 0, r0 = rules[k];
    const base0 = (DENSE + w0 * WB.Blocks) * 3;
    // one-word features
    let x = base0 + WB.W0 * 3;
    let o = dense[x], b = dense[x + 1], in_ = dense[x + 2];
    x = (DENSE + wm1 * WB.Blocks + WB.Wm1) * 3; o += dense[x]; b += dense[x + 1]; in_ += dense[x + 2];
    x = (DENSE + wp1 * WB.Blocks + WB.Wp1) * 3; o += dense[x]; b += dense[x + 1]; in_ += dense[x + 2];
    x = (DENSE + wm2 * WB.Blocks + WB.Wm2) * 3; o += dense[x]; b += dense[x + 1]; in_ += dense[x + 2];
    x = (DENSE + wp2 * WB.Blocks + WB.Wp2) * 3; o += dense[x]; b += dense[x + 1]; in_ += dense[x + 2];
    const hk = hashed(key(H.Wm1W0, wm1, w0));
    if (hk >= 0) { o += hw[hk]; b += hw[hk + 1]; in_ += hw[hk + 2]; }
    // small-domain features, grouped
    x = ((shapes[k] * 10 + b0) * 6 + r0) * 3; o += local[x]; b += local[x + 1]; in_ += local[x + 2];
    x = ((((k > 0 ? shapes[k - 1] : 7) * 10 + bm1) * 6 + (k > 0 ? rules[k - 1] : 0)) * 6 + r0) * 3; o += prev[x]; b += prev[x + 1]; in_ += prev[x + 2];
    x = ((k + 1 < n ? shapes[k + 1] : 8) * 10 + (k + 1 < n ? buckets[k + 1] : 0)) * 3; o += next[x]; b += next[x + 1]; in_ += next[x + 2];
    x = (D.CbM2 + (k > 1 ? buckets[k - 2] : 0)) * 3; o += dense[x]; b += dense[x + 1]; in_ += dense[x + 2];
    const marks = (inMarks[i] >= 0 ? 1 : 0) + (k > 0 && inMarks[i - 1] >= 0 ? 2 : 0);
    const mentions = (mentionAt[i] >= 0 ? 1 : 0) + (k > 0 && mentionAt[i - 1] >= 0 ? 2 : 0) + (k + 1 < n && mentionAt[i + 1] >= 0 ? 4 : 0);
    x = (marks * 8 + mentions) * 3; o += mm[x]; b += mm[x + 1]; in_ += mm[x + 2];
    x = (distanceBucket(k + 1) * 7 + distanceBucket(n - k)) * 3; o += position[x]; b += position[x + 1]; in_ += position[x + 2];
    // the nearest strong cues
    const l = left[k];
    if (l >= 0) {
      const d = distanceBucket(i - l);
      x = (((d * 3 + leftCommas[k]) * 2 + leftOpener[k]) * 2 + leftSubject[k]) * 3; o += lt[x]; b += lt[x + 1]; in_ += lt[x + 2];
      x = (DENSE + words[l - from] * WB.Blocks + WB.LeftCueWord + d) * 3; o += dense[x]; b += dense[x + 1]; in_ += dense[x + 2];
      x = base0 + (WB.W0LeftCue + d) * 3; o += dense[x]; b += dense[x + 1]; in_ += dense[x + 2];
    } else {
      o += lt[0]; b += lt[1]; in_ += lt[2];
      x = base0 + WB.W0LeftCue * 3; o += dense[x]; b += dense[x + 1]; in_ += dense[x + 2];
    }
    const r = right[k];
    if (r >= 0) {
      const d = distanceBucket(r - i);
      x = (d * 3 + rightCommas[k]) * 3; o += rt[x]; b += rt[x + 1]; in_ += rt[x + 2];
      x = (DENSE + words[r - from] * WB.Blocks + WB.RightCueWord + d) * 3; o += dense[x]; b += dense[x + 1]; in_ += dense[x + 2];
      x = base0 + (WB.W0RightCue + d) * 3; o += dense[x]; b += dense[x + 1]; in_ += dense[x + 2];
    } else {
      o += rt[0]; b += rt[1]; in_ += rt[2];
      x = base0 + WB.W0RightCue * 3; o += dense[x]; b += dense[x + 1]; in_ += dense[x + 2];
    }
    obs[k * 3] = o; obs[k * 3 + 1] = b; obs[k * 3 + 2] = in_;
    // previous-label features
    const cbm1 = k > 0 ? bm1 : 9;
    for (let p = 0; p < 3; p++) {
      const y = ((p * 10 + cbm1) * 6 + r0) * 3, z = base0 + (WB.PrevW0 + p) * 3, at = (k * 3 + p) * 3;
      hist[at] = history[y] + dense[z]; hist[at + 1] = history[y + 1] + dense[z + 1]; hist[at + 2] = history[y + 2] + dense[z + 2];
    }
  }
}
