// Matching knowledge-base names at a token, and reading a capitalised personal name the
// knowledge base may not know ("Jay Tarriela", "Abdel Fattah al-Burhan", "J. D. Vance").
import type { NameEntry } from "../kb/nameIndex.js";
import type { Entity } from "../kb/types.js";
import type { FinderContext } from "./context.js";
import { NAME_SUFFIXES } from "./closedClassWords.js";
import { ANY_NAME, NOT_NAME, PARTICLE, STARTS_NAME, STEM_STARTS_NAME } from "./knowledge.js";


export interface NameMatch { entry: NameEntry; entity: Entity; end: number; possessive: number }

/** Could a knowledge-base name start at token i? A cheap test before matchKbName. */
export function mayStartName(c: FinderContext, i: number): boolean {
  return (c.v.classes[i] & (STARTS_NAME | STEM_STARTS_NAME)) !== 0;
}

/**
 * The longest knowledge-base name starting at token i, if the text writes it as a name.
 * `kinds`: the kinds of name accepted, as NAME_BIT | DEMONYM_BIT | PLACE_BIT.
 */
export function matchKbName(c: FinderContext, i: number, kinds: number = ANY_NAME): NameMatch | null {
  const v = c.v;
  const count = v.count;
  if (i < 0 || i >= count) return null;
  if (!v.caps[i]) {
    // Names also start with a digit ("10 Downing Street").
    const ch = v.text.charCodeAt(v.start(i));
    if (ch < 48 || ch > 57) return null;
  }
  const ids = v.ids;
  // The token's own word if names start with it, else the word before its possessive ending.
  const first = v.classes[i] & STARTS_NAME ? ids[i] : v.stemIds[i];
  const pack = c.k.namePack;
  const packAt = c.k.namePackAt[first];
  if (!packAt) return null;
  const sentence = c.sentenceOf[i];
  for (let e = 0, at = packAt + 1, candidates = pack[packAt]; e < candidates; e++) {
    const kindBit = pack[at], n = pack[at + 1], mustMatchCase = pack[at + 2] === 1, index = pack[at + 3], from = at + 4;
    at = from + n;
    if (!(kindBit & kinds)) continue;
    if (i + n > count || c.sentenceOf[i + n - 1] !== sentence) continue;
    const exact = mustMatchCase ? c.k.nameList[index].entry.exactTokens : null;
    let ok = true;
    let possessive = 0;
    for (let k = 0; k < n && ok; k++) {
      const t = i + k;
      if (ids[t] === pack[from + k]) { if (exact && !writtenAs(v, t, 0, exact[k])) ok = false; continue; }
      if (k === n - 1 && v.poss[t] && v.stemIds[t] === pack[from + k]) {
        possessive = v.poss[t];
        if (exact && !writtenAs(v, t, possessive, exact[k])) ok = false;
        continue;
      }
      ok = false;
    }
    if (ok) { const found = c.k.nameList[index]; return { entry: found.entry, entity: found.entity, end: i + n, possessive }; }
  }
  return null;
}

/** Token t, without its last `cut` units, is written exactly as `word` (compared in place: no string is made). */
function writtenAs(v: FinderContext["v"], t: number, cut: number, word: string): boolean {
  return v.length(t) - cut === word.length && v.text.startsWith(word, v.start(t));
}

/** The token after the title at i, past the title's own period ("Gen." is two tokens). */
export function afterTitle(c: FinderContext, i: number): number {
  return c.v.isPeriod(i + 1) && c.v.touches(i, i + 1) ? i + 2 : i + 1;
}

/** End (exclusive) of a personal name starting at i: capitalised words, particles, initials; i itself if none. */
export function readPersonName(c: FinderContext, i: number, maxWords = 5): number {
  const v = c.v;
  if (i < 0 || i >= v.count) return i;
  const sentence = c.sentenceOf[i];
  let j = i, words = 0;
  while (j < v.count && words < maxWords && c.sentenceOf[j] === sentence) {
    if (v.caps[j] && !(j === i && v.classes[j] & NOT_NAME)) {
      // An initial "J." : the letter and its touching period.
      if (v.length(j) === 1 && v.isPeriod(j + 1) && v.touches(j, j + 1)) { j += 2; words++; continue; }
      j++; words++;
      continue;
    }
    if (j > i && v.classes[j] & PARTICLE && v.isCap(j + 1)) { j++; continue; }
    break;
  }
  return j;
}

const SUFFIXES = new Set(NAME_SUFFIXES);

/**
 * The known person a written name means once its middle initials and generational suffix
 * are set aside ("Antony J. Blinken" is Antony Blinken), when exactly one person has that
 * name. Tokens [start, end) are a name read by readPersonName.
 */
export function kbPersonByLooseName(c: FinderContext, start: number, end: number): Entity | undefined {
  const v = c.v;
  const words: string[] = [];
  let dropped = false;
  for (let j = start; j < end; j++) {
    if (v.isPeriod(j)) continue;
    const w = v.lower(j);
    const initial = w.length === 1 && j > start && j + 1 < end;
    if (initial || (j > start + 1 && SUFFIXES.has(w))) { dropped = true; continue; }
    words.push(w);
  }
  if (!dropped || words.length < 2) return undefined;
  let found: Entity | undefined;
  for (const entry of c.k.names.get(words[0]) ?? []) {
    if (entry.kind !== "name" || entry.tokens.length !== words.length || !entry.tokens.every((t, x) => t === words[x])) continue;
    const e = c.k.kb.entities.get(entry.entity);
    if (!e || e.kind !== "person") continue;
    if (found && found !== e) return undefined;
    found = e;
  }
  return found;
}

