// Loads data/actors/* into one KnowledgeBase, validating as it goes: a bad entry stops
// loading with file:line (or the entry's position) and the field; entries that name the
// same entity merge; conflicting codes for one entity are reported as warnings. A user's
// overlay folders (parley kb, src/kb/overlayFolder.ts) load after the built-in data.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { KnowledgeError, type Entity, type KnowledgeBase, type Tenure } from "./types.js";
import { slug } from "./slug.js";
import { loadOverlayFolder } from "./overlayFolder.js";
import { isCalendarDate } from "./isoDate.js";

const ISO3 = /^[A-Z]{3}$/;
const SECTOR = /^[A-Z]{3}$/;
const CODE = /^(?:[A-Z]{3})+$/;

function readJson(file: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new KnowledgeError({ file, message: `not valid JSON: ${(e as Error).message}` });
  }
}

/** The built-in knowledge under dataDir/actors, then each overlay folder in order (later entries add to earlier ones). */
export function loadKnowledge(dataDir: string, overlays: readonly string[] = []): KnowledgeBase {
  const dir = path.join(dataDir, "actors");
  const kb: KnowledgeBase = { entities: new Map(), offices: new Map(), groups: new Map(), titles: new Map(), qualifiers: new Map(), stateQualifiers: new Set(), warnings: [] };
  loadCountries(path.join(dir, "countries.json"), kb);
  loadCountryExtras(path.join(dir, "country-extras.json"), kb);
  loadOrganisations(path.join(dir, "organisations.json"), kb);
  loadRoles(path.join(dir, "roles.json"), kb);
  // Office holders, then any user files (*.actors.tsv), in name order so loading is deterministic.
  const tsvs = ["office-holders.tsv", ...readdirSync(dir).filter((f) => f.endsWith(".actors.tsv")).sort()];
  for (const f of tsvs) if (existsSync(path.join(dir, f))) loadActorTsv(path.join(dir, f), kb);
  for (const o of overlays) loadOverlayFolder(o, kb);
  return kb;
}

function add(kb: KnowledgeBase, e: Entity): void {
  const old = kb.entities.get(e.id);
  if (!old) { kb.entities.set(e.id, { ...e, sources: [e.origin] }); return; }
  (old.sources ??= [old.origin]).push(e.origin);
  // The same entity twice: merge names and offices; report a code that disagrees.
  // People change office (and sector) over time; their code is taken per date from the tenure.
  if (e.kind !== "person" && e.code && old.code && e.code !== old.code) {
    kb.warnings.push(`${e.origin}: conflicting code for ${e.name}: ${e.code} here, ${old.code} at ${old.origin}; keeping ${old.code}`);
  }
  for (const n of e.names) if (!old.names.includes(n)) old.names.push(n);
  if (e.tenures) (old.tenures ??= []).push(...e.tenures);
  old.gender ??= e.gender;
  old.country ??= e.country;
  old.sector ??= e.sector;
  old.code ??= e.code;
  old.standingSector ??= e.standingSector;
}

function stringList(v: unknown, file: string, where: string, field: string): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || !v.every((x) => typeof x === "string")) throw new KnowledgeError({ file, line: undefined, field: `${where}.${field}`, message: "must be a list of strings" });
  return v as string[];
}

function loadCountries(file: string, kb: KnowledgeBase): void {
  const list = readJson(file).countries;
  if (!Array.isArray(list)) throw new KnowledgeError({ file, field: "countries", message: "must be a list" });
  list.forEach((c: Record<string, unknown>, i: number) => {
    const where = `countries[${i}]`;
    if (typeof c.iso3 !== "string" || !ISO3.test(c.iso3)) throw new KnowledgeError({ file, field: `${where}.iso3`, message: `must be three capital letters (got ${JSON.stringify(c.iso3)})` });
    if (typeof c.name !== "string" || c.name === "") throw new KnowledgeError({ file, field: `${where}.name`, message: "must be a non-empty string" });
    add(kb, {
      id: `country:${c.iso3}`, name: c.name, kind: "country", country: c.iso3, sector: null, code: c.iso3,
      names: [c.name, ...stringList(c.aliases, file, where, "aliases")],
      demonyms: stringList(c.demonyms, file, where, "demonyms"), capitals: stringList(c.capitals, file, where, "capitals"),
      priority: c.independent === true ? 1 : 0,
      origin: `${file}:${where}`,
    });
  });
}

