// Finder 6: groups named by a town or region of the gazetteer and a group noun —
// "Shanghai authorities", "Kano State government", "Delhi police", "Madras High Court" —
// get the place's country and the noun's sector, as "Kyiv police" does for a capital.
// Only a place name that stands alone as a name (no capitalised word before it), is not an
// everyday word ("Reading", "Mobile"), and that no earlier finder took for a person or an
// organisation.
import type { FinderContext } from "./context.js";
import { cover, isFree, sameSentence } from "./context.js";
import { groupNounAt } from "./groups.js";
import { NOT_NAME } from "./knowledge.js";

export function findPlaceGroups(c: FinderContext): void {
  const { v, k, reg } = c;
  const g = k.places;
  let mentioned: Set<string> | null = null;
  // Walk the group nouns, not the capitalised words: most nouns follow a lower-case word
  // ("the police") and cost one test; only a capitalised run before a noun is looked up.
  let next = 1; // the token after the last group found
  for (let x = 0; x < v.groupStarts.length; x++) {
    const j = v.groupStarts[x];
    if (j < next || !v.caps[j - 1] || c.covered[j - 1]) continue;
    // The start of the capitalised run before the noun, past a sentence opener ("The Delhi police").
    let i = j - 1;
    while (i > 0 && j - i <= g.longestName && v.caps[i - 1] && !c.covered[i - 1] && sameSentence(c, i - 1, j)) i--;
    if (v.classes[i] & NOT_NAME && i + 1 < j) i++;
    const m = g.match(v, i);
    if (!m || i + m.length !== j || m.commonWord || m.possessive) continue;
    // A surname of someone the knowledge base knows ("Clinton supporters") is not the town.
    if (m.length === 1 && k.peopleBySurnameId[v.ids[i]]) continue;
    const noun = groupNounAt(c, j, 0);
    if (!noun || !sameSentence(c, i, j + noun.length - 1) || !isFree(c, i, j + noun.length)) continue;
    // "Rakhine state" is the region itself; "Denver Public Schools" a longer name.
    if (noun.length === 1 && g.words.regionSuffixes.has(v.lower(j))) continue;
    const after = j + noun.length;
    if (v.isCap(after - 1) && v.isCap(after) && sameSentence(c, after - 1, after)) continue;
    // The countries already found: where an ambiguous town most likely is.
    mentioned ??= new Set([...reg.drafts.values()].map((d) => d.country).filter((x): x is string => x !== null));
    const place = g.choose(m, mentioned);
    const iso3 = place.country;
    const end = v.end(after - 1);
    const draft = reg.ensure({ key: `group:${iso3}:${noun.sector}`, name: v.text.slice(v.start(i), end), kind: "group", country: iso3, sector: noun.sector, code: `${iso3}${noun.sector}`, kb: null });
    reg.mention({ start: v.start(i), end, key: draft.key, kind: "name", token: i });
    cover(c, i, after);
    next = after;
  }
}
