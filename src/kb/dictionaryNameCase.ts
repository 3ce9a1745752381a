// Dictionary phrases are written in capitals (HAMID_KARZAI_, UN_SECURITY_COUNCIL); Parley
// stores names as they appear in news ("Hamid Karzai"). Capitals are kept where news keeps
// them: initials with dots (U.N., K.) and acronyms the knowledge base already writes in
// capitals (UN, NATO, WHO); everything else becomes title case, small joining words lower
// case. This matters beyond looks: a short all-capital name only matches text in capitals
// (so WHO is not "who"), which would make an imported "PUTIN" miss "Putin".
import type { KnowledgeBase } from "./types.js";

const JOINING = new Set(["of", "the", "and", "for", "on", "in", "at", "to", "de", "del", "la", "le", "du", "des", "van", "von", "der", "den", "da", "dos"]);

/** Names the knowledge base writes in capitals: UN, NATO, WHO, US, EU … */
export function capitalNames(kb: KnowledgeBase): Set<string> {
  const out = new Set<string>();
  for (const e of kb.entities.values()) for (const n of e.names) if (/^[A-Z][A-Z.]{1,5}$/.test(n)) out.add(n);
  return out;
}

export function dictionaryNameCase(phrase: string, capitals: ReadonlySet<string>): string {
  // Mixed case was written on purpose.
  if (/\p{Ll}/u.test(phrase)) return phrase;
  return phrase.split(" ").map((word, i) => {
    if (word.includes(".") || capitals.has(word)) return word;
    const lower = word.toLowerCase();
    if (i > 0 && JOINING.has(lower)) return lower;
    // Capitalise each part of Ki-moon-style and D'Escoto-style names.
    return lower.replace(/(^|[-'’])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
  }).join(" ");
}