/** boost: how much curated press usage outranks the generated list (0 for a user's overlay, which should not reorder). */
export function loadCountryExtras(file: string, kb: KnowledgeBase, boost = 2): void {
  if (!existsSync(file)) return;
  const all = readJson(file).countries as Record<string, Record<string, unknown>> | undefined;
  for (const [iso3, extra] of Object.entries(all ?? {})) {
    const where = `countries.${iso3}`;
    if (!ISO3.test(iso3)) throw new KnowledgeError({ file, field: where, message: "not an ISO 3166-1 alpha-3 code" });
    if (!kb.entities.has(`country:${iso3}`)) {
      // A country the generated list lacks (Kosovo's XKX is a user-assigned code) needs its name here.
      if (typeof extra.name !== "string") throw new KnowledgeError({ file, field: `${where}.name`, message: `no country ${iso3} in countries.json: give its "name" to add it` });
      add(kb, { id: `country:${iso3}`, name: extra.name, kind: "country", country: iso3, sector: null, code: iso3, names: [extra.name], demonyms: [], capitals: [], origin: `${file}:${where}` });
    }
    const country = kb.entities.get(`country:${iso3}`)!;
    if (country.origin !== `${file}:${where}`) (country.sources ??= [country.origin]).push(`${file}:${where}`);
    country.priority = (country.priority ?? 0) + boost; // curated press usage outranks generated lists
    for (const c of stringList(extra.capitals, file, where, "capitals")) if (!country.capitals!.includes(c)) country.capitals!.push(c);
    const capitals = new Set(country.capitals);
    for (const a of stringList(extra.aliases, file, where, "aliases")) {
      // A capital listed as an alias stays a place name ("Moscow said" is still Russia).
      if (capitals.has(a)) continue;
      if (!country.names.includes(a)) country.names.push(a);
    }
    for (const d of stringList(extra.demonyms, file, where, "demonyms")) if (!country.demonyms!.includes(d)) country.demonyms!.push(d);
    // A name the generated list gives this state but the press uses for another one
    // ("Congo" alone is, in the news, the Democratic Republic of the Congo).
    for (const n of stringList(extra.notNames, file, where, "notNames")) {
      if (n === country.name) throw new KnowledgeError({ file, field: `${where}.notNames`, message: `"${n}" is the country's own name` });
      country.names = country.names.filter((x) => x !== n);
    }
    const seats = extra.seats ?? [];
    if (!Array.isArray(seats)) throw new KnowledgeError({ file, field: `${where}.seats`, message: "must be a list" });
    seats.forEach((s: Record<string, unknown>, i: number) => {
      if (typeof s.name !== "string" || typeof s.sector !== "string" || !SECTOR.test(s.sector)) {
        throw new KnowledgeError({ file, field: `${where}.seats[${i}]`, message: 'needs "name" and a three-letter "sector"' });
      }
      add(kb, {
        id: `seat:${iso3}:${slug(s.name)}`, name: s.name, kind: "organisation", country: iso3, sector: s.sector,
        code: `${iso3}${s.sector}`, names: [s.name], origin: `${file}:${where}.seats[${i}]`,
      });
    });
  }
}

export function loadOrganisations(file: string, kb: KnowledgeBase): void {
  const list = readJson(file).organisations;
  if (!Array.isArray(list)) throw new KnowledgeError({ file, field: "organisations", message: "must be a list" });
  list.forEach((o: Record<string, unknown>, i: number) => {
    const where = `organisations[${i}]`;
    for (const f of ["id", "name", "sector", "code"]) {
      if (typeof o[f] !== "string" || o[f] === "") throw new KnowledgeError({ file, field: `${where}.${f}`, message: "must be a non-empty string" });
    }
    if (o.country != null && (typeof o.country !== "string" || !ISO3.test(o.country))) throw new KnowledgeError({ file, field: `${where}.country`, message: "must be an ISO-3 code or null" });
    add(kb, {
      id: o.id as string, name: o.name as string, kind: "organisation", country: (o.country as string) ?? null,
      sector: o.sector as string, code: o.code as string, names: [o.name as string, ...stringList(o.aliases, file, where, "aliases")],
      origin: `${file}:${where}`,
    });
  });
}

