// The actors stage's compiled knowledge: the name index, role phrases and group nouns
// keyed by their first word, and office holders keyed by office and country. Every word
// the finders compare tokens against gets an id (wordIds.ts), and the lookups the finders
// make per token are tables indexed by those ids.
import { readFileSync } from "node:fs";
import path from "node:path";
import { loadKnowledge } from "../kb/loadKnowledge.js";
import { buildNameIndex, nameTokens, type NameEntry, type NameIndex } from "../kb/nameIndex.js";
import type { Entity, KnowledgeBase, Tenure } from "../kb/types.js";
import { loadAbbreviations } from "../segment/abbreviations.js";
import { loadTimeWords } from "../time/index.js";
import type { ActorDraft } from "./actorRegistry.js";
import { WordIds } from "./wordIds.js";
import { loadGazetteer, type Gazetteer } from "../places/index.js";
import { LIST_JOIN_WORDS, NAME_PARTICLES, OFFICE_MODIFIERS, PRONOUN_GENDER, SUBJECT_NEXT } from "./closedClassWords.js";

export interface Phrase {
  /** Lower-cased tokens. */
  tokens: string[];
  /** The tokens' word ids. */
  ids: Int32Array;
  /** The phrase as the knowledge base lists it ("sen." stays "sen.", though it is two tokens). */
  joined: string;
  value: string;
  /** An office phrase's sector (the knowledge base's, else GOV), worked out once here rather than per mention. */
  sector?: string;
}

/** Which kinds of name a lookup accepts, as bits (several at once: NAME_BIT | PLACE_BIT). */
export const NAME_BIT = 1, DEMONYM_BIT = 2, PLACE_BIT = 4, ANY_NAME = NAME_BIT | DEMONYM_BIT | PLACE_BIT;
const KIND_BITS: Record<NameEntry["kind"], number> = { name: NAME_BIT, demonym: DEMONYM_BIT, place: PLACE_BIT };

/** A knowledge-base name with its tokens as word ids, and the entity it names. */
export interface IdName { entry: NameEntry; entity: Entity; ids: Int32Array; kindBit: number }

/**
 * What a word is to the finders, as bits per word id (ActorKnowledge.wordClass): one small
 * table read once per token (KeyedTokenView.classes) instead of a lookup per finder.
 */
export const NOT_NAME = 1, CUE = 2, PARTICLE = 4, SUBJECT_NEXT_WORD = 8,
  STARTS_NAME = 16, STARTS_OFFICE = 32, STARTS_GROUP = 64, PRONOUN_M = 128, PRONOUN_F = 256,
  /** "," "and" "or": what joins the nationalities of a list ("American, British and French officials"). */
  LIST_JOIN = 1024,
  /** closedClassWords OFFICE_MODIFIERS: between a qualifier and its office ("France’s former president"). */
  OFFICE_MODIFIER = 2048,
  /** A word of place (data/places/place-words.json prepositions) or "of": a town's name may follow ("in Kano", "the government of Sindh"). */
  BEFORE_PLACE = 4096,
  /**
   * The word has a title (titleOf) / is the surname of someone the knowledge base knows
   * (peopleBySurnameId): a finder asking for every capitalised word tests the token's class,
   * which it has at hand, before reading those large tables (one cache miss a word).
   */
  TITLE = 8192, SURNAME = 16384;
/** Only on tokens (KeyedTokenView.classes): the token without its possessive ending starts a name ("Ukraine’s"). */
export const STEM_STARTS_NAME = 512;

export type TitleHint = { gender?: "m" | "f"; sector?: string };

export interface ActorKnowledge {
  kb: KnowledgeBase;
  names: NameIndex;
  /** Office phrases by first word (lower case), longest first; value = office. */
  offices: Map<string, Phrase[]>;
  /** Group nouns by first word; value = sector. */
  groups: Map<string, Phrase[]>;
  /** "office|GBR" or "office|org:nato" -> holders. */
  holders: Map<string, Array<{ entity: Entity; tenure: Tenure }>>;
  /** Capitalised words that start sentences and are never names ("The", "But"). */
  notNames: ReadonlySet<string>;
  /** Speech-verb forms (said, told, …), lower case, for spotting speakers the knowledge base lacks. */
  cueForms: ReadonlySet<string>;
  /** Weekday and month names (data/time/words.json), lower case: "Friday" alone is a day, not a surname. */
  calendarWords: ReadonlySet<string>;

