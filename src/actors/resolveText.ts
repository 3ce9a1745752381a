// Resolution of a short actor text ("President Duterte", "Mexican authorities", "the PRI")
// to one actor: the same finders that read articles, run over the text with its context
// placed before it as a paragraph of its own, so that context steers role phrases and
// bare group nouns exactly as an article's earlier paragraphs would.
import type { ActorOut, Doc, MentionOut } from "../model/index.js";
import { tokenAt, tokenText } from "../model/tokens.js";
import { createPipeline, type Pipeline, type PipelineOptions } from "../pipeline.js";
import { draftOf, type ActorKnowledge } from "./knowledge.js";
import { nameTokens } from "../kb/nameIndex.js";
import { nameWords } from "../kb/nameFold.js";
import type { ActorsStage } from "./index.js";
import { TokenView } from "./tokenView.js";
import { standsAlone } from "../places/index.js";
import type { Entity } from "../kb/types.js";
import { NAME_PARTICLES } from "./closedClassWords.js";

export interface ResolvedActor {
  name: string;
  country: string | null;
  sector: string | null;
  code: string | null;
  kind: string;
  /** Knowledge-base id, or null for an actor only this text names. */
  kb: string | null;
  /** The part of the text that names the actor. */
  matched: string;
}

export interface ResolveRequest {
  text: string;
  /** Text around the actor (a country, an organisation, a sentence), if known. */
  context?: string | null;
  /** YYYY-MM-DD: whoever held an office on that day; null = the day is unknown (latest holders, nobody former). */
  date?: string | null;
}

export type ActorResolver = (request: ResolveRequest) => ResolvedActor | null;

const CONTEXT_SEPARATOR = "\n\n";

