// Finder 2: office phrases — "the prime minister", "the French president, Emmanuel
// Macron", "Mark Rutte, Nato’s secretary general", "President Kassym-Jomart Tokayev".
// A named holder (title or apposition, either side) wins; otherwise the office is
// resolved by its country (or organisation) and the article's date, or by a holder the
// article already named, or by the article's home country.
import type { FinderContext } from "./context.js";
import { cover, ensureEntity, ensureEntityTitled, sameSentence, tenureOnDate } from "./context.js";
import { afterTitle, kbPersonByLooseName, matchKbName, readPersonName } from "./matchNames.js";
import { CUE, leadsState, longestPhraseAt, soleServing, NAME_BIT, NOT_NAME, OFFICE_MODIFIER, STARTS_OFFICE } from "./knowledge.js";
import type { ActorDraft } from "./actorRegistry.js";
import type { Entity } from "../kb/types.js";
import { slug } from "../kb/slug.js";
import { homeCountry } from "./homeCountry.js";

export function findRolePhrases(c: FinderContext): void {
  const { v, k } = c;
  let next = 0; // the token after the last mention found
  for (let x = 0; x < v.officeStarts.length; x++) {
    const i = v.officeStarts[x];
    if (i < next || !(v.classes[i] & STARTS_OFFICE) || c.covered[i] || !v.isWord(i)) continue;
    const phrase = longestPhraseAt(k.officePack, v.ids, v.count, i);
    if (!phrase) continue;
    const end = i + phrase.tokens.length;
    if (!sameSentence(c, i, end - 1)) continue;
    const office = phrase.value;
    const officeSector = phrase.sector ?? "GOV";

    // Left: an optional qualifier (country, demonym or organisation) and a determiner.
    let s = i, country: string | null = null, org: string | null = null, former = false, regional = false;
    let j = i - 1;
    while (j >= 0 && sameSentence(c, j, i) && v.classes[j] & OFFICE_MODIFIER) { former ||= v.is(j, "former", "ex"); j--; }
    const q = qualifierEndingAt(c, j);
    // A town or region the gazetteer knows ("Borno State Governor", "Texas governor", "West
    // Bengal chief minister") gives the office its country, but names no one holder of it.
    const region = q || !LOCAL_OFFICES.has(office) ? null : placeEndingAt(c, j);
    if (region) { country = region.country; s = region.start; regional = true; }
    if (q) {
      if (q.kind === "country") country = q.entity; else { org = q.entity; country = k.kb.entities.get(q.entity)?.country ?? null; }
      if (q.mention) c.reg.mention(q.mention);
      cover(c, q.start, j + 1);
      s = q.start;
      // "a former White House official": the qualifier sits between "former" and the office.
      if (v.is(s - 1, "former", "ex")) { former = true; s--; }
    } else if (j < i - 1 && !region) {
      s = j + 1;
    }
    if (v.is(s - 1, "the", "a", "an")) s--;
    // Right: "Prime Minister of Estonia", "the president of the European Council".
    if (!q && v.is(end, "of")) {
      const at = v.is(end + 1, "the") ? end + 2 : end + 1;
      const m = at < v.count && sameSentence(c, i, at) ? matchKbName(c, at) : null;
      const there = !m && LOCAL_OFFICES.has(office) && at < v.count && sameSentence(c, i, at) ? placeAt(c, at) : null;
      if (there) { country = there.country; regional = true; }
      if (m && m.entity.kind !== "person" && m.entry.kind !== "place" && m.entry.kind !== "demonym") {
        const e = m.entity;
        if (e.kind === "country") country = e.country!; else { org = e.id; country = e.country ?? null; }
        // The name finder has usually taken the name already; otherwise it is a mention here.
        if (!c.covered[at]) {
          c.reg.mention({ start: v.start(at), end: v.end(m.end - 1) - m.possessive, key: ensureEntity(c, e).key, kind: "name", token: at });
          cover(c, at, m.end);
        }
      }
    }

    // A named holder: "President X", "the president, X", "X, the president".
    let nameStart = -1, nameEnd = -1;
    if (v.isCap(i) && v.isCap(end) && !(v.classes[end] & NOT_NAME)) {
      nameStart = end; nameEnd = readPersonName(c, end);
    } else if (v.word(end) === "," && v.isCap(end + 1)) {
      // "the army commander, Gen. Joseph Aoun,": the name's own titles are not part of it.
      let ns = end + 1;
      while (ns < v.count && k.titleOf[v.ids[ns]] && v.isCap(afterTitle(c, ns))) ns = afterTitle(c, ns);
      const ne = readPersonName(c, ns);
      if (ne > ns && (ne >= v.count || !sameSentence(c, ne, end) || v.is(ne, ",", ".", "and", ";", ")") || v.classes[ne] & CUE)) { nameStart = ns; nameEnd = ne; }
    }
    if (nameStart < 0 && v.word(s - 1) === "," && s - 2 >= 0) {
      let ns = s - 2;
      while (ns - 1 >= 0 && sameSentence(c, ns - 1, s) && (v.isCap(ns - 1) || (v.word(ns - 1) === "." && v.isCap(ns - 2)))) ns--;
      if (v.isCap(ns) && !(v.classes[ns] & NOT_NAME) && readPersonName(c, ns) >= s - 1) { nameStart = ns; nameEnd = s - 1; }
    }
    if (nameStart >= 0 && nameEnd > nameStart) {
      const kbName = matchKbName(c, nameStart, NAME_BIT);
      // The knowledge base may know a longer form ("Ferdinand Marcos Jr." with its period).
      if (kbName && kbName.end > nameEnd) nameEnd = kbName.end;
      // "President Tebboune": a surname alone names the one known person by it in office that day
      // (of several namesakes in office, the one holding the title's office: "President Ali", or
      // leading a state under a title of its sector: not "Admiral Lee" for a president Lee).
      // Out of office that day ("President Reagan" in a retrospective), the one known person by
      // it who ever held the office: the country is right even when the date is not.
      const bySurname = nameEnd - nameStart === 1 ? k.peopleBySurnameId[v.stemIds[nameStart]] : undefined;
      const kbEntity = kbName && kbName.end === nameEnd ? kbName.entity
        : bySurname ? soleServing(bySurname, c.date, (t) => t.office === office) ?? soleServing(bySurname, c.date, () => true)
          ?? soleServing(bySurname, c.date, (t) => leadsState(t) && t.sector === officeSector) ?? soleHolderEver(bySurname, office, country)
        : kbPersonByLooseName(c, nameStart, nameEnd);
      if (kbEntity && kbEntity.kind !== "person") { nameStart = -1; }
      else {
        const draft = kbEntity
          ? ensureEntityTitled(c, kbEntity, office, former)
          : c.reg.ensure(localPerson(c, v.text.slice(v.start(nameStart), v.end(nameEnd - 1)), country, org ? "IGO" : former ? "ELI" : officeSector, titleGender(c, i)));
        c.reg.mention({ start: v.start(s), end: v.end(end - 1), key: draft.key, kind: "role", token: s });
        if (!c.covered[nameStart]) c.reg.mention({ start: v.start(nameStart), end: v.end(nameEnd - 1) - v.possessive(nameEnd - 1), key: draft.key, kind: "name", token: nameStart });
        cover(c, Math.min(s, nameStart), Math.max(end, nameEnd));
        next = Math.max(end, nameEnd);
        continue;
      }
    }
    // Lower-case generic words ("minister", "leader", "official") need a qualifier to mean someone.
    const draft = resolveOffice(c, office, officeSector, country, org, v.start(i), former, regional);
    if (!draft) continue;
    c.reg.mention({ start: v.start(s), end: v.end(end - 1), key: draft.key, kind: "role", token: s });
    cover(c, s, end);
    next = end;
  }
}

