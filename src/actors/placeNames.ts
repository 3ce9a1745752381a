// Finder 7: towns and regions of the gazetteer told as where something happens — "a curfew
// in Abidjan", "fired at targets in Jericho", "the government of Sindh province" — are
// mentions (kind "place") of their country, as a capital already is. An event with no
// other party then has the place's country as the one acted on ("extended the curfew in
// Abidjan"), and a group "in" or "of" a place belongs to its country ("rebels in Kano").
// Only after a word of place (data/places/place-words.json) or an "of" after a lower-case
// noun; only a name that stands alone (no capitalised word beside it), is not an everyday
// word or the surname of someone named, and that no earlier finder took.
import type { FinderContext } from "./context.js";
import { cover, ensureEntity, isFree, sameSentence } from "./context.js";
import { NOT_NAME } from "./knowledge.js";

export function findPlaceNames(c: FinderContext): void {
  const { v, k, reg } = c;
  const g = k.places;
  let mentioned: Set<string> | null = null;
  const { ids, caps, count } = v;
  // The knowledge gives both words an id.
  const the = k.words.id("the"), of = k.words.id("of");
  let next = 0; // the token after the last place found
  for (let x = 0; x < v.placeWords.length; x++) {
    const j = v.placeWords[x];
    // Cheap first tests on ids: a capitalised word right after the word of place, or after "the".
    if (j < next || j + 1 >= count || (!caps[j + 1] && !(caps[j + 2] && ids[j + 1] === the))) continue;
    // "the government of Sindh": "of" after a lower-case noun ("Bank of England" is a name).
    if (ids[j] === of && !(j > 0 && v.isWord(j - 1) && !caps[j - 1])) continue;
    let at = j + 1;
    if (v.is(at, "the") && !v.isCap(at)) at++;
    if (!v.caps[at] || c.covered[at] || !sameSentence(c, j, at) || v.classes[at] & NOT_NAME) continue;
    const m = g.match(v, at);
    if (!m || m.commonWord) continue;
    const end = at + m.length;
    if (!isFree(c, at, end)) continue;
    // "in Jordan Henderson's street", "in London Bridge": a capitalised word after it makes another name.
    if (end < v.count && v.isCap(end) && sameSentence(c, at, end)) continue;
    // The surname of someone the text names ("in Clinton's view") is not the town.
    if (m.length === 1 && k.peopleBySurnameId[v.ids[at]]?.some((e) => c.entityDrafts.has(e))) continue;
    mentioned ??= new Set([...reg.drafts.values()].map((d) => d.country).filter((x): x is string => x !== null));
    const place = g.choose(m, mentioned);
    const country = k.kb.entities.get(`country:${place.country}`);
    if (!country) continue;
    const draft = ensureEntity(c, country);
    reg.mention({ start: v.start(at), end: v.end(end - 1) - m.possessive, key: draft.key, kind: "place", token: at });
    cover(c, at, end);
    next = end;
  }
}