export function createActorResolver(options: Pick<PipelineOptions, "dataDir" | "knowledgeDirs"> = {}): ActorResolver {
  const pipeline: Pipeline = createPipeline({ ...options, until: "actors" });
  const k = (pipeline.stages.find((st) => st.name === "actors") as ActorsStage).knowledge;
  let spellings: CountrySpellings | null = null; // built on the first text nothing else resolves
  let personNames: PersonSpellings | null = null; // likewise
  return ({ text: given, context, date }) => {
    // Texts come from anywhere ("George W.  Bush"): one space between words.
    const text = given.replace(/\s+/g, " ").trim();
    const prefix = context && context.trim() ? context.trim() + CONTEXT_SEPARATOR : "";
    const from = prefix.length, to = prefix.length + text.length;
    const doc = pipeline.run({ text: prefix + text, published: date ?? null, id: "resolve" });
    const best = headMention(doc, from, to);
    const actor = best ? doc.actors!.find((a) => a.id === best.actor)! : null;
    const around = contextActor(doc, from);
    // A kind of group the mention does not cover ("Kyiv police", "a US destroyer",
    // "smuggling gang") names who acts; the mention, if any, says where they are from.
    const noun = groupNounOutside(k, doc, from, to, best);
    let country = actor?.country ?? (actor?.sector === "IGO" ? null : around.country);
    // "the official National News Agency", "state-run Naftogaz": the state's own media or
    // company, which CAMEO codes as government first.
    const stateOwned = k.kb.stateQualifiers.has(wordsBefore(text)[0] ?? "");
    if (noun && (!actor || actor.kind === "country")) {
      // "Ukranian soldiers": a misspelt nationality still says whose soldiers they are.
      if (!country && !actor) country = misspeltCountry(text, () => (spellings ??= countrySpellings(k)))?.country ?? null;
      // "Medical Services Alliance Northern Territory", "Ambulance Victoria": a town or
      // region that ends the group's name says where the group is.
      if (!country && !actor) country = placeIn(k, doc, from, to, true)?.country ?? null;
      const name = doc.text.slice(from, to).replace(/^(the|a|an)\s+/i, "");
      const sector = stateOwned && (noun.sector === "MED" || noun.sector === "BUS") ? "GOV" : noun.sector;
      return { name, country, sector, code: `${country ?? ""}${sector}`, kind: "group", kb: null, matched: doc.text.slice(from, to) };
    }
    // A town the actors stage named as its country's ("a market in Kandahar") is read here as
    // a place the text names, as before it was a mention: its country's people.
    if (!best || !actor || isTown(k, doc.text, best, actor)) {
      const person = PERSON_NAME.test(text) && !around.country ? nearestPerson((personNames ??= personSpellings(k)), text) : null;
      if (person) {
        const d = draftOf(person, date ?? null);
        return { name: d.name, country: d.country, sector: d.sector, code: d.code, kind: d.kind, kb: d.kb, matched: text };
      }
      return unmatched(k, text, around, () => placeIn(k, doc, from, to), () => (spellings ??= countrySpellings(k)));
    }
    const matched = doc.text.slice(best.start, best.end);
    // A capital or seat of power standing for its country as an agent is its government.
    if (best.kind === "place" && actor.country && wholeText(doc.text, from, to, best)) {
      return { name: `${actor.name} government`, country: actor.country, sector: "GOV", code: `${actor.country}GOV`, kind: "organisation", kb: actor.kb, matched };
    }
    if (stateOwned && actor.kind !== "person" && (actor.sector === "MED" || actor.sector === "BUS")) {
      return { name: actor.name, country: actor.country, sector: "GOV", code: `${actor.country ?? ""}GOV`, kind: actor.kind, kb: actor.kb, matched: text };
    }
    if (actor.kind === "country" && actor.sector === null) {
      // "ordinary Kazakhs": a word before a nationality that makes it a kind of its people.
      const qualifier = qualifierBefore(k, doc.text.slice(from, best.start));
      if (qualifier) return { name: text.replace(/^(the|a|an)\s+/i, ""), country: actor.country, sector: qualifier, code: `${actor.country}${qualifier}`, kind: "group", kb: null, matched: text };
      // "regions across Indonesia", "a Syrian island": something of the country that is no
      // kind of actor the knowledge base knows — an unidentified actor (PLOVER UNK), not the state.
      if (!wholeText(doc.text, from, to, best, true)) return { name: text, country: actor.country, sector: "UNK", code: `${actor.country}UNK`, kind: "group", kb: null, matched };
    }
    // "Ukrainian Ministry of Defence": a nationality or country right before another state's
    // seat or department of government whose name any state's may bear names that state's own.
    const owner = actor.kb?.startsWith("seat:") ? nationalityBefore(doc, from, best) : null;
    if (owner && actor.country && owner.country !== actor.country && actor.sector) {
      return { name: doc.text.slice(owner.start, best.end), country: owner.country, sector: actor.sector, code: `${owner.country}${actor.sector}`, kind: "organisation", kb: null, matched: doc.text.slice(owner.start, best.end) };
    }
    // A name several countries' actors share ("PRD", "PT"): the one of the context's country.
    const namesake = around.country && actor.kb && actor.country !== around.country && best.kind === "name" ? namesakeIn(k, matched, around.country) : null;
    if (namesake) {
      const d = draftOf(namesake, date ?? null);
      return { name: d.name, country: d.country, sector: d.sector, code: d.code, kind: d.kind, kb: d.kb, matched };
    }
    // Someone the knowledge base lacks ("Sen. X", "Minister X") is from the context's country.
    const local = actor.kind === "person" && actor.kb === null;
    const personCountry = local ? actor.country ?? around.country : actor.country;
    const sector = local ? actor.sector ?? around.sector : actor.sector;
    return {
      name: actor.name,
      country: personCountry,
      // A whole country has no sector: CAMEO codes it by its three letters alone.
      sector: actor.kind === "country" && sector === null ? "" : sector,
      code: personCountry !== actor.country || sector !== actor.sector ? `${personCountry ?? ""}${sector ?? ""}` || null : actor.code,
      kind: actor.kind,
      kb: actor.kb,
      matched,
    };
  };
}

/**
 * A text no finder took: a pronoun alone (an unidentified actor), a person's name the
 * knowledge base lacks when the context says where (or what) they are, or a country or
 * nationality misspelt by a letter or two ("Kazahks").
 */
