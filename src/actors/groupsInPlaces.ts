// Finder 8: a kind of group followed by the country or town it is in or from — "rebels in
// the Ivory Coast", "protesters in Kano", "workers from Nepal" — is a group of that
// country, as "Ivorian rebels" is. Armed forces are left out ("troops in Mali" are often
// another state's), as are international bodies. The place stays a mention of its own.
import type { FinderContext } from "./context.js";
import { cover, sameSentence } from "./context.js";
import { groupNounAt } from "./groups.js";

const NOT_LOCAL = new Set(["MIL", "IGO", "NGO"]);

export function findGroupsInPlaces(c: FinderContext): void {
  const { v, reg } = c;
  let countryAt: Map<number, string> | null = null;
  const idIn = c.k.words.id("in"), idFrom = c.k.words.id("from"), idThe = c.k.words.id("the");
  const longest = c.k.groupPack.longest;
  let next = 0; // the token after the last group found
  for (let x = 0; x < v.groupStarts.length; x++) {
    const j = v.groupStarts[x];
    if (j < next || c.covered[j] || (j > 0 && v.caps[j - 1] && sameSentence(c, j - 1, j))) continue;
    // Most group nouns have no "in" or "from" after them: a look at the next few word ids
    // rules them out before the noun is looked up.
    if (!inOrFromWithin(v.ids, j + 1, Math.min(v.count, j + 1 + longest), idIn, idFrom)) continue;
    const noun = groupNounAt(c, j, 0);
    if (!noun || NOT_LOCAL.has(noun.sector)) continue;
    let k = j + noun.length;
    if (k >= v.count || (v.ids[k] !== idIn && v.ids[k] !== idFrom) || idIn === 0) continue;
    if (v.ids[k + 1] === idThe) k++;
    if (!sameSentence(c, j, k + 1)) continue;
    if (countryAt === null) {
      countryAt = new Map();
      for (const m of reg.mentions) {
        const d = reg.drafts.get(m.key);
        if (d?.kind === "country" && d.country && m.kind !== "demonym") countryAt.set(m.token, d.country);
      }
    }
    const iso3 = countryAt.get(k + 1);
    if (!iso3) continue;
    let covered = false;
    for (let t = j; t < j + noun.length; t++) if (c.covered[t]) covered = true;
    if (covered) continue;
    const end = v.end(j + noun.length - 1);
    const draft = reg.ensure({ key: `group:${iso3}:${noun.sector}`, name: v.text.slice(v.start(j), end), kind: "group", country: iso3, sector: noun.sector, code: `${iso3}${noun.sector}`, kb: null });
    reg.mention({ start: v.start(j), end, key: draft.key, kind: "name", token: j });
    cover(c, j, j + noun.length);
    next = j + noun.length;
  }
}

/** Some token from `from` up to `to` (exclusive) is "in" or "from" (by word id). */
function inOrFromWithin(ids: Int32Array, from: number, to: number, idIn: number, idFrom: number): boolean {
  for (let t = from; t < to; t++) if (ids[t] === idIn || ids[t] === idFrom) return true;
  return false;
}
