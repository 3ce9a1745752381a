#!/usr/bin/env node
// Lints the actor knowledge base (data/actors/) beyond what the loader validates:
//  - a name or alias that two different entities claim (the name index can pick only one);
//  - a person whose rows give two different countries;
//  - a role in office-holders.tsv that is no office phrase in roles.json;
//  - two people holding a single-holder office (president, prime minister, ...) of the same
//    country or organisation on the same day, which makes "the Kenyan president" ambiguous.
// Prints counts per file and the findings; exits 1 when any finding is an error.
// Usage: npm run build && node scripts/check-actor-kb.mjs [dataDir]
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = path.resolve(process.argv[2] ?? path.join(root, "data"));
const { loadKnowledge } = await import(path.join(root, "dist/src/kb/loadKnowledge.js"));
const { buildNameIndex } = await import(path.join(root, "dist/src/kb/nameIndex.js"));

const kb = loadKnowledge(dataDir);
const errors = [];
const notes = [];

// Offices that one person holds at a time for a country or organisation.
const SINGLE = new Set(["president", "prime minister", "chancellor", "king", "queen", "emir", "sultan", "emperor", "grand duke",
  "supreme leader", "foreign minister", "defence minister", "army chief", "navy chief", "air force chief", "secretary general", "director general"]);

// 1. Names claimed by two entities (demonyms and capitals shared by territories are expected).
const index = buildNameIndex(kb);
for (const list of index.values()) {
  const byName = new Map();
  for (const e of list) {
    if (e.kind !== "name") continue;
    const k = e.tokens.join(" ");
    (byName.get(k) ?? byName.set(k, new Set()).get(k)).add(e.entity);
  }
  for (const [name, ids] of byName) {
    if (ids.size < 2) continue;
    // A country and its own seat named alike ("Vatican") is harmless; a person or organisation is not.
    const onlyPlaces = [...ids].every((id) => id.startsWith("country:") || id.startsWith("seat:"));
    // Organisations of different countries sharing an acronym ("PRD" in Mexico, Panama and the
    // Dominican Republic) are real: `parley resolve` tells them apart by the context's country.
    const countries = [...ids].map((id) => kb.entities.get(id)).map((e) => e?.kind === "organisation" ? e.country : null);
    const namesakes = countries.every((c) => c) && new Set(countries).size === countries.length;
    (onlyPlaces || namesakes ? notes : errors).push(`name "${name}" belongs to ${[...ids].join(", ")}`);
  }
}

// 2-4. Office-holder rows.
const roles = JSON.parse(readFileSync(path.join(dataDir, "actors/roles.json"), "utf8"));
const phrases = new Map();
for (const o of roles.offices) for (const p of o.phrases) phrases.set(p.toLowerCase(), o.office);
const officeNames = new Set(roles.offices.map((o) => o.office));
const tsv = path.join(dataDir, "actors/office-holders.tsv");
const rows = readFileSync(tsv, "utf8").split("\n").map((l, i) => ({ line: i + 1, cols: l.split("\t") })).filter((r) => r.cols.length >= 9 && !r.cols[0].startsWith("#"));
const countries = new Map();
const holders = new Map();
for (const { line, cols } of rows) {
  const [name, , , country, , role, org, start, end] = cols.map((c) => c.trim());
  if (country) (countries.get(name) ?? countries.set(name, new Set()).get(name)).add(country);
  if (!role) continue;
  const office = phrases.get(role.toLowerCase()) ?? (officeNames.has(role.toLowerCase()) ? role.toLowerCase() : null);
  if (!office) { errors.push(`${tsv}:${line}: role "${role}" is no office phrase in roles.json`); continue; }
  if (!SINGLE.has(office)) continue;
  const key = `${office}|${org || country}`;
  (holders.get(key) ?? holders.set(key, []).get(key)).push({ name, start: start || "0000-01-01", end: end || "9999-12-31", line });
}
for (const [name, set] of countries) if (set.size > 1) errors.push(`${name}: rows give countries ${[...set].join(", ")}`);
for (const [key, list] of holders) {
  list.sort((a, b) => (a.start < b.start ? -1 : 1));
  for (let i = 0; i < list.length; i++) {
    // A hand-over day (one ends the day the next starts) is not an overlap.
    for (let j = i + 1; j < list.length && list[j].start < list[i].end; j++) {
      if (list[j].name !== list[i].name) notes.push(`${key}: ${list[i].name} (${list[i].start}..${list[i].end}, line ${list[i].line}) overlaps ${list[j].name} (${list[j].start}.., line ${list[j].line})`);
    }
  }
}

const count = (kind) => [...kb.entities.values()].filter((e) => e.kind === kind).length;
console.log(`entities: ${kb.entities.size} (people ${count("person")}, organisations ${count("organisation")}, countries ${count("country")}); office phrases ${kb.offices.size}; group nouns ${kb.groups.size}; titles ${kb.titles.size}; office-holder rows ${rows.length}`);
for (const w of kb.warnings) console.log(`warning: ${w}`);
for (const n of notes) console.log(`note: ${n}`);
for (const e of errors) console.log(`error: ${e}`);
console.log(`${errors.length} errors, ${notes.length} notes, ${kb.warnings.length} loader warnings`);
process.exitCode = errors.length ? 1 : 0;