  /** Ids of every word below; a document's tokens are looked up in it once. */
  words: WordIds;
  /** `names` by the id of the first word, in the same order. */
  namesByFirst: ReadonlyArray<IdName[] | undefined>;
  /**
   * The same candidates packed into one array, so trying them reads one stretch of memory
   * with no object on the way (the other stages push the knowledge out of the cache between
   * two documents, and each object read is one more miss): at namePackAt[first word's id]
   * (0: no name starts with the word) their count, then for each its kind bit, its length
   * n, 1 if it must match case exactly, its index in nameList, and its n word ids.
   */
  namePack: Int32Array;
  namePackAt: Int32Array;
  /** Every candidate of namePack, by the index given there. */
  nameList: readonly IdName[];

  /** `offices` and `groups` by the id of the first word. */
  officesByFirst: ReadonlyArray<Phrase[] | undefined>;
  groupsByFirst: ReadonlyArray<Phrase[] | undefined>;
  /** The same phrases packed for longestPhraseAt (one stretch of memory per first word). */
  officePack: PhrasePack;
  groupPack: PhrasePack;
  /** Title of a word, as written or with a period after it ("Gen" finds "gen."). */
  titleOf: ReadonlyArray<TitleHint | undefined>;
  /** NOT_NAME | CUE | PARTICLE | SUBJECT_NEXT_WORD | STARTS_… | PRONOUN_… | … per word id. */
  wordClass: Uint16Array;
  /** surnameOf() of each name of each person the knowledge base knows, in name order, by entity id. */
  surnames: ReadonlyMap<string, ReadonlyArray<string | null>>;
  /** Surname's word id (every name word has one) -> the people the knowledge base knows by it. */
  peopleBySurnameId: ReadonlyArray<readonly Entity[] | undefined>;
  /** Towns, regions and countries with their coordinates (src/places/). */
  places: Gazetteer;
  /**
   * draftOf() of every entity but people, whose drafts do not depend on the date: made
   * once here, and copied for each document that mentions the entity.
   */
  undatedDrafts: ReadonlyMap<Entity, Readonly<ActorDraft>>;
}

/** The surname a full name is later referred to by (lower case), or null ("Keir Starmer" -> "starmer"). */
/**
 * States whose people the English-language press names surname first ("Xi Jinping", "Yoon
 * Suk Yeol", "Tsai Ing-wen", "To Lam", "Hun Manet"): "President Xi" and "Yoon" name them.
 */
