// Finder 1: names the knowledge base knows — people, organisations, seats of power,
// countries and their capitals. Demonyms wait for the role and group finders, which
// decide whether "Ukrainian" qualifies an office, a group, or stands alone.
import type { FinderContext } from "./context.js";
import { cover, ensureEntity, isFree, sameSentence } from "./context.js";
import { countryGroupNounAt } from "./groups.js";
import { matchKbName, mayStartName } from "./matchNames.js";
import { NAME_BIT, PLACE_BIT } from "./knowledge.js";

export function findKbNames(c: FinderContext): void {
  const { v, k, reg } = c;
  let next = 0; // the token after the last mention found
  for (let x = 0; x < v.nameStarts.length; x++) {
    const i = v.nameStarts[x];
    if (i < next || c.covered[i] || !mayStartName(c, i)) continue;
    const m = matchKbName(c, i, NAME_BIT | PLACE_BIT);
    if (!m || !isFree(c, i, m.end)) continue;
    const e = m.entity;
    // "the Armed Forces of the Philippines (AFP)": an abbreviation in parentheses after a
    // name is that name's, not a namesake's the knowledge base knows by it.
    if (definedLocally(c, i, m.end, e.names)) continue;
    // "Pakistan Army", "Russia's military", "Kyiv police": the group finder names the group.
    if (e.kind === "country" && sameSentence(c, i, m.end) && countryGroupNounAt(c, m.end)) continue;
    const draft = ensureEntity(c, e);
    let start = v.start(i);
    // "the Kremlin", "the United Nations": the article belongs to the name of a body.
    if (e.kind === "organisation" && v.is(i - 1, "the") && !c.covered[i - 1]) start = v.start(i - 1);
    const end = v.end(m.end - 1) - m.possessive;
    reg.mention({ start, end, key: draft.key, kind: m.entry.kind === "place" ? "place" : "name", token: i });
    cover(c, i, m.end);
    next = m.end;
  }
}

/**
 * Is the name at tokens [i, end) an abbreviation in parentheses right after a capitalised
 * word that none of the entity's names contains ("Montenegro Municipality Association
 * (AKK)")? "Agence France-Presse (AFP)", "World Food Program (WFP)" keep their entity.
 */
function definedLocally(c: FinderContext, i: number, end: number, names: readonly string[]): boolean {
  const { v } = c;
  if (v.word(i - 1) !== "(" || v.word(end) !== ")" || !v.isCap(i - 2) || !sameSentence(c, i - 2, end)) return false;
  const before = v.lower(i - 2);
  return !names.some((n) => n.toLowerCase().includes(before));
}