/** The one person of a list who held this office at any time (in this country, if given). */
function soleHolderEver(people: readonly Entity[], office: string, country: string | null): Entity | undefined {
  const held = people.filter((e) => (e.tenures ?? []).some((t) => t.office === office && (country === null || t.country === country)));
  return held.length === 1 ? held[0] : undefined;
}

interface Qualifier { start: number; kind: "country" | "org"; entity: string; mention: { start: number; end: number; key: string; kind: "name" | "demonym"; token: number } | null }

/** A country, demonym or organisation name ending at token j ("UK", "French", "Nato’s", "New Zealand’s"). */
function qualifierEndingAt(c: FinderContext, j: number): Qualifier | null {
  for (let st = Math.max(0, j - 3); st <= j; st++) {
    const m = matchKbName(c, st);
    if (!m || m.end !== j + 1) continue;
    const e = m.entity;
    if (e.kind === "person" || m.entry.kind === "place") return null;
    const key = ensureEntity(c, e).key;
    const mention = c.covered[st] ? null : { start: c.v.start(st), end: c.v.end(j) - m.possessive, key, kind: m.entry.kind === "demonym" ? "demonym" as const : "name" as const, token: st };
    return { start: st, kind: e.kind === "country" ? "country" : "org", entity: e.kind === "country" ? e.country! : e.id, mention };
  }
  return null;
}

