// Where an event happened: a word of place ("in", "near", "outside", … from
// data/places/place-words.json) before a country, a capital or a gazetteer place in the
// event's sentence — after the trigger first ("shelled homes in Kharkiv"), else before it
// ("In Kano, police arrested …"). The place gets its coordinates from the gazetteer.
import type { LocationOut } from "../model/index.js";
import { standsAlone, type Gazetteer, type Place } from "../places/index.js";
import { same, type EventContext } from "./eventContext.js";

/** What the document tells about its places, worked out once per document when first asked. */
export interface DocumentPlaces {
  /** The countries of the document's actors: where an ambiguous town most likely is. */
  countries: ReadonlySet<string>;
  /** Words of the names of the people in it (lower case): "Clinton" is the candidate, not the town. */
  personWords: ReadonlySet<string>;
}

export function placeOf(c: EventContext, g: Gazetteer, trigger: number, known: () => DocumentPlaces): LocationOut | null {
  for (let j = trigger + 1; j < c.v.count && same(c, j, trigger); j++) {
    const loc = placeAfterWord(c, g, j, known);
    if (loc) return loc;
  }
  for (let j = trigger - 1; j >= 0 && same(c, j, trigger); j--) {
    const loc = placeAfterWord(c, g, j, known);
    if (loc) return loc;
  }
  return null;
}

export function documentPlaces(c: EventContext): DocumentPlaces {
  const countries = new Set<string>(), personWords = new Set<string>();
  for (const a of c.doc.actors ?? []) {
    if (a.country) countries.add(a.country);
    if (a.kind === "person") for (const w of a.name.toLowerCase().split(/\s+/)) personWords.add(w);
  }
  return { countries, personWords };
}

/** The place named right after the word of place at token j ("in the Donbas" skips "the"), if any. */
function placeAfterWord(c: EventContext, g: Gazetteer, j: number, known: () => DocumentPlaces): LocationOut | null {
  const { v, doc } = c;
  // A capital letter first (a character test), the word of place then (a lower-cased word).
  let at = j + 1;
  if (!v.isCap(at)) {
    if (!v.isCap(at + 1) || !v.is(at, "the")) return null;
    at++;
  }
  if (!same(c, at, j) || !g.words.prepositions.has(v.lower(j))) return null;
  const mi = c.mentionAt[at];
  if (mi >= 0) {
    // A person, an organisation or a group is no place; a country or a capital is.
    const mention = doc.mentions![mi];
    const actor = c.actorOf(mi)!;
    // A nationality word is no place ("in British waters").
    if (mention.kind === "demonym" || (mention.kind !== "place" && actor.kind !== "country")) return null;
    if (g.words.directional.has(v.lower(j))) return null;
    // "in Jordan Henderson's street": a capitalised word after the name makes it another name.
    let last = at;
    while (last + 1 < v.count && c.mentionAt[last + 1] === mi) last++;
    if (v.isCap(last + 1) && same(c, last, last + 1)) return null;
    const name = doc.text.slice(mention.start, mention.end);
    // "London, Ontario": a capital's name qualified by a region elsewhere is that other town.
    const within = mention.kind === "place" ? countryAfter(c, g, last + 1) : null;
    const elsewhere = within && within !== actor.country ? g.match(v, at)?.places.find((p) => p.country === within && p.kind !== "region") : undefined;
    if (elsewhere) return located(name, within, elsewhere);
    // The country's own entry for its name; a town of the country for a capital or for a
    // part the knowledge base codes as the country ("Gaza"); else the country's centre.
    const own = g.match(v, at)?.places.filter((p) => p.country === actor.country) ?? [];
    const place = own.find((p) => p.kind === "country") ?? own.find((p) => p.kind === "capital") ?? own.find((p) => p.kind !== "region") ?? own[0] ?? (actor.country ? g.country(actor.country) : undefined);
    return located(name, actor.country, place);
  }
  // "in March" is a date, not the town of March.
  if (c.timeAt[at] >= 0) return null;
  const m = g.match(v, at);
  if (!m || !standsAlone(v, at, m.length)) return null;
  for (let t = at; t < at + m.length; t++) if (c.mentionAt[t] >= 0 || c.timeAt[t] >= 0) return null;
  const docPlaces = known();
  if (m.length === 1 && docPlaces.personWords.has(v.lower(at).replace(/['’]s$/, ""))) return null;
  const place = g.choose(m, docPlaces.countries, countryAfter(c, g, at + m.length));
  return located(doc.text.slice(v.start(at), v.end(at + m.length - 1) - m.possessive), place.country, place);
}

/** The country of a region or country named after a comma at token i ("Paris, Texas"; "Kano, Nigeria"), if any. */
function countryAfter(c: EventContext, g: Gazetteer, i: number): string | null {
  if (!c.v.is(i, ",") || !same(c, i, i + 1)) return null;
  const mi = c.mentionAt[i + 1];
  if (mi >= 0) { const a = c.actorOf(mi); return a?.kind === "country" ? a.country : null; }
  const m = g.match(c.v, i + 1);
  const region = m?.places.find((p) => p.kind === "region" || p.kind === "country");
  return region?.country ?? null;
}

function located(name: string, country: string | null, place: Place | undefined): LocationOut {
  return { name, country, lat: place?.lat ?? null, lon: place?.lon ?? null };
}
