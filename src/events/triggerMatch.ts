// Finds the trigger that starts at a token: a lemma sequence from triggers.tsv, with up to
// two words between its parts ("launched drone attacks"), in the part of speech it is
// listed as.
import type { EventContext } from "./eventContext.js";
import { same } from "./eventContext.js";
import type { Trigger } from "./knowledge.js";

/** A word after these prepositions is a noun, not a verb ("in order to", "of attack"). */
const NOUN_PREPOSITION = new Set(["in", "of", "on", "with", "by", "from", "into", "under", "after", "during"]);
const DETERMINER = new Set(["the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those", "any", "no"]);

/**
 * Noun triggers are not verb forms ("Zelenskyy called" is not the noun "call"); a verb
 * trigger after a determiner is a noun ("the attack"), and a sentence-opening participle
 * ("Asked whether …") has no subject of its own.
 */
function fitsPartOfSpeech(c: EventContext, i: number, t: Trigger): boolean {
  const { v } = c;
  const w = v.lower(i), first = t.words[0];
  // A noun is its listed form or a plural of it: "struck" (strike) and "fought" are verb forms.
  if (t.pos === "noun") return w === first || (w.endsWith("s") && c.k.lemmas.hasForm(w, first));
  const before = i > 0 ? v.lower(i - 1) : "";
  if (DETERMINER.has(before) || NOUN_PREPOSITION.has(before)) return false;
  // "announced renewed sanctions": a plural after a participle that modifies it is a noun.
  if (w.endsWith("s") && w !== first && before.endsWith("ed") && !v.isCap(i - 1) && c.mentionAt[i - 1] < 0) return false;
  // "a press release", "the peace talks": a base or plural form after determiner + modifier is a noun.
  if (i > 1 && (DETERMINER.has(v.lower(i - 2)) || NOUN_PREPOSITION.has(v.lower(i - 2))) && (!v.isCap(i - 1) || (c.mentionAt[i - 1] >= 0 && !v.lower(i - 1).endsWith("s"))) && v.isWord(i - 1) && (w === first || w === first + "s")) return false;
  const sentenceStart = i === 0 || !same(c, i - 1, i);
  return !(sentenceStart && (w.endsWith("ed") || w.endsWith("ing")));
}

export function matchTrigger(c: EventContext, i: number): { t: Trigger; end: number } | null {
  const { v } = c;
  const lemma = c.lemma(i);
  const list = c.k.triggers.get(lemma) ?? c.k.triggers.get(v.lower(i));
  if (!list) return null;
  if (isNonEvent(c, i)) return null;
  for (const t of list) {
    if (!fitsPartOfSpeech(c, i, t)) continue;
    let j = i, ok = true;
    for (let w = 1; w < t.words.length && ok; w++) {
      // Up to two words may stand between ("launched drone attacks", "imposed new sanctions").
      let found = -1;
      for (let g = j + 1; g <= j + 3 && g < v.count && same(c, g, i); g++) {
        if (c.lemma(g) === t.words[w] || c.k.lemmas.hasForm(v.word(g), t.words[w])) { found = g; break; }
        if (!v.isWord(g) && v.word(g) !== "-") break;
      }
      if (found < 0) ok = false; else j = found;
    }
    if (ok) return { t, end: j };
  }
  return null;
}

/** "who asked not to be named", "declined to comment", "come back": the trigger is part of a formula, not an event. */
function isNonEvent(c: EventContext, i: number): boolean {
  for (const phrase of c.k.nonEvents) {
    // The trigger may be any word of the phrase ("come back" holds the trigger "back").
    for (let at = 0; at < phrase.length; at++) {
      const s = i - at;
      if (s < 0 || !same(c, s, i)) break;
      let ok = true;
      for (let w = 0; w < phrase.length && ok; w++) ok = s + w < c.v.count && (c.lemma(s + w) === phrase[w] || c.v.lower(s + w) === phrase[w]);
      if (ok) return true;
    }
  }
  return false;
}
