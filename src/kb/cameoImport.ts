// Turns the records of a CAMEO actor dictionary into overlay content in Parley's formats:
// people with date-restricted codes become tenures (one actor TSV row per period, with the
// full code kept in the tenth column), entries with one plain code become organisations,
// and entries coded with a bare country code (AFGHANISTAN_ [AFG]) add names to that country.
import { KnowledgeError, type Entity, type KnowledgeBase } from "./types.js";
import type { DictEntry, DictCode } from "./cameoActorDictionary.js";
import { splitCameoCode, sectorLabel, type CameoCodeScheme, type SplitCode } from "./cameoCode.js";
import { dictionaryNameCase } from "./dictionaryNameCase.js";
import { foldName } from "./nameFold.js";
import { slug } from "./slug.js";
import type { OrganisationRecord, OverlayContent } from "./overlayFiles.js";

export type ImportKind = "auto" | "person" | "organisation";

export interface ImportResult {
  content: OverlayContent;
  problems: KnowledgeError[];
  /** Entries left out on purpose (no code), one line each with file:line. */
  notes: string[];
  counts: { persons: number; organisations: number; countryNames: number };
}

export interface ImportContext {
  file: string;
  kb: KnowledgeBase;
  scheme: CameoCodeScheme;
  capitals: ReadonlySet<string>;
  kind: ImportKind;
}

export function convertCameoEntries(entries: readonly DictEntry[], c: ImportContext): ImportResult {
  const r: ImportResult = { content: { actorRows: [], organisations: [], countries: new Map() }, problems: [], notes: [], counts: { persons: 0, organisations: 0, countryNames: 0 } };
  const orgIdsByName = organisationsByName(c.kb);
  const spellings = knownSpellings(c.kb);
  const spell = (phrase: string) => spellings.get(foldName(phrase)) ?? dictionaryNameCase(phrase, c.capitals);
  for (const entry of entries) {
    // A record with a bad line is still converted, into a result that is thrown away, so all its problems are reported.
    const into = entry.bad ? { ...r, content: { actorRows: [], organisations: [], countries: new Map() }, notes: [], counts: { persons: 0, organisations: 0, countryNames: 0 } } : r;
    try {
      convertEntry(entry, { ...c, spell }, into, orgIdsByName);
    } catch (e) {
      if (!(e instanceof KnowledgeError)) throw e;
      r.problems.push(e);
    }
  }
  return r;
}

function convertEntry(entry: DictEntry, c: ImportContext & { spell: (phrase: string) => string }, r: ImportResult, orgIdsByName: Map<string, string>): void {
  const name = c.spell(entry.primary.text);
  const seen = new Set([foldName(name)]);
  const aliases: string[] = [];
  for (const s of entry.synonyms) {
    const a = c.spell(s.text);
    if (!seen.has(foldName(a))) { seen.add(foldName(a)); aliases.push(a); }
  }
  const where = `${c.file}:${entry.primary.line}`;
  const coded = entry.codes.filter((k): k is DictCode & { code: string } => k.code !== null);
  if (coded.length === 0) { r.notes.push(`${where}: ${name}: no code (or only [---]); not imported`); return; }
  const split = coded.map((k) => {
    const s = splitCameoCode(k.code, c.kb, c.scheme);
    // A shared code is reported at the entry that borrowed it as well as where it is written.
    if (typeof s === "string") throw new KnowledgeError({ file: c.file, line: k.line, field: "code", message: s });
    return { ...k, split: s };
  });
  const restricted = split.some((k) => k.from !== null || k.to !== null);
  // The default is the last plain code: later default lines replace earlier ones, as PETRARCH reads them.
  const defaults = split.filter((k) => k.from === null && k.to === null);
  const fallback = defaults[defaults.length - 1];
  // A plain-coded entry naming someone the knowledge base knows as a person stays a person
  // (KEIR_STARMER_ [GBRGOV] must not become an organisation that outranks him).
  const knownPerson = [name, ...aliases].some((n) => c.kb.entities.get(`person:${slug(n)}`)?.kind === "person");
  const kind = c.kind !== "auto" ? c.kind : restricted || knownPerson ? "person" : fallback!.split.sector === null ? "country" : "organisation";

  if (kind === "country") {
    const iso3 = fallback!.split.country!;
    const country = c.kb.entities.get(`country:${iso3}`)!;
    const known = new Set([...country.names, ...(country.demonyms ?? []), ...(country.capitals ?? [])].map(foldName));
    const list = r.content.countries.get(iso3) ?? [];
    for (const n of [name, ...aliases]) {
      if (known.has(foldName(n)) || list.some((x) => foldName(x) === foldName(n))) continue;
      list.push(n);
      r.counts.countryNames++;
    }
    if (list.length) r.content.countries.set(iso3, list);
    return;
  }

  if (kind === "organisation") {
    if (restricted) throw new KnowledgeError({ file: c.file, line: entry.primary.line, message: `${name}: date-restricted codes belong to a person (import with --kind person or auto)` });
    const s = fallback!.split;
    if (s.sector === null) throw new KnowledgeError({ file: c.file, line: fallback!.line, field: "code", message: `${s.code} names only a country; an organisation's code needs its role too (${s.code}GOV, ${s.code}MIL …)` });
    const id = orgIdsByName.get(foldName(name)) ?? `org:${slug(name)}`;
    const org: OrganisationRecord = { id, name, aliases, sector: s.sector, code: s.code, country: s.country, source: where };
    r.content.organisations.push(org);
    r.counts.organisations++;
    return;
  }

  // A person: one row per period; the default code, if any, as an open period behind them.
  const periods = [...split.filter((k) => k.from !== null || k.to !== null), ...(fallback ? [fallback] : [])];
  periods.forEach((k, i) => {
    if (k.split.sector === null) throw new KnowledgeError({ file: c.file, line: k.line, field: "code", message: `${k.code} names a country but no role; a person's code needs one (${k.code}GOV, ${k.code}ELI …)` });
    r.content.actorRows.push({
      cols: [name, i === 0 ? aliases.join("|") : "", "", k.split.country ?? "", k.split.sector, officeLabel(k.split, c.scheme), "", k.from ?? "", k.to ?? "", k.code],
      origin: i === 0 ? where : undefined,
    });
  });
  r.counts.persons++;
}

/** What the tenure is called: the role the code names, marked as coming from a CAMEO code (the dictionary gives no office). */
function officeLabel(s: SplitCode, scheme: CameoCodeScheme): string {
  return `${sectorLabel(s.sector!, scheme)} (cameo)`;
}

/** Names the knowledge base already writes, by folded form: "BAN KI-MOON" is imported as "Ban Ki-moon", not "Ban Ki-Moon". */
function knownSpellings(kb: KnowledgeBase): Map<string, string> {
  const out = new Map<string, string>();
  const all: Entity[] = [...kb.entities.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const e of all) for (const n of e.names) if (!out.has(foldName(n))) out.set(foldName(n), n);
  return out;
}

/** Folded names of the organisations the knowledge base already has, so an import adds to them instead of duplicating. */
function organisationsByName(kb: KnowledgeBase): Map<string, string> {
  const out = new Map<string, string>();
  const orgs: Entity[] = [...kb.entities.values()].filter((e) => e.kind === "organisation").sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const e of orgs) for (const n of e.names) if (!out.has(foldName(n))) out.set(foldName(n), e.id);
  return out;
}