const SURNAME_FIRST = new Set(["CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "VNM", "KHM"]);

/**
 * The surname of a name of a surname-first state: its first word ("Lee Jae-myung", "Xi
 * Jinping"), or after an English given name the next one ("John Lee Ka-chiu"); none for a
 * name wholly in English order ("Eric Chu": its last word is the surname). Given names are
 * those people of English-speaking states in the knowledge base bear.
 */
function surnameFirstOf(name: string, notNames: ReadonlySet<string>, givenNames: ReadonlySet<string>): string | null {
  const parts = name.split(/\s+/).filter((w) => w !== "");
  if (parts.length < 2) return null;
  let at = 0;
  if (givenNames.has(parts[0].toLowerCase())) {
    if (parts.length >= 3) at = 1;
    else if (!parts[1].includes("-")) return null;
  }
  const word = parts[at].toLowerCase();
  if (!/^\p{L}{2,}$/u.test(word) || notNames.has(word)) return null;
  return word;
}

/** First words of the multi-word names of people of English-speaking states: given names in English order. */
function englishGivenNames(kb: KnowledgeBase): Set<string> {
  const english = new Set(["USA", "GBR", "CAN", "AUS", "NZL", "IRL"]);
  const out = new Set<string>();
  for (const e of kb.entities.values()) {
    if (e.kind !== "person" || !e.country || !english.has(e.country)) continue;
    for (const n of e.names) {
      const toks = nameTokens(n);
      if (toks.length >= 2) out.add(toks[0].toLowerCase());
    }
  }
  return out;
}

export function surnameOf(name: string, notNames: ReadonlySet<string>): string | null {
  const toks = nameTokens(name);
  if (toks.length < 2) return null;
  const last = toks[toks.length - 1].toLowerCase();
  if (last.length < 3 || notNames.has(last)) return null;
  return last;
}

function phraseMap(entries: Iterable<[string, string]>, words: WordIds): Map<string, Phrase[]> {
  const m = new Map<string, Phrase[]>();
  for (const [phrase, value] of entries) {
    const tokens = nameTokens(phrase).map((t) => t.toLowerCase());
    if (tokens.length === 0) continue;
    const list = m.get(tokens[0]) ?? [];
    list.push({ tokens, ids: Int32Array.from(tokens, (t) => words.intern(t)), joined: phrase, value });
    m.set(tokens[0], list);
  }
  for (const list of m.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return m;
}

/**
 * Items by the id of their first word, packed into one array: at `at[id]` (0: none) their
 * count, then each item's `fields` (which carry its index in `list`).
 */
function packByFirst<T>(byFirst: ReadonlyArray<T[] | undefined>, fields: (item: T, index: number) => number[]): { ints: Int32Array; at: Int32Array; list: T[] } {
  const ints: number[] = [0]; // offset 0 means "none"
  const at = new Int32Array(byFirst.length);
  const list: T[] = [];
  byFirst.forEach((items, id) => {
    if (!items) return;
    at[id] = ints.length;
    ints.push(items.length);
    for (const item of items) { ints.push(...fields(item, list.length)); list.push(item); }
  });
  return { ints: Int32Array.from(ints), at, list };
}

/** namesByFirst as ActorKnowledge.namePack, namePackAt and nameList: per name its kind bit, length n, exact-case flag, index, and n word ids. */
function packNames(namesByFirst: ReadonlyArray<IdName[] | undefined>): { namePack: Int32Array; namePackAt: Int32Array; nameList: IdName[] } {
  const { ints, at, list } = packByFirst(namesByFirst, (e, index) => [e.kindBit, e.ids.length, e.entry.exactTokens ? 1 : 0, index, ...e.ids]);
  return { namePack: ints, namePackAt: at, nameList: list };
}

/**
 * Phrases by the id of their first word, packed as namePack is: at `at[id]` (0: none) their
 * count, then for each (longest first) its length n, its index in `list`, and its n word ids.
 */
export interface PhrasePack {
  ints: Int32Array; at: Int32Array; list: readonly Phrase[];
  /** Tokens in the longest phrase: how far past its first word a phrase can reach. */
  longest: number;
}

function packPhrases(byFirst: ReadonlyArray<Phrase[] | undefined>): PhrasePack {
  const packed = packByFirst(byFirst, (p, index) => [p.ids.length, index, ...p.ids]);
  return { ...packed, longest: packed.list.reduce((n, p) => Math.max(n, p.ids.length), 0) };
}

/** The longest phrase of the pack whose word ids are the tokens' from token i, or null. */
export function longestPhraseAt(pack: PhrasePack, ids: Int32Array, count: number, i: number): Phrase | null {
  const ints = pack.ints;
  const start = pack.at[ids[i]];
  if (!start) return null;
  for (let e = 0, at = start + 1, phrases = ints[start]; e < phrases; e++) {
    const n = ints[at], index = ints[at + 1], from = at + 2;
    at = from + n;
    let ok = i + n <= count;
    for (let t = 0; ok && t < n; t++) ok = ids[i + t] === ints[from + t];
    if (ok) return pack.list[index];
  }
  return null;
}

/** A map keyed by first word as a table indexed by that word's id (every word has its id already). */
function byFirstId<T>(m: Map<string, T>, words: WordIds): Array<T | undefined> {
  const table = new Array<T | undefined>(words.size).fill(undefined);
  for (const [first, value] of m) table[words.id(first)] = value;
  return table;
}

export function loadCueForms(dataDir: string): Set<string> {
  const file = path.join(dataDir, "quotes", "cues.json");
  const raw = JSON.parse(readFileSync(file, "utf8")) as { verbs: Record<string, string[]> };
  return new Set(Object.values(raw.verbs).flat().map((w) => w.toLowerCase()));
}

export function compileActorKnowledge(dataDir: string, knowledgeDirs: readonly string[] = []): ActorKnowledge {
  const kb = loadKnowledge(dataDir, knowledgeDirs);
  const holders = new Map<string, Array<{ entity: Entity; tenure: Tenure }>>();
  for (const e of kb.entities.values()) {
    for (const t of e.tenures ?? []) {
      const key = `${t.office}|${t.org ?? t.country ?? ""}`;
      const list = holders.get(key) ?? [];
      list.push({ entity: e, tenure: t });
      holders.set(key, list);
    }
  }
  const notNames = new Set(loadAbbreviations(dataDir).sentenceOpeners);
  const cueForms = loadCueForms(dataDir);
  const timeWords = loadTimeWords(dataDir);
  const calendarWords = new Set([...Object.keys(timeWords.weekdays), ...Object.keys(timeWords.months)]);
  const words = new WordIds();
  // The closed-class words first: they are most of any text's tokens, and with the
  // smallest ids their entries in the tables indexed by id (wordClass above all, read for
  // every token) sit together in a few cache lines rather than one line each.
  const flagged: Array<[Iterable<string>, number]> = [[notNames, NOT_NAME], [cueForms, CUE], [NAME_PARTICLES, PARTICLE], [SUBJECT_NEXT, SUBJECT_NEXT_WORD], [LIST_JOIN_WORDS, LIST_JOIN], [OFFICE_MODIFIERS, OFFICE_MODIFIER]];
  for (const [list] of flagged) for (const w of list) words.intern(w);
  for (const w of PRONOUN_GENDER.keys()) words.intern(w);
  // The words of place (and "of"), so that the place-name finder tests tokens by id.
  const places = loadGazetteer(dataDir, knowledgeDirs);
  for (const w of [...places.words.prepositions, "of", "the"]) words.intern(w);
  const names = buildNameIndex(kb);
  const nameIds = new Map<string, IdName[]>();
  for (const [first, list] of names) {
    nameIds.set(first, list.map((entry) => ({ entry, entity: kb.entities.get(entry.entity)!, ids: Int32Array.from(entry.tokens, (t) => words.intern(t)), kindBit: KIND_BITS[entry.kind] })));
  }
  const offices = phraseMap([...kb.offices].map(([p, o]) => [p, o.office]), words);
  for (const list of offices.values()) for (const p of list) p.sector = kb.offices.get(p.joined)?.sector ?? "GOV";
  const groups = phraseMap(kb.groups, words);
  // A token finds a title as written or with a period after it, so both spellings need ids.
  for (const t of kb.titles.keys()) { words.intern(t); if (t.endsWith(".")) words.intern(t.slice(0, -1)); }

  // Every word has its id now; the tables below are sized to them.
  const wordClass = new Uint16Array(words.size);
  for (const [list, bit] of flagged) for (const w of list) wordClass[words.id(w)] |= bit;
  for (const [w, g] of PRONOUN_GENDER) wordClass[words.id(w)] |= g === "m" ? PRONOUN_M : PRONOUN_F;
  for (const w of [...places.words.prepositions, "of"]) wordClass[words.id(w)] |= BEFORE_PLACE;
  const namesByFirst = byFirstId(nameIds, words);
  const { namePack, namePackAt, nameList } = packNames(namesByFirst);
  const officesByFirst = byFirstId(offices, words);
  const groupsByFirst = byFirstId(groups, words);
  for (let id = 1; id < words.size; id++) {
    if (namesByFirst[id]) wordClass[id] |= STARTS_NAME;
    if (officesByFirst[id]) wordClass[id] |= STARTS_OFFICE;
    if (groupsByFirst[id]) wordClass[id] |= STARTS_GROUP;
  }
  const titleOf = new Array<TitleHint | undefined>(words.size).fill(undefined);
  for (let id = 1; id < words.size; id++) titleOf[id] = kb.titles.get(words.word(id)) ?? kb.titles.get(words.word(id) + ".");
  words.prepare();
  const surnames = new Map<string, Array<string | null>>();
  const peopleBySurnameId = new Array<Entity[] | undefined>(words.size).fill(undefined);
  const givenNames = englishGivenNames(kb);
  for (const e of kb.entities.values()) {
    if (e.kind !== "person") continue;
    surnames.set(e.id, e.names.map((n) => (e.country && SURNAME_FIRST.has(e.country) ? surnameFirstOf(n, notNames, givenNames) : null) ?? surnameOf(n, notNames)));
    for (const last of new Set(surnames.get(e.id))) {
      const id = last ? words.id(last) : 0;
      if (id) (peopleBySurnameId[id] ??= []).push(e);
    }
  }
  for (let id = 1; id < words.size; id++) {
    if (titleOf[id]) wordClass[id] |= TITLE;
    if (peopleBySurnameId[id]) wordClass[id] |= SURNAME;
  }
  return {
    kb,
    names,
    offices,
    groups,
    holders,
    notNames,
    cueForms,
    calendarWords,
    words,
    namesByFirst,
    namePack,
    namePackAt,
    nameList,
    officesByFirst,
    groupsByFirst,
    officePack: packPhrases(officesByFirst),
    groupPack: packPhrases(groupsByFirst),
    titleOf,
    wordClass,
    surnames,
    peopleBySurnameId,
    places,
    undatedDrafts: new Map([...kb.entities.values()].filter((e) => e.kind !== "person").map((e) => [e, draftOf(e, null)])),
  };
}

/** Whether a tenure is in force on a date; no date means as of the latest knowledge (sitting holders serve). */
export function servesOn(t: Tenure, date: string | null): boolean {
  const d = date ?? "9999-12-31";
  return t.start <= d && (t.end === null || d <= t.end);
}

/** Offices whose holders the press names by surname alone even when namesakes hold lesser ones. */
const LEADING_OFFICES = new Set(["president", "prime minister", "chancellor", "king", "queen", "emir", "sultan", "emperor",
  "supreme leader", "leader", "general secretary", "state counsellor", "chief adviser"]);

export function leadsState(t: Tenure): boolean {
  return LEADING_OFFICES.has(t.office);
}

/** The one person among these with a tenure in force on the date that passes the test, if exactly one has. */
export function soleServing(people: readonly Entity[] | undefined, date: string | null, test: (t: Tenure) => boolean): Entity | undefined {
  // Plain loops: the actors stage asks this for every capitalised word, and most have no people.
  if (people === undefined) return undefined;
  let found: Entity | undefined;
  for (const e of people) {
    if (!(e.tenures ?? []).some((t) => test(t) && servesOn(t, date))) continue;
    if (found) return undefined;
    found = e;
  }
  return found;
}


/**
 * A person's sector on a day they hold no office, or null when they hold one: what they
 * are outside office if the knowledge base says (a party leader PTY); else, once an office
 * has ended, one of the elites (CAMEO/PLOVER ELI: former officials who now hold no
 * position), not the government they once led. With no date the text's day is unknown,
 * so nobody is called former: the person is who their latest office made them.
 */
function sectorOutOfOffice(e: Entity, date: string | null): string | null {
  const ts = e.tenures ?? [];
  if (ts.length === 0 || ts.some((t) => servesOn(t, date))) return null;
  return e.standingSector ?? (date !== null && isFormerOn(e, date) ? "ELI" : null);
}

/** Whether a person held some office before the date but holds none on it (no date: as of the latest knowledge). */
export function isFormerOn(e: Entity, date: string | null): boolean {
  const ts = e.tenures ?? [];
  const d = date ?? "9999-12-31";
  return ts.some((t) => t.end !== null && t.end < d) && !ts.some((t) => servesOn(t, date));
}

/** The tenure in force on a date (the newer one on a hand-over day), else the nearest before it, else the first. */
export function tenureOn(e: Entity, date: string | null): Tenure | null {
  const ts = e.tenures ?? [];
  if (ts.length === 0) return null;
  const d = date ?? "9999-12-31";
  const active = ts.filter((t) => servesOn(t, date)).sort((a, b) => (a.start < b.start ? 1 : -1));
  if (active.length) return active[0];
  const before = ts.filter((t) => t.start <= d).sort((a, b) => (a.start < b.start ? 1 : -1));
  return before[0] ?? ts[0];
}

export function holderOn(k: ActorKnowledge, office: string, where: string, date: string | null): Entity | null {
  const list = k.holders.get(`${office}|${where}`);
  if (!list) return null;
  const active = list.filter(({ tenure }) => servesOn(tenure, date)).sort((a, b) => (a.tenure.start < b.tenure.start ? 1 : -1));
  return active[0]?.entity ?? null;
}

/** A knowledge-base entity as the document's actor on the article's date (the date matters only for people). */
export function draftOf(e: Entity, date: string | null): ActorDraft {
  if (e.kind === "person") {
    const t = tenureOn(e, date);
    // A tenure imported from a CAMEO dictionary keeps its full code and its own country
    // (one person can be KORGOV in one period and IGOUNO in the next).
    if (t?.code) return { key: `kb:${e.id}`, name: e.name, kind: "person", country: t.country, sector: t.sector, code: t.code, kb: e.id, gender: e.gender };
    const country = e.country ?? t?.country ?? null;
    const sector = sectorOutOfOffice(e, date) ?? t?.sector ?? e.sector;
    return { key: `kb:${e.id}`, name: e.name, kind: "person", country, sector, code: `${country ?? ""}${sector ?? ""}` || null, kb: e.id, gender: e.gender };
  }
  return { key: `kb:${e.id}`, name: e.name, kind: e.kind, country: e.country, sector: e.sector, code: e.code, kb: e.id };
}
