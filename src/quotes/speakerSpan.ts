// The speaker of a cue: the mention (or, failing that, the noun phrase) that is the
// cue's subject — right before it ("Zelenskyy said", "the prime minister also said") or,
// in inverted attributions, right after it ("said Lammy").
import type { QuoteContext } from "./quoteContext.js";
import { cueLemma, same } from "./quoteContext.js";

export interface Speaker { actor: string | null; start: number; end: number; text: string; token: number }

const BETWEEN = new Set(["also", "has", "had", "have", "later", "then", "again", "repeatedly", "previously", "earlier", "once", "reportedly", "further", "had", "would", "will", "is", "was", "has", "recently", "publicly", "privately", "separately", "himself", "herself", "only", "just", "never", "not", "did", "does", "quickly"]);
const DETERMINERS = new Set(["the", "a", "an", "this", "that", "his", "her", "its", "their", "one", "two", "three", "another", "some", "several", "many", "senior", "other"]);
const STOP = new Set([",", ".", ";", ":", "(", ")", "“", "”", "\"", "and", "but", "who", "which", "that", "as", "when", "while", "after", "before", "because", "if", "since", "–", "—"]);

function fromMention(c: QuoteContext, mi: number, token: number): Speaker {
  const m = c.doc.mentions![mi];
  return { actor: m.actor, start: m.start, end: m.end, text: c.doc.text.slice(m.start, m.end), token };
}

/** The subject ending just before token `cue` (skipping adverbs and auxiliaries). */
export function subjectBefore(c: QuoteContext, cue: number): Speaker | null {
  const { v } = c;
  let j = cue - 1;
  while (j >= 0 && same(c, j, cue) && BETWEEN.has(v.lower(j))) j--;
  if (j < 0 || !same(c, j, cue)) return null;
  if (c.mentionAt[j] >= 0) {
    const mi = c.mentionAt[j];
    // Prefer the head of an apposition: "Mark Rutte, Nato's secretary general, said" -> the whole phrase names one actor.
    return fromMention(c, mi, j);
  }
  // A noun phrase the actors stage did not resolve ("a source", "officials", "the doctor").
  let s = j;
  while (s - 1 >= 0 && same(c, s - 1, cue) && cue - s < 7 && !STOP.has(v.lower(s - 1)) && c.inMarks[s - 1] < 0 && cueLemma(c, s - 1) === undefined) s--;
  if (!v.isWord(j) || STOP.has(v.lower(j))) return null;
  while (s < j && !DETERMINERS.has(v.lower(s)) && !v.isCap(s) && s < j - 3) s++;
  if (cue - s > 6) return null;
  return { actor: null, start: v.start(s), end: v.end(j), text: c.doc.text.slice(v.start(s), v.end(j)), token: s };
}

/** The subject right after an inverted cue ("said the prime minister", "added Lammy"). */
export function subjectAfter(c: QuoteContext, cue: number): Speaker | null {
  const j = cue + 1;
  if (!same(c, j, cue) || c.inTime[j]) return null;
  if (c.mentionAt[j] >= 0) return fromMention(c, c.mentionAt[j], j);
  const { v } = c;
  if (!v.isWord(j) || !(DETERMINERS.has(v.lower(j)) || v.isCap(j))) return null;
  let e = j;
  while (e + 1 < v.count && same(c, e + 1, cue) && v.isWord(e + 1) && e - j < 5 && !STOP.has(v.lower(e + 1))) e++;
  return { actor: null, start: v.start(j), end: v.end(e), text: c.doc.text.slice(v.start(j), v.end(e)), token: j };
}

/** Words that end a search for a name after an inverted cue: what follows is no subject ("said in a statement", "said of the plan"). */
const NOT_SUBJECT = new Set(["in", "on", "at", "of", "to", "for", "with", "by", "about", "from", "it", "this", "that", "there", "he", "she", "they", "we", "i", "you", "him", "her", "them", "after", "before", "during", "last", "earlier", "later", "then", "not"]);

/**
 * The subject after an inverted cue when lower-case words open it before the name:
 * "said retired Army Lt. Gen. Mick Bednarek", "said former Utah governor Michael Leavitt",
 * "said state Sen. Jason Holsman". The name must come within a few words, each a plain
 * word (or an abbreviation's period after a capitalised one).
 */
export function modifiedSubjectAfter(c: QuoteContext, cue: number): Speaker | null {
  const { v } = c;
  const first = cue + 1;
  if (!same(c, first, cue) || !v.isWord(first) || v.isCap(first)) return null;
  for (let j = first; j <= cue + 5 && same(c, j, cue); j++) {
    if (c.inTime[j] || c.inMarks[j] >= 0) return null;
    if (c.mentionAt[j] >= 0) return fromMention(c, c.mentionAt[j], j);
    if (v.isCap(j)) {
      let e = j;
      while (e + 1 < v.count && same(c, e + 1, cue) && e - j < 6 && (v.isCap(e + 1) || v.word(e + 1) === "." && v.isCap(e))) e++;
      if (v.word(e) === ".") e--;
      return { actor: null, start: v.start(first), end: v.end(e), text: c.doc.text.slice(v.start(first), v.end(e)), token: first };
    }
    if (!v.isWord(j) || NOT_SUBJECT.has(v.lower(j)) || STOP.has(v.lower(j)) || cueLemma(c, j) !== undefined) return null;
  }
  return null;
}

/**
 * A name or noun phrase starting at token j and ending before `stop` (a cue) or a comma:
 * "Senate Majority Leader Mitch McConnell, R-Ky., said", "― Jacklyn Ashley".
 */
export function nounPhraseAt(c: QuoteContext, j: number, stop: number): Speaker | null {
  const { v } = c;
  if (j >= v.count || c.inTime[j] || c.inMarks[j] >= 0) return null;
  if (c.mentionAt[j] >= 0) return fromMention(c, c.mentionAt[j], j);
  if (!v.isWord(j) || !(DETERMINERS.has(v.lower(j)) || v.isCap(j))) return null;
  let e = j;
  while (e + 1 < stop && e - j < 6 && v.isWord(e + 1) && !STOP.has(v.lower(e + 1)) && c.inMarks[e + 1] < 0 && cueLemma(c, e + 1) === undefined) e++;
  return { actor: null, start: v.start(j), end: v.end(e), text: c.doc.text.slice(v.start(j), v.end(e)), token: j };
}

/** The first person or body named in the cue's sentence before it ("Senator X of Texas, the No. 2 Republican, said"). */
export function sentenceSubject(c: QuoteContext, cue: number): Speaker | null {
  const t = c.doc.tokens!;
  for (let j = t.sentenceTokenStart[c.sentenceOf[cue]]; j < cue; j++) {
    const mi = c.mentionAt[j];
    if (mi >= 0 && c.inMarks[j] < 0) return fromMention(c, mi, j);
  }
  return null;
}

/**
 * Who speaks through a cue: after ", saying" the sentence's subject; otherwise the subject
 * right before the cue, or — behind an apposition or a coordination ("X, a spokesman,
 * said", "X called … and said") — the sentence's subject.
 */
export function cueSpeaker(c: QuoteContext, cue: number): Speaker | null {
  const { v } = c;
  const prev = v.word(cue - 1);
  if (/ing$/.test(v.lower(cue)) && prev === ",") return sentenceSubject(c, cue);
  const direct = subjectBefore(c, cue);
  if (direct) return direct;
  if (prev === "," || v.is(cue - 1, "and", "but")) return sentenceSubject(c, cue);
  return null;
}
