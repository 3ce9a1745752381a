// Finder 4: a person named in full once is then named by surname ("Starmer", "Mr Lammy").
// Only after the first full mention, and only for capitalised words not taken already.
// A surname the article never gave in full names a person of the knowledge base only
// when exactly one person known by it is in office on the article's date ("Trump said"
// in 2025, "President Tebboune"): news names sitting leaders by surname alone. Seats a
// hundred people hold at once (senators, members of parliament) do not count: "Brown
// said" is not Senator Sherrod Brown unless the article named him ("Sen. Brown" is
// handled with the title, in rolePhrases).
import type { FinderContext } from "./context.js";
import { cover, ensureEntity } from "./context.js";
import { CUE, leadsState, soleServing, SURNAME, surnameOf } from "./knowledge.js";
import type { Entity } from "../kb/types.js";
import type { ActorDraft } from "./actorRegistry.js";
import { stableOrder } from "./stableOrder.js";

export function findSurnames(c: FinderContext): void {
  const { v, reg, k } = c;
  // surname (lower case) -> [key, first full mention offset]; a surname two people share is dropped.
  const bySurname = new Map<string, { key: string; from: number } | null>();
  const firsts = new Map<string, number>();
  for (const m of reg.mentions) {
    const first = firsts.get(m.key);
    if (first === undefined || first > m.start) firsts.set(m.key, m.start);
  }
  const keys = [...firsts.keys()], froms = [...firsts.values()];
  for (const at of stableOrder(froms, c.scratch)) {
    const key = keys[at], from = froms[at];
    const d = reg.drafts.get(key)!;
    if (d.kind !== "person" || !key.startsWith("kb:") && !key.startsWith("local:")) continue;
    for (const last of surnamesOf(c, d)) {
      if (last === null) continue;
      const old = bySurname.get(last);
      if (old === undefined) bySurname.set(last, { key, from });
      else if (old && old.key !== key) bySurname.set(last, null);
    }
  }
  if (bySurname.size === 0) { findOfficeHolderSurnames(c); return; }
  // Surnames the knowledge has a word id for are looked up by the token's id; only the
  // others need the token's text.
  const byId = new Map<number, { key: string; from: number } | null>();
  const byText = new Map<string, { key: string; from: number } | null>();
  for (const [last, hit] of bySurname) {
    const id = k.words.id(last);
    if (id) byId.set(id, hit); else byText.set(last, hit);
  }
  for (let x = 0; x < v.capitals.length; x++) {
    const i = v.capitals[x];
    if (c.covered[i]) continue;
    const stem = v.stemIds[i];
    const hit = stem ? byId.get(stem) : byText.size ? byText.get(v.stemLower(i)) : undefined;
    if (!hit || v.start(i) < hit.from) continue;
    reg.mention({ start: startWithTitle(c, i), end: v.end(i) - v.possessive(i), key: hit.key, kind: "name", token: i });
    cover(c, i, i + 1);
  }
  findOfficeHolderSurnames(c);
}

function findOfficeHolderSurnames(c: FinderContext): void {
  const { v, reg, k } = c;
  for (let x = 0; x < v.capitals.length; x++) {
    const i = v.capitals[x];
    if (c.covered[i] || (i + 1 < v.count && v.isCap(i + 1))) continue;
    // Asked first: most capitalised words are nobody's surname, and this reads no text.
    if (!((v.poss[i] ? k.wordClass[v.stemIds[i]] : v.classes[i]) & SURNAME)) continue;
    const people = k.peopleBySurnameId[v.stemIds[i]];
    const person = people && c.dated.chosenAmong(people, c.date, soleLeader);
    if (!person) continue;
    // "protested Friday against …": a weekday or month is a surname only after a title ("Prime Minister Friday").
    if (k.calendarWords.has(v.lower(i)) && startWithTitle(c, i) === v.start(i)) continue;
    // At a sentence's start a capital proves nothing: an everyday word there ("Price rises
    // were steep", "Power was cut") is the sitting office holder only before a speech verb.
    if (k.kb.everydaySurnames?.has(v.stemLower(i)) && startsSentence(c, i) && !(i + 1 < v.count && v.classes[i + 1] & CUE)) continue;
    reg.mention({ start: startWithTitle(c, i), end: v.end(i) - v.possessive(i), key: ensureEntity(c, person).key, kind: "name", token: i });
    cover(c, i, i + 1);
  }
}

/** The surnames a person of the article is named by: the knowledge base's, or the last word of a name it lacks. */
function surnamesOf(c: FinderContext, d: ActorDraft): ReadonlyArray<string | null> {
  return d.kb ? c.k.surnames.get(d.kb) ?? [] : [surnameOf(d.name, c.k.notNames)];
}

/**
 * Token `i` is the surname of a person this finder will resolve: one the article named in
 * full before it ("Nikol Pashinyan … Mr Pashinyan"), or the one person known by it who is
 * in office on the article's date. Finders that run earlier leave such a word to this one
 * instead of taking "Mr Pashinyan" for a new person.
 */
export function isKnownSurname(c: FinderContext, i: number): boolean {
  const { v, reg, k } = c;
  const start = v.start(i), last = v.stemLower(i);
  // Two people of that surname ("Bill Clinton … Hillary Clinton … Mrs Clinton") leave it
  // unresolved there, as they do in findSurnames.
  let named: string | null = null;
  for (const m of reg.mentions) {
    if (m.start >= start || m.key === named) continue;
    const d = reg.drafts.get(m.key);
    if (!d || d.kind !== "person") continue;
    if (!surnamesOf(c, d).includes(last)) continue;
    if (named !== null) return false;
    named = m.key;
  }
  return named !== null || soleLeader(k.peopleBySurnameId[v.stemIds[i]], c.date) !== undefined;
}

/** The first word of its sentence, after any quotation mark or bracket. */
function startsSentence(c: FinderContext, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && !c.v.isWord(j) && c.sentenceOf[j] === c.sentenceOf[i]) j--;
  return j < 0 || c.sentenceOf[j] !== c.sentenceOf[i];
}

/** Offices many people hold at once, whose holders news does not name by surname alone. */
const SEATS = new Set(["senator", "lawmaker"]);

/**
 * The one person among these in an office other than a seat on the date, if exactly one is;
 * of several, the one who leads a state or government, if exactly one does.
 */
function soleLeader(people: readonly Entity[] | undefined, date: string | null): Entity | undefined {
  return soleServing(people, date, (t) => !SEATS.has(t.office)) ?? soleServing(people, date, leadsState);
}

/** "Mr Lammy": a title just before a surname belongs to the mention. */
function startWithTitle(c: FinderContext, i: number): number {
  const { v, k } = c;
  const isTitle = (t: number) => t >= 0 && !c.covered[t] && k.kb.titles.has(v.lower(t).replace(/\.$/, ""));
  if (isTitle(i - 1)) return v.start(i - 1);
  // "Mr. Obama": the tokenizer keeps the abbreviation's period as a token of its own.
  if (i > 1 && v.isPeriod(i - 1) && v.touches(i - 2, i - 1) && isTitle(i - 2)) return v.start(i - 2);
  return v.start(i);
}