function unmatched(k: ActorKnowledge, text: string, around: ContextActor, placeOf: () => ResolvedActor | null, spellingsOf: () => CountrySpellings): ResolvedActor | null {
  const bare = text.replace(/^(the|a|an)\s+/i, "");
  if (PRONOUNS.has(bare.toLowerCase())) return { name: bare, country: null, sector: "UNK", code: "UNK", kind: "person", kb: null, matched: text };
  if ((around.country || around.sector) && PERSON_NAME.test(bare) && !k.notNames.has(bare.split(" ")[0])) {
    return { name: bare, country: around.country, sector: around.sector, code: `${around.country ?? ""}${around.sector ?? ""}` || null, kind: "person", kb: null, matched: text };
  }
  const place = placeOf();
  if (place) return place;
  const e = /^\p{L}{6,}$/u.test(bare) ? nearestSpelling(spellingsOf(), bare) : null;
  if (e) return { name: e.name, country: e.country, sector: "", code: e.code, kind: "country", kb: e.id, matched: text };
  return null;
}

/** Another knowledge-base entity of the given country known by exactly this name, if there is one. */
function namesakeIn(k: ActorKnowledge, name: string, country: string): Entity | null {
  const tokens = nameTokens(name.replace(/^the\s+/i, "")).map((t) => t.toLowerCase());
  if (tokens.length === 0) return null;
  const joined = tokens.join(" ");
  for (const entry of k.names.get(tokens[0]) ?? []) {
    if (entry.tokens.length !== tokens.length || entry.tokens.join(" ") !== joined) continue;
    const e = k.kb.entities.get(entry.entity);
    if (e && e.country === country) return e;
  }
  return null;
}

/** Pronouns that stand for someone the text does not name. */
const PRONOUNS = new Set(["he", "she", "they", "him", "her", "them", "it", "we", "i", "you", "someone", "somebody", "anyone"]);
/** Two to five capitalised words, with the lower-case particles of names between ("Diego Molano", "Ali bin Hassan"). */
const PERSON_NAME = new RegExp(`^\\p{Lu}[\\p{L}'’.-]*(?: (?:(?:${NAME_PARTICLES.filter((p) => !p.endsWith("-")).join("|")}) )?\\p{Lu}[\\p{L}'’.-]*){1,4}$`, "u");

interface ContextActor { country: string | null; sector: string | null }

/**
 * What the context says of an actor it does not name: the country of its first mention
 * with one ("Colombian defense"), and the sector of the first role or group it names.
 */
function contextActor(doc: Doc, before: number): ContextActor {
  let country: string | null = null, sector: string | null = null;
  for (const m of doc.mentions ?? []) {
    if (m.end > before) break;
    const a = doc.actors!.find((x) => x.id === m.actor);
    country ??= a?.country ?? null;
    if (a && a.kind !== "country" && a.sector && a.sector !== "IGO") sector ??= a.sector;
  }
  return { country, sector };
}

/** The sector a qualifier word right before the nationality gives ("ordinary Kazakhs"), if any. */
function qualifierBefore(k: ActorKnowledge, before: string): string | null {
  const words = wordsBefore(before);
  return words.length === 1 ? k.kb.qualifiers.get(words[0]) ?? null : null;
}

/** The words of a text, lower case, articles left out. */
function wordsBefore(before: string): string[] {
  return before.trim().toLowerCase().split(/\s+/).filter((w) => w && !/^(the|a|an)$/.test(w));
}

/** The country a capitalised word of the text misspells (first one found), if any. */
function misspeltCountry(text: string, spellingsOf: () => CountrySpellings): Entity | null {
  for (const w of text.match(/\p{Lu}\p{L}{5,}/gu) ?? []) {
    const e = nearestSpelling(spellingsOf(), w);
    if (e) return e;
  }
  return null;
}

/** One-word country names and nationality words, for the spelling fallback. */
type CountrySpellings = Array<{ word: string; entity: Entity }>;

function countrySpellings(k: ActorKnowledge): CountrySpellings {
  const out: CountrySpellings = [];
  for (const e of k.kb.entities.values()) {
    if (e.kind !== "country") continue;
    for (const n of [...e.names, ...(e.demonyms ?? [])]) if (/^\p{L}{5,}$/u.test(n)) out.push({ word: n.toLowerCase(), entity: e });
  }
  return out;
}

/**
 * The country whose one-word name or nationality word is one edit from the word (two for
 * words of ten letters or more; a swap of neighbours is one edit) and begins and ends as
 * it does, when exactly one country is that near.
 */
