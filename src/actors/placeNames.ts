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
import { NOT_NAME, type ActorKnowledge } from "./knowledge.js";

/** Word ids of "the" and of the words of place with "of", once per knowledge (null: some word has no id, compare strings). */
const idCache = new WeakMap<ActorKnowledge, { the: number; of: number; places: Set<number> | null }>();
function wordIdsOf(k: ActorKnowledge): { the: number; of: number; places: Set<number> | null } {
  let c = idCache.get(k);
  if (!c) {
    const words = [...k.places.words.prepositions, "of"];
    const ids = words.map((w) => k.words.id(w));
    const the = k.words.id("the");
    c = { the, of: k.words.id("of") || -1, places: ids.every((x) => x > 0) ? new Set(ids) : null };
    idCache.set(k, c);
  }
  return c;
}

export function findPlaceNames(c: FinderContext): void {
  const { v, k, reg } = c;
  const g = k.places;
  let mentioned: Set<string> | null = null;
  const ids = wordIdsOf(k);
  for (let j = 0; j + 1 < v.count; j++) {
    // Cheap first tests on word ids: a capitalised word right after, or after "the".
    if (!v.caps[j + 1] && !(v.caps[j + 2] && (ids.the > 0 ? v.ids[j + 1] === ids.the : v.is(j + 1, "the")))) continue;
    if (ids.places !== null ? !ids.places.has(v.ids[j]) : !g.words.prepositions.has(v.lower(j)) && !v.is(j, "of")) continue;
    // "the government of Sindh": "of" after a lower-case noun ("Bank of England" is a name).
    if ((ids.of > 0 ? v.ids[j] === ids.of : v.is(j, "of")) && !(j > 0 && v.isWord(j - 1) && !v.caps[j - 1])) continue;
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
    j = end - 1;
  }
}
