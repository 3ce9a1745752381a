// Finder 5: groups named by nationality and kind — "Ukrainian officials", "American and
// Ukrainian officials" (two actors), "Chinese coast guard vessels", "Israeli troops" —
// and nationality words standing alone ("Russian control"), which name the country.
import type { FinderContext } from "./context.js";
import { cover, ensureEntity, sameSentence } from "./context.js";
import { matchKbName, mayStartName } from "./matchNames.js";
import { DEMONYM_BIT, LIST_JOIN, longestPhraseAt, NAME_BIT, PLACE_BIT, STARTS_GROUP } from "./knowledge.js";

export function findGroups(c: FinderContext): void {
  const { v, k, reg } = c;
  let next = 0; // the token after the last mention found
  for (let x = 0; x < v.nameStarts.length; x++) {
    const i = v.nameStarts[x];
    if (i < next || c.covered[i] || !mayStartName(c, i)) continue;
    const m = matchKbName(c, i, DEMONYM_BIT | NAME_BIT | PLACE_BIT);
    if (!m) continue;
    const e = m.entity;
    if (e.kind !== "country") continue;
    // A country's or capital's name takes its group noun right after it ("Pakistan Army",
    // "Russia's military", "Kyiv police"); a nationality word may have words between.
    const isDemonym = m.entry.kind === "demonym";
    // Collect "A, B and C" nationality lists ending in a group noun.
    let j = m.end;
    let more: Member[] | null = null; // members after the first, made only for a list
    while (j < v.count && (v.classes[j] & LIST_JOIN) !== 0 && sameSentence(c, i, j + 1)) {
      const next = matchKbName(c, j + 1, DEMONYM_BIT | NAME_BIT);
      const ne = next?.entity;
      if (!next || !ne || ne.kind !== "country") break;
      (more ??= []).push({ start: j + 1, end: next.end, iso3: ne.country!, possessive: next.possessive });
      j = next.end;
    }
    const noun = isDemonym ? groupNounAt(c, j, 2) : countryGroupNounAt(c, j);
    if (noun && sameSentence(c, i, j + noun.length - 1)) {
      const members: Member[] = [{ start: i, end: m.end, iso3: e.country!, possessive: m.possessive }];
      if (more) members.push(...more);
      // A capital's name borne by a larger place elsewhere ("Victoria": the Seychelles' capital,
      // and an Australian state) names the country the gazetteer chooses.
      if (m.entry.kind === "place") members[0].iso3 = capitalCountry(c, i, e.country!);
      const nounText = v.text.slice(v.start(j), v.end(j + noun.length - 1));
      // A plain loop, not a callback: a closure here would make every pass of the token
      // loop allocate a scope for the variables it captures, match or not.
      for (let n = 0; n < members.length; n++) {
        const mem = members[n];
        // "Ukrainian officials"; a country's own name keeps the words as written ("Russia's military").
        const label = isDemonym || members.length > 1 ? `${v.text.slice(v.start(mem.start), v.end(mem.end - 1) - mem.possessive)} ${nounText}` : v.text.slice(v.start(mem.start), v.end(j + noun.length - 1));
        const draft = reg.ensure({ key: `group:${mem.iso3}:${noun.sector}`, name: label, kind: "group", country: mem.iso3, sector: noun.sector, code: `${mem.iso3}${noun.sector}`, kb: null });
        const last = n === members.length - 1;
        reg.mention({ start: v.start(mem.start), end: last ? v.end(j + noun.length - 1) : v.end(mem.end - 1), key: draft.key, kind: last ? "name" : "demonym", token: mem.start });
      }
      cover(c, i, j + noun.length);
      next = j + noun.length;
      continue;
    }
    // Country names standing alone were taken by the name finder; only demonyms remain here.
    if (m.entry.kind !== "demonym") continue;
    const draft = ensureEntity(c, e);
    reg.mention({ start: v.start(i), end: v.end(m.end - 1) - m.possessive, key: draft.key, kind: "demonym", token: i });
    cover(c, i, m.end);
    next = m.end;
  }
}

interface Member { start: number; end: number; iso3: string; possessive: number }


/** The country of the capital named at token i, unless the gazetteer chooses a larger place of that name elsewhere. */
function capitalCountry(c: FinderContext, i: number, own: string): string {
  const m = c.k.places.match(c.v, i);
  if (!m || m.places[0].country === own) return own;
  for (const d of c.reg.drafts.values()) if (d.country === own) return own; // the article is about the capital's country
  return c.k.places.choose(m).country;
}

/**
 * The group noun right after a country's or capital's name ("Pakistan Army"), but not a
 * capitalised region word that makes the name a region's ("Darfur State", where a region
 * the knowledge base codes to its state is named, not the state's government).
 */
export function countryGroupNounAt(c: FinderContext, j: number): { length: number; sector: string } | null {
  const noun = groupNounAt(c, j, 0);
  if (noun && noun.length === 1 && c.v.isCap(j) && c.k.places.words.regionSuffixes.has(c.v.lower(j))) return null;
  return noun;
}

/**
 * A group noun at token j, allowing one or two words between ("coast guard vessels",
 * "security officials"): its length in tokens from j, and its sector.
 */
export function groupNounAt(c: FinderContext, j: number, maxSkip = 2): { length: number; sector: string } | null {
  const v = c.v;
  for (let skip = 0; skip <= maxSkip; skip++) {
    const at = j + skip;
    if (at >= v.count) return null;
    const p = v.classes[at] & STARTS_GROUP ? longestPhraseAt(c.k.groupPack, v.ids, v.count, at) : null;
    if (p) return { length: skip + p.ids.length, sector: p.value };
    if (!v.isWord(at) || v.isCap(at)) return null;
  }
  return null;
}