function nearestSpelling(spellings: CountrySpellings, word: string): Entity | null {
  const w = word.toLowerCase();
  const limit = w.length >= 10 ? 2 : 1;
  let best: Entity | null = null, bestD = limit + 1, tie = false;
  for (const s of spellings) {
    // The same first and last letters (and last two when a letter is missing or extra): a
    // slip inside the word, not another word that a country's name begins ("Indiana" is no
    // misspelt "Indian").
    const ends = s.word.length === w.length ? 1 : 2;
    if (Math.abs(s.word.length - w.length) > limit || s.word[0] !== w[0] || s.word.slice(-ends) !== w.slice(-ends)) continue;
    const d = editDistance(s.word, w, limit);
    if (d < bestD) { best = s.entity; bestD = d; tie = false; }
    else if (d === bestD && best && s.entity.id !== best.id) tie = true;
  }
  return best && !tie ? best : null;
}

/** Full names (two words or more) of the knowledge base's people, folded, for the spelling fallback. */
type PersonSpellings = Array<{ words: string[]; joined: string; entity: Entity }>;

function personSpellings(k: ActorKnowledge): PersonSpellings {
  const out: PersonSpellings = [];
  for (const e of k.kb.entities.values()) {
    if (e.kind !== "person") continue;
    for (const n of e.names) {
      const words = nameWords(n);
      if (words.length >= 2) out.push({ words, joined: words.join(" "), entity: e });
    }
  }
  return out;
}

/**
 * The person whose full name is another transliteration of the text's or a slip in it
 * ("Valeriy Zaluzhnyi", "Svetlana Tikhanovskaya"): as many words, each beginning with the
 * same letter, at most one edit in eight letters (two in all), when exactly one person is that near.
 */
function nearestPerson(spellings: PersonSpellings, name: string): Entity | null {
  const words = nameWords(name);
  const joined = words.join(" ");
  const limit = Math.min(2, Math.floor(joined.length / 8));
  if (words.length < 2 || limit === 0) return null;
  let best: Entity | null = null, bestD = limit + 1, tie = false;
  for (const s of spellings) {
    if (s.words.length !== words.length || Math.abs(s.joined.length - joined.length) > limit || !s.words.every((w, i) => w[0] === words[i][0])) continue;
    const d = editDistance(s.joined, joined, limit);
    if (d < bestD) { best = s.entity; bestD = d; tie = false; }
    else if (d === bestD && best && s.entity.id !== best.id) tie = true;
  }
  return best && !tie ? best : null;
}

/** Optimal-string-alignment distance (Damerau–Levenshtein without repeated edits of a substring), capped just past the limit. */
export function editDistance(a: string, b: string, limit: number): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1);
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) { row[j] = j; continue; }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    rows.push(row);
    if (i > 0 && rowMin > limit) return limit + 1;
  }
  return rows[a.length][b.length];
}

/** The last group noun in the text outside the head mention, with its sector (read off the segmenter's tokens). */
function groupNounOutside(k: ActorKnowledge, doc: Doc, from: number, to: number, head: MentionOut | null): { sector: string } | null {
  const t = doc.tokens!;
  const first = tokenAt(t, from);
  let last = first;
  while (last < t.count && t.ends[last] <= to) last++;
  const word = (i: number) => tokenText(doc.text, t, i).toLowerCase();
  // An English noun phrase ends in its head, and a longer phrase ending there is the more
  // specific kind ("intelligence agency officer" is SPY, though "officer" alone is GOV).
  let found: { sector: string } | null = null, foundEnd = -1;
  for (let i = first; i < last; i++) {
    if (head && t.starts[i] < head.end && t.ends[i] > head.start) continue;
    for (const p of k.groups.get(word(i)) ?? []) {
      const end = i + p.tokens.length;
      if (end > last || end <= foundEnd) continue;
      if (p.tokens.every((w, n) => word(i + n) === w)) { found = { sector: p.value }; foundEnd = end; break; }
    }
  }
  return found;
}

/**
 * A town or region the text names when it names no actor ("Kandahar", "a market in
 * Kandahar"): its people, civilians of its country (PLOVER CVL: unarmed domestic
 * entities), since a town is no government; a capital alone is (see above). The first
 * place name that stands alone and is not an everyday word; the context's countries
 * settle an ambiguous one.
 */