/**
 * Offices a town or region has of its own, which a place before or after names ("Kano
 * governor", "the mayor of Kharkiv"); other offices take no country from a place, whose
 * name may be another country's ("the Archbishop of Canterbury" is not New Zealand's).
 */
const LOCAL_OFFICES = new Set(["governor", "chief minister", "mayor", "police chief", "first minister"]);

/** A town or region of the gazetteer ending at token j (not a country, nor an everyday word): its first token and country. */
function placeEndingAt(c: FinderContext, j: number): { start: number; country: string } | null {
  for (let st = Math.max(0, j - 3); st <= j; st++) {
    const p = placeAt(c, st, true);
    if (p && p.end === j + 1 && sameSentence(c, st, j + 1)) return { start: st, country: p.country };
  }
  return null;
}

/** A town or region of the gazetteer starting at token i: where it ends and its country ("Lagos's" with `possessive`). */
function placeAt(c: FinderContext, i: number, possessive = false): { end: number; country: string } | null {
  const m = c.k.places.match(c.v, i);
  if (!m || m.commonWord || (m.possessive && !possessive)) return null;
  const place = c.k.places.choose(m);
  if (place.kind === "country") return null;
  return { end: i + m.length, country: place.country };
}

function titleGender(c: FinderContext, i: number): "m" | "f" | undefined {
  return c.k.kb.titles.get(c.v.lower(i))?.gender;
}

export function localPerson(c: FinderContext, name: string, country: string | null, sector: string | null, gender?: "m" | "f"): ActorDraft {
  let key = c.localKeys.get(name);
  if (key === undefined) { key = `local:${slug(name)}`; c.localKeys.set(name, key); }
  return { key, name, kind: "person", country, sector, code: `${country ?? ""}${sector ?? ""}` || null, kb: null, gender };
}

function resolveOffice(c: FinderContext, office: string, sector: string, country: string | null, org: string | null, at: number, former: boolean, regional = false): ActorDraft | null {
  const { k, reg } = c;
  // A region's governor or chief minister is not the country's holder of that office.
  if (!former && !regional) {
    const where = org ?? country;
    if (where) {
      const holder = c.dated.holderOn(office, where, c.date);
      if (holder) return ensureEntity(c, holder);
    } else {
      // Someone the article already named who holds this office on its date.
      for (let m = reg.mentions.length - 1; m >= 0; m--) {
        const mention = reg.mentions[m];
        if (mention.start >= at) continue;
        const d = reg.drafts.get(mention.key)!;
        if (d.kind !== "person" || !d.kb) continue;
        const t = tenureOnDate(c, k.kb.entities.get(d.kb)!);
        if (t && t.office === office && (c.date === null || (t.start <= c.date && (t.end === null || c.date <= t.end)))) return d;
      }
      const home = homeCountry(c, at);
      const holder = home ? c.dated.holderOn(office, home, c.date) : null;
      if (holder) return ensureEntity(c, holder);
    }
  }
  // Lower-case generic offices need a qualifier to stand for an actor of their own.
  // ("a former minister" names someone, one of the elites, even without one).
  if (!former && !country && !org && ["minister", "leader", "official", "general", "judge", "ambassador", "lawmaker", "governor", "mayor", "king", "emir"].includes(office)) return null;
  const name = `${former ? "former " : ""}${office}`;
  // A former office holder is one of the elites (CAMEO ELI); an official of an organisation
  // belongs to its sector ("a White House official" GOV, "a UN official" IGO).
  const orgEntity = org ? k.kb.entities.get(org) : undefined;
  const roleSector = former ? "ELI" : org ? orgEntity?.sector ?? "IGO" : sector;
  const code = !former && orgEntity?.code ? orgEntity.code : `${country ?? ""}${roleSector}`;
  return reg.ensure({ key: `role:${name}:${org ?? country ?? ""}`, name, kind: "person", country, sector: roleSector, code, kb: null });
}
