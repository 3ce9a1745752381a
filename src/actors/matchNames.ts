// Matching knowledge-base names at a token, and reading a capitalised personal name the
// knowledge base may not know ("Jay Tarriela", "Abdel Fattah al-Burhan", "J. D. Vance").
import type { NameEntry } from "../kb/nameIndex.js";
import type { FinderContext } from "./context.js";
import { sameSentence } from "./context.js";

export interface NameMatch { entry: NameEntry; end: number; possessive: number }

/** The longest knowledge-base name starting at token i, if the text writes it as a name. */
export function matchKbName(c: FinderContext, i: number, kinds?: ReadonlyArray<NameEntry["kind"]>): NameMatch | null {
  const v = c.v;
  if (!v.isCap(i) && !/^\d/.test(v.word(i))) return null;
  const cands = c.k.names.get(v.lower(i)) ?? c.k.names.get(v.stemLower(i));
  if (!cands) return null;
  for (const e of cands) {
    if (kinds && !kinds.includes(e.kind)) continue;
    const n = e.tokens.length;
    if (i + n > v.count || !sameSentence(c, i, i + n - 1)) continue;
    let ok = true;
    let possessive = 0;
    for (let k = 0; k < n && ok; k++) {
      const last = k === n - 1;
      const word = v.lower(i + k);
      if (word === e.tokens[k]) { if (e.exactTokens && v.word(i + k) !== e.exactTokens[k]) ok = false; continue; }
      if (last && v.possessive(i + k) && v.stemLower(i + k) === e.tokens[k]) {
        possessive = v.possessive(i + k);
        if (e.exactTokens && v.word(i + k).slice(0, -possessive) !== e.exactTokens[k]) ok = false;
        continue;
      }
      ok = false;
    }
    if (ok) return { entry: e, end: i + n, possessive };
  }
  return null;
}

const PARTICLES = new Set(["al", "al-", "bin", "bint", "ibn", "de", "da", "di", "dos", "du", "van", "von", "der", "den", "la", "le", "el", "abu", "ul"]);

/** End (exclusive) of a personal name starting at i: capitalised words, particles, initials; i itself if none. */
export function readPersonName(c: FinderContext, i: number, maxWords = 5): number {
  const v = c.v;
  let j = i, words = 0;
  while (j < v.count && words < maxWords && sameSentence(c, i, j)) {
    if (v.isCap(j) && !(j === i && c.k.notNames.has(v.lower(j)))) {
      // An initial "J." : the letter and its touching period.
      if (v.word(j).length === 1 && j + 1 < v.count && v.word(j + 1) === "." && v.touches(j, j + 1)) { j += 2; words++; continue; }
      j++; words++;
      continue;
    }
    if (j > i && PARTICLES.has(v.lower(j)) && v.isCap(j + 1)) { j++; continue; }
    break;
  }
  return j;
}