function placeIn(k: ActorKnowledge, doc: Doc, from: number, to: number, endingName = false): ResolvedActor | null {
  const t = doc.tokens!;
  const v = new TokenView(doc.text, t);
  for (let i = tokenAt(t, from); i < t.count && t.ends[i] <= to; i++) {
    const m = k.places.match(v, i);
    if (!m || m.commonWord || t.ends[i + m.length - 1] > to) continue;
    // With `endingName`, a place may end a longer name ("Ambulance Victoria").
    const endsText = endingName && t.ends[i + m.length - 1] === to;
    if (!endsText && !standsAlone(v, i, m.length, t.starts[i] === from)) continue;
    const mentioned = new Set((doc.actors ?? []).map((a) => a.country).filter((x): x is string => x !== null));
    const place = k.places.choose(m, mentioned);
    const matched = doc.text.slice(t.starts[i], t.ends[i + m.length - 1] - m.possessive);
    return { name: place.name, country: place.country, sector: "CVL", code: `${place.country}CVL`, kind: "place", kb: null, matched };
  }
  return null;
}

/** Whether a place mention names a town or region rather than its country's capital. */
function isTown(k: ActorKnowledge, text: string, m: MentionOut, actor: ActorOut): boolean {
  if (m.kind !== "place" || !actor.kb) return false;
  const name = text.slice(m.start, m.end).toLowerCase();
  return !(k.kb.entities.get(actor.kb)?.capitals ?? []).some((c) => c.toLowerCase() === name);
}

/**
 * Whether the mention is the whole text but for "the" (and, with `loosely`, articles,
 * prepositions, numbers, possessive endings and punctuation: "the people of Ukraine's").
 */
function wholeText(text: string, from: number, to: number, m: MentionOut, loosely = false): boolean {
  const rest = (text.slice(from, m.start) + " " + text.slice(m.end, to)).replace(/\b(the)\b/gi, "");
  return loosely ? !/\p{L}{2,}/u.test(rest.replace(/[’']s\b/g, "").replace(/\b(a|an|of|in|on|at|from|across|throughout|all|whole|entire)\b/gi, "")) : rest.trim() === "";
}

/** The nationality or country named right before a mention, within the text: its country and where it starts. */
function nationalityBefore(doc: Doc, from: number, m: MentionOut): { country: string; start: number } | null {
  for (const d of doc.mentions ?? []) {
    // Right before it, or overlapping it as a nationality and a group noun do ("Ukrainian Ministry").
    if (d.start < from || d.start >= m.start || d.end > m.end || (d.end < m.start && !/^\s*$/.test(doc.text.slice(d.end, m.start)))) continue;
    const a = doc.actors?.find((x) => x.id === d.actor);
    if ((a?.kind === "country" || a?.kind === "group") && a.country) return { country: a.country, start: d.start };
  }
  return null;
}

/**
 * The mention that names the actor the whole text is about: the longest one inside the
 * text, and of equally long ones the last, since an English noun phrase ends in its head
 * ("a US destroyer", "Syrian mercenaries"); but an office before "of" is the head of what
 * follows it, and a nationality before a named organisation modifies it. Pronouns name
 * nobody on their own here.
 */
function headMention(doc: Doc, from: number, to: number): MentionOut | null {
  let best: MentionOut | null = null;
  for (const m of doc.mentions ?? []) {
    if (m.start < from || m.end > to || m.kind === "pronoun") continue;
    if (!best || m.end - m.start >= best.end - best.start) best = m;
  }
  // "the president of the European Council": an office is the head of its "of" phrase.
  for (const m of doc.mentions ?? []) {
    if (!best || m.kind !== "role" || m.start < from || m.end > best.start) continue;
    if (/^\s+of(\s+the)?\s+$/i.test(doc.text.slice(m.end, best.start))) return m;
  }
  // "Palestinian Hamas", "Russian Wagner fighters", "a Chinese J-20": a nationality right
  // before a named organisation only modifies it, however short the organisation's name.
  if (best?.kind === "demonym") {
    const after = best.end;
    const named = (doc.mentions ?? []).find((m) => m.kind === "name" && m.start > after && m.end <= to && /^\s+$/.test(doc.text.slice(after, m.start)));
    if (named && doc.actors?.find((a) => a.id === named.actor)?.kind === "organisation") return named;
  }
  return best;
}
