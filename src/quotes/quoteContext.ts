// What the quote finders read: tokens with their sentences, which mention covers each
// token, which tokens are cues, and which lie inside quotation marks.
import type { Doc, MentionOut } from "../model/index.js";
import { TokenView } from "../actors/tokenView.js";
import { TokenKind } from "../model/tokens.js";
import { UNKNOWN_WORD } from "../actors/wordIds.js";
import { cueShape, type CueLexicon } from "./cues.js";
import type { MarkSpan } from "./quoteMarks.js";
import { ScratchArrays } from "../actors/scratchArrays.js";

export interface QuoteContext {
  doc: Doc;
  v: TokenView;
  cues: CueLexicon;
  sentenceOf: Uint32Array;
  /** index into doc.mentions of the mention covering each token, or -1 (the longest wins) */
  mentionAt: Int32Array;
  /** index of the mark span a token lies inside (marks included), or -1 */
  inMarks: Int32Array;
  marks: MarkSpan[];
  /** 1 for tokens inside a time expression ("Tuesday", "last week"): never a speaker */
  inTime: Uint8Array;
  /** the text's UTF-16 code units, for looking words up without slicing them out */
  units: Uint16Array;
  /** each token's word id among the cue words (cues.words) */
  cueWordAt: Int32Array;
}

/** Words after which a form can be a verb: pronouns, auxiliaries and adverbs that stand between a subject and its verb. */
const BEFORE_VERB = new Set(["i", "he", "she", "it", "we", "they", "you", "who", "which", "that", "also", "has", "have", "had", "will", "would", "could", "should", "may", "might", "can", "to", "not", "never", "then", "later", "again", "often", "repeatedly", "publicly", "previously", "recently", "once", "further", "and", "but", "did", "does", "do"]);

/**
 * Does a form that is also a noun ("state", "report", "remarks") stand as a verb here?
 * Lower case (not "the United States", "State Department") and either after its subject's
 * name or a pronoun or auxiliary ("Trump states", "he reports", "would state"), or before
 * the "that" of a clause ("the report states that …").
 */
function verbStandsAt(v: TokenView, mentionAt: Int32Array, j: number): boolean {
  if (v.isCap(j)) return false;
  // After an owner ("its claim", "Maduro’s claim to the election") the word is a noun,
  // even where a mention stands before it.
  if (j > 0 && (POSSESSIVES.has(v.lower(j - 1)) || v.possessive(j - 1) > 0)) return false;
  if (v.is(j + 1, "that")) return true;
  return j > 0 && (mentionAt[j - 1] >= 0 || BEFORE_VERB.has(v.lower(j - 1)));
}

/** Possessive determiners ("her" is left out: it is an object as often). */
const POSSESSIVES = new Set(["its", "their", "his", "our", "my", "your", "whose"]);

/** Typed arrays use the machine's byte order; a native "utf16le" copy is only right on little-endian ones. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function codeUnits(text: string, scratch: ScratchArrays | null): Uint16Array {
  const units = scratch ? scratch.uint16(text.length, false) : new Uint16Array(text.length);
  if (LITTLE_ENDIAN) Buffer.from(units.buffer, units.byteOffset, units.byteLength).write(text, "utf16le");
  else for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}

/**
 * The context of one document. With `scratch` (the stage's, reset for each document) its
 * arrays are views onto a kept buffer, valid until the stage starts the next document:
 * allocating a dozen typed arrays of their own for every document cost more than filling them.
 */
export function newQuoteContext(doc: Doc, cues: CueLexicon, marks: MarkSpan[], scratch: ScratchArrays | null = null): QuoteContext {
  const t = doc.tokens!;
  const v = new TokenView(doc.text, t);
  const n = t.count;
  const sentenceOf = scratch ? scratch.uint32(n) : new Uint32Array(n);
  for (let s = 0; s + 1 < t.sentenceTokenStart.length; s++) sentenceOf.fill(s, t.sentenceTokenStart[s], t.sentenceTokenStart[s + 1]);
  const mentionAt = (scratch ? scratch.int32(n, false) : new Int32Array(n)).fill(-1);
  const mentions: MentionOut[] = doc.mentions ?? [];
  let ti = 0;
  const order = mentions.map((m, i) => i).sort((a, b) => mentions[a].start - mentions[b].start);
  for (const mi of order) {
    const m = mentions[mi];
    while (ti > 0 && t.starts[ti - 1] >= m.start) ti--;
    while (ti < t.count && t.ends[ti] <= m.start) ti++;
    for (let j = ti; j < t.count && t.starts[j] < m.end; j++) {
      const old = mentionAt[j];
      if (old < 0 || mentions[old].end - mentions[old].start < m.end - m.start) mentionAt[j] = mi;
    }
  }
  const inMarks = (scratch ? scratch.int32(n, false) : new Int32Array(n)).fill(-1);
  marks.forEach((s, q) => inMarks.fill(q, s.open, s.close + 1));
  const inTime = scratch ? scratch.uint8(n) : new Uint8Array(n);
  let tj = 0;
  for (const tm of [...(doc.times ?? [])].sort((a, b) => a.start - b.start)) {
    while (tj > 0 && t.starts[tj - 1] >= tm.start) tj--;
    while (tj < t.count && t.ends[tj] <= tm.start) tj++;
    for (let j = tj; j < t.count && t.starts[j] < tm.end; j++) inTime[j] = 1;
  }
  const units = codeUnits(doc.text, scratch);
  const cueWordAt = scratch ? scratch.int32(n) : new Int32Array(n);
  const { starts, ends, kinds } = t, shapes = cues.shapes;
  for (let j = 0; j < t.count; j++) {
    if (kinds[j] !== TokenKind.Word) continue;
    const s = starts[j], e = ends[j];
    const sh = cueShape(units[s], units[e - 1], e - s);
    if (sh >= 0 && shapes[sh >> 4] & (1 << (sh & 15))) cueWordAt[j] = cues.words.idOfLower(doc.text, units, s, e);
  }
  for (let j = 0; j < t.count; j++) if (cues.nounLike[cueWordAt[j]] && !verbStandsAt(v, mentionAt, j)) cueWordAt[j] = UNKNOWN_WORD;
  return { doc, v, cues, sentenceOf, mentionAt, inMarks, marks, inTime, units, cueWordAt };
}

export function same(c: QuoteContext, i: number, j: number): boolean {
  return i >= 0 && j >= 0 && i < c.v.count && j < c.v.count && c.sentenceOf[i] === c.sentenceOf[j];
}

export function cueLemma(c: QuoteContext, i: number): string | undefined {
  if (i < 0 || i >= c.v.count) return undefined;
  const l = c.cues.lemmaOfId[c.cueWordAt[i]];
  return l >= 0 ? c.cues.lemmas[l] : undefined;
}

/** Is token i the word "according"? */
export function isAccording(c: QuoteContext, i: number): boolean {
  return i >= 0 && i < c.v.count && c.cueWordAt[i] === c.cues.according;
}

/** Is token i the one-unit punctuation `ch` (",", ";")? Read from the code units: the finders test many tokens. */
export function isMark(c: QuoteContext, i: number, ch: number): boolean {
  const t = c.doc.tokens!;
  return i >= 0 && i < t.count && t.ends[i] - t.starts[i] === 1 && c.units[t.starts[i]] === ch;
}
export const COMMA = 44, SEMICOLON = 59;