function loadRoles(file: string, kb: KnowledgeBase): void {
  const r = readJson(file) as { offices?: Array<{ office: string; phrases: string[]; sector: string }>; groups?: Array<{ sector: string; nouns: string[] }>; titles?: { words?: Record<string, { gender?: "m" | "f"; sector?: string }> }; qualifiers?: { words?: Record<string, unknown> }; stateQualifiers?: { words?: unknown } };
  (r.offices ?? []).forEach((o, i) => {
    if (typeof o.office !== "string" || typeof o.sector !== "string") throw new KnowledgeError({ file, field: `offices[${i}]`, message: 'needs "office", "phrases" and "sector"' });
    for (const p of stringList(o.phrases, file, `offices[${i}]`, "phrases")) kb.offices.set(p.toLowerCase(), { office: o.office, sector: o.sector });
  });
  (r.groups ?? []).forEach((g, i) => {
    if (typeof g.sector !== "string" || !SECTOR.test(g.sector)) throw new KnowledgeError({ file, field: `groups[${i}].sector`, message: "must be a three-letter sector" });
    for (const n of stringList(g.nouns, file, `groups[${i}]`, "nouns")) kb.groups.set(n.toLowerCase(), g.sector);
  });
  for (const [w, hint] of Object.entries(r.titles?.words ?? {})) kb.titles.set(w.toLowerCase(), hint);
  for (const [w, sector] of Object.entries(r.qualifiers?.words ?? {})) {
    if (typeof sector !== "string" || !SECTOR.test(sector)) throw new KnowledgeError({ file, field: `qualifiers.words.${w}`, message: "must be a three-letter sector" });
    kb.qualifiers.set(w.toLowerCase(), sector);
  }
  for (const w of stringList(r.stateQualifiers?.words, file, "stateQualifiers", "words")) kb.stateQualifiers.add(w.toLowerCase());
}

/**
 * Actor TSV: name, aliases (|), gender, country, sector, role, org, start, end, and an
 * optional tenth column code (the full CAMEO code for the tenure, as imported dictionaries
 * give it: IGOUNO, AFGGOVAGR). A row with a role is a tenure of a person; rows with the same
 * name are one person. Lines starting with # are comments.
 */
export function loadActorTsv(file: string, kb: KnowledgeBase): void {
  const lines = readFileSync(file, "utf8").split("\n");
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === "" || raw.startsWith("#")) return;
    const cols = raw.split("\t");
    if (cols.length < 9) throw new KnowledgeError({ file, line, message: `expected 9 tab-separated columns (name, aliases, gender, country, sector, role, org, start, end), found ${cols.length}` });
    const [name, aliases, gender, country, sector, role, org, start, end, code = ""] = cols.map((c) => c.trim());
    if (name === "") throw new KnowledgeError({ file, line, field: "name", message: "is empty" });
    if (gender !== "" && gender !== "m" && gender !== "f") throw new KnowledgeError({ file, line, field: "gender", message: `must be m, f or empty (got "${gender}")` });
    if (country !== "" && !ISO3.test(country)) throw new KnowledgeError({ file, line, field: "country", message: `must be an ISO 3166-1 alpha-3 code (got "${country}")` });
    if (!SECTOR.test(sector)) throw new KnowledgeError({ file, line, field: "sector", message: `must be a three-letter sector such as GOV or MIL (got "${sector}")` });
    if (start !== "" && !isCalendarDate(start)) throw new KnowledgeError({ file, line, field: "start", message: `must be YYYY-MM-DD (got "${start}")` });
    if (end !== "" && !isCalendarDate(end)) throw new KnowledgeError({ file, line, field: "end", message: `must be YYYY-MM-DD or empty (got "${end}")` });
    if (start !== "" && end !== "" && end < start) throw new KnowledgeError({ file, line, field: "end", message: `is before start (${start} … ${end})` });
    if (org !== "" && !kb.entities.has(org)) throw new KnowledgeError({ file, line, field: "org", message: `unknown organisation id "${org}"` });
    if (code !== "" && !CODE.test(code)) throw new KnowledgeError({ file, line, field: "code", message: `must be a CAMEO code of capital letters in groups of three (got "${code}")` });
    const office = role === "" ? null : kb.offices.get(role.toLowerCase())?.office ?? role.toLowerCase();
    const tenure: Tenure | null = office ? {
      office, country: org ? null : country || null, org: org || null, sector, start: start || "0000-01-01", end: end || null,
      ...(code ? { code } : {}), origin: `${file}:${line}`,
    } : null;
    add(kb, {
      id: `person:${slug(name)}`, name, kind: "person", country: country || null, sector, code: country ? `${country}${sector}` : sector,
      names: [name, ...aliases.split("|").map((a) => a.trim()).filter((a) => a !== "")],
      ...(gender ? { gender: gender as "m" | "f" } : {}),
      ...(tenure ? { tenures: [tenure] } : { standingSector: sector }),
      origin: `${file}:${line}`,
    });
  });
}
