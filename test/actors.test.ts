// Actors: who each mention is, table-driven with our own sentences and a fixed date, and
// the seed article's every person and organisation mention (each "he" included).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, mkdtempSync, cpSync, writeFileSync, appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createPipeline } from "../src/pipeline.js";
import { loadKnowledge } from "../src/kb/loadKnowledge.js";
import { needsShared, repoRoot, seedPath } from "./helpers.js";

const pipeline = createPipeline({ until: "actors" });

/** "surface text -> actor name (code)" for every mention, in order. */
function who(text: string, published: string): string[] {
  const doc = pipeline.analyze({ text, published });
  const byId = new Map(doc.actors!.map((a) => [a.id, a]));
  return doc.mentions!.map((m) => {
    const a = byId.get(m.actor)!;
    return `${text.slice(m.start, m.end)} -> ${a.name} (${a.code ?? "-"})`;
  });
}

const CASES: Array<[string, string, string, string[]]> = [
  ["office resolved by country and date (2019)", "2019-03-01", "The British prime minister met EU leaders in Brussels.",
    ["The British prime minister -> Theresa May (GBRGOV)", "British -> United Kingdom (GBR)", "EU -> European Union (IGOEEC)", "Brussels -> Belgium (BEL)"]],
  ["the same office in 2023", "2023-03-01", "The British prime minister flew to Washington.",
    ["The British prime minister -> Rishi Sunak (GBRGOV)", "British -> United Kingdom (GBR)", "Washington -> United States (USA)"]],
  ["apposition after the office", "2024-05-01", "He met the French president, Emmanuel Macron, in Paris.",
    ["the French president -> Emmanuel Macron (FRAGOV)", "French -> France (FRA)", "Emmanuel Macron -> Emmanuel Macron (FRAGOV)", "Paris -> France (FRA)"]],
  ["apposition before the office, with an organisation", "2024-11-01", "Mark Rutte, Nato’s secretary general, said the alliance would respond.",
    ["Mark Rutte -> Mark Rutte (NLDIGO)", "Nato’s secretary general -> Mark Rutte (NLDIGO)", "Nato -> NATO (IGONAT)"]],
  ["title before a name the knowledge base lacks", "2024-05-01", "Foreign Minister Ana Pereira of Portugal said talks would resume. Pereira later left.",
    ["Foreign Minister -> Ana Pereira (PRTGOV)", "Ana Pereira -> Ana Pereira (PRTGOV)", "Portugal -> Portugal (PRT)", "Pereira -> Ana Pereira (PRTGOV)"]],
  ["nationality groups, coordinated", "2025-03-10", "American and Ukrainian officials agreed on a plan, while Russian troops advanced.",
    ["American -> American officials (USAGOV)", "Ukrainian officials -> Ukrainian officials (UKRGOV)", "Russian troops -> Russian troops (RUSMIL)"]],
  ["seat of power and pronoun", "2025-03-10", "The Kremlin rejected the plan. Vladimir Putin said he would not agree.",
    ["The Kremlin -> Kremlin (RUSGOV)", "Vladimir Putin -> Vladimir Putin (RUSGOV)", "he -> Vladimir Putin (RUSGOV)"]],
  ["gender decides between two people", "2023-01-10", "Kamala Harris met Olaf Scholz in Berlin. She said the talks went well, and he agreed.",
    ["Kamala Harris -> Kamala Harris (USAGOV)", "Olaf Scholz -> Olaf Scholz (DEUGOV)", "Berlin -> Germany (DEU)", "She -> Kamala Harris (USAGOV)", "he -> Olaf Scholz (DEUGOV)"]],
  ["a speaker named only by a speech verb", "2024-05-01", "“We are ready,” said Tomasz Wrona, adding that Wrona’s team would stay.",
    ["Tomasz Wrona -> Tomasz Wrona (-)", "Wrona -> Tomasz Wrona (-)"]],
  ["a courtesy title before the surname of someone named in full", "2023-12-14", "Nikol Pashinyan spoke first. Mr Pashinyan, who faces criticism, said the swap was fair, and Ms Wrona of the UN agreed.",
    ["Nikol Pashinyan -> Nikol Pashinyan (ARMGOV)", "Mr Pashinyan -> Nikol Pashinyan (ARMGOV)", "Ms Wrona -> Wrona (-)", "the UN -> United Nations (IGOUNO)"]],
  ["a military title inside an apposition is not part of the name", "2024-06-14", "Speaking after a meeting with the army commander, Gen Joseph Aoun, in Beirut, he said so.",
    ["the army commander -> Joseph Aoun (LBNMIL)", "Joseph Aoun -> Joseph Aoun (LBNMIL)", "Beirut -> Lebanon (LBN)", "he -> Joseph Aoun (LBNMIL)"]],
  ["a middle initial does not hide a known person", "2024-06-14", "“No,” said Antony J. Blinken.",
    ["Antony J. Blinken -> Antony Blinken (USAGOV)"]],
  ["a courtesy title before the surname of a sitting leader", "2025-03-16", "Mr Starmer said the talks would go on.",
    ["Mr Starmer -> Keir Starmer (GBRGOV)"]],
  // An abbreviation in parentheses belongs to the name before it, not to a namesake of the
  // knowledge base (AFP, the news agency); the agency's own abbreviation stays its own.
  ["an abbreviation defined in the text", "2024-05-01", "The group asked the Armed Forces of the Philippines (AFP) for help. Agence France-Presse (AFP) reported it.",
    ["the Armed Forces of the Philippines -> Armed Forces of the Philippines (PHLMIL)", "Agence France-Presse -> Agence France-Presse (FRAMED)", "AFP -> Agence France-Presse (FRAMED)"]],
  // A capitalised region word after a region the knowledge base codes to its state names the region.
  ["a region with its region word is no government", "2024-05-01", "Soldiers withdrew from Darfur State.",
    ["Darfur -> Sudan (SDN)"]],
  // Someone the knowledge base lacks, named by an office, is of the one country a text names;
  // of none when it names two.
  ["an unknown office holder in a text naming one country", "2024-05-01", "Governor Ade Bello imposed a curfew in Kano.",
    ["Governor -> Ade Bello (NGAGOV)", "Ade Bello -> Ade Bello (NGAGOV)", "Kano -> Nigeria (NGA)"]],
  ["an unknown office holder in a text naming two countries", "2024-05-01", "Governor Ade Bello met officials from Ghana in Kano.",
    ["Governor -> Ade Bello (GOV)", "Ade Bello -> Ade Bello (GOV)", "officials -> officials (GHAGOV)", "Ghana -> Ghana (GHA)", "Kano -> Nigeria (NGA)"]],
  // A kind of group in or from a country or town is of that country; armed forces are not.
  ["a group in a place", "2024-05-01", "Protesters in Kano clashed with troops in Mali.",
    ["Protesters -> Protesters (NGACVL)", "Kano -> Nigeria (NGA)", "Mali -> Mali (MLI)"]],
];

for (const [name, date, text, expected] of CASES) {
  test(`actors: ${name}`, () => assert.deepEqual(who(text, date), expected));
}

// Every person and organisation mention of the seed and the actor it must resolve to,
// by offset (the article's text is not copied here).
const SEED: Array<[number, string, string]> = [
  [0, "Keir Starmer", "Keir Starmer"], [21, "Vladimir Putin", "Vladimir Putin"], [145, "the Russian president", "Vladimir Putin"],
  [183, "The prime minister", "Keir Starmer"], [247, "Putin", "Vladimir Putin"], [278, "he", "Keir Starmer"], [420, "Starmer", "Keir Starmer"],
  [648, "the French president", "Emmanuel Macron"], [670, "Emmanuel Macron", "Emmanuel Macron"], [691, "the Ukrainian president", "Volodymyr Zelenskyy"],
  [716, "Volodymyr Zelenskyy", "Volodymyr Zelenskyy"], [749, "Starmer", "Keir Starmer"], [869, "he", "Vladimir Putin"], [946, "the prime minister", "Keir Starmer"],
  [1222, "Nato’s secretary general", "Mark Rutte"], [1248, "Mark Rutte", "Mark Rutte"], [1448, "the Kremlin", "Kremlin"], [1644, "Zelenskyy", "Volodymyr Zelenskyy"],
  [1890, "Zelenskyy", "Volodymyr Zelenskyy"], [1978, "He", "Volodymyr Zelenskyy"], [2188, "Putin", "Vladimir Putin"], [2263, "he", "Volodymyr Zelenskyy"],
  [2272, "Zelenskyy", "Volodymyr Zelenskyy"], [2529, "he", "Volodymyr Zelenskyy"], [2678, "he", "Volodymyr Zelenskyy"], [2834, "he", "Volodymyr Zelenskyy"],
  [2843, "Zelenskyy", "Volodymyr Zelenskyy"], [2981, "the UK foreign secretary", "David Lammy"], [3007, "David Lammy", "David Lammy"], [3033, "Putin", "Vladimir Putin"],
  [3047, "he", "Vladimir Putin"], [3135, "the US president", "Donald Trump"], [3153, "Donald Trump", "Donald Trump"], [3239, "He", "Vladimir Putin"],
  [3259, "he", "Vladimir Putin"], [3289, "he", "Vladimir Putin"], [3310, "Lammy", "David Lammy"], [3343, "G7", "G7"], [3619, "Lammy", "David Lammy"],
  [3788, "he", "Keir Starmer"], [3847, "Starmer", "Keir Starmer"],
];

test("seed article: every person and organisation mention resolves to its actor", { skip: needsShared() }, () => {
  const text = readFileSync(seedPath, "utf8");
  const doc = pipeline.analyze({ text, published: "2025-03-16" });
  const byId = new Map(doc.actors!.map((a) => [a.id, a]));
  const got = doc.mentions!.filter((m) => ["person", "organisation"].includes(byId.get(m.actor)!.kind))
    .map((m) => [m.start, text.slice(m.start, m.end), byId.get(m.actor)!.name]);
  for (const want of SEED) assert.ok(got.some((g) => g[0] === want[0] && g[1] === want[1] && g[2] === want[2]), `missing ${JSON.stringify(want)}`);
  const nato = doc.actors!.find((a) => a.name === "NATO");
  assert.equal(nato?.code, "IGONAT");
});

function dataCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "parley-kb-"));
  cpSync(path.join(repoRoot, "data"), dir, { recursive: true });
  return dir;
}

test("knowledge base: a bad line fails with file:line and the field", () => {
  const dir = dataCopy();
  const file = path.join(dir, "actors", "extra.actors.tsv");
  writeFileSync(file, "# test\nAna Pereira\t\tf\tPRT\tGOV\tforeign minister\t\t2024-01-01\t\nBad Person\t\tx\tPRT\tGOV\t\t\t\t\n");
  assert.throws(() => loadKnowledge(dir), /extra\.actors\.tsv:3 \(gender\): must be m, f or empty/);
  writeFileSync(file, "Ana Pereira\t\tf\tPORTUGAL\tGOV\tforeign minister\t\t2024-01-01\t\n");
  assert.throws(() => loadKnowledge(dir), /extra\.actors\.tsv:1 \(country\): must be an ISO 3166-1 alpha-3 code/);
  writeFileSync(file, "Ana Pereira\t\tf\tPRT\tGOV\tforeign minister\t\t1 Jan 2024\t\n");
  assert.throws(() => loadKnowledge(dir), /extra\.actors\.tsv:1 \(start\): must be YYYY-MM-DD/);
});

test("knowledge base: duplicate entries merge; conflicting codes are reported", () => {
  const dir = dataCopy();
  writeFileSync(path.join(dir, "actors", "extra.actors.tsv"),
    "Ana Pereira\tA. Pereira\tf\tPRT\tGOV\tforeign minister\t\t2024-01-01\t\nAna Pereira\tAna P. Pereira\tf\tPRT\tGOV\tprime minister\t\t2020-01-01\t2023-12-31\n");
  const orgs = path.join(dir, "actors", "organisations.json");
  const o = JSON.parse(readFileSync(orgs, "utf8"));
  o.organisations.push({ id: "org:nato", name: "NATO", aliases: ["Atlantic Alliance"], sector: "IGO", code: "IGONATO" });
  writeFileSync(orgs, JSON.stringify(o));
  const kb = loadKnowledge(dir);
  const ana = kb.entities.get("person:ana-pereira")!;
  assert.deepEqual(ana.names, ["Ana Pereira", "A. Pereira", "Ana P. Pereira"]);
  assert.equal(ana.tenures!.length, 2);
  assert.ok(kb.entities.get("org:nato")!.names.includes("Atlantic Alliance"));
  assert.ok(kb.warnings.some((w) => /conflicting code for NATO: IGONATO here, IGONAT/.test(w)), kb.warnings.join("\n"));
});

test("a user adds an office holder without touching code", () => {
  const dir = dataCopy();
  appendFileSync(path.join(dir, "actors", "office-holders.tsv"), "Ana Pereira\t\tf\tPRT\tGOV\tforeign minister\t\t2030-01-01\t\n");
  const p = createPipeline({ dataDir: dir, until: "actors" });
  const doc = p.analyze({ text: "The Portuguese foreign minister arrived. She spoke briefly.", published: "2030-02-01" });
  assert.deepEqual(doc.actors!.filter((a) => a.kind === "person").map((a) => [a.name, a.code]), [["Ana Pereira", "PRTGOV"]]);
});

test("a name the press uses for a neighbouring state is taken away with notNames", () => {
  assert.deepEqual(who("Congo and the Republic of Congo signed a deal in Brazzaville.", "2025-02-21"),
    ["Congo -> DR Congo (COD)", "Republic of Congo -> Republic of the Congo (COG)", "Brazzaville -> Republic of the Congo (COG)"]);
  const overlay = mkdtempSync(path.join(tmpdir(), "parley-overlay-"));
  writeFileSync(path.join(overlay, "extra.countries.json"), JSON.stringify({ countries: { COG: { notNames: ["Republic of the Congo"] } } }));
  assert.throws(() => loadKnowledge(path.join(repoRoot, "data"), [overlay]), /extra\.countries\.json.*countries\.COG\.notNames.*own name/);
});

test("a person whose offices have all ended by the article's date is one of the elites", () => {
  const m = who("Theresa May spoke in Berlin.", "2021-03-01");
  assert.equal(m[0], "Theresa May -> Theresa May (GBRELI)");
  assert.equal(who("Theresa May spoke in Berlin.", "2018-03-01")[0], "Theresa May -> Theresa May (GBRGOV)");
  // A later office makes her an office holder again: Jüri Ratas, prime minister then speaker.
  assert.equal(who("Jüri Ratas spoke in Tallinn.", "2022-01-10")[0], "Jüri Ratas -> Jüri Ratas (ESTLEG)");
});

test("a group noun ends in the sentence of its nationality word", () => {
  const text = "He addressed the Brazilian cabinet.\n\nMinister Ana Souza said so.";
  const m = who(text, "2024-05-01");
  assert.ok(m.includes("Brazilian cabinet -> Brazilian cabinet (BRAGOV)"), m.join("; "));
});

test("partially recognised entities are coded to the state that claims them, sector PRE", () => {
  const m = who("Officials in Transnistria and Somaliland met.", "2024-05-01");
  assert.ok(m.includes("Transnistria -> Transnistria (MDAPRE)"), m.join("; "));
  assert.ok(m.includes("Somaliland -> Somaliland (SOMPRE)"), m.join("; "));
});

test("legislatures, departments, universities and companies are known with their country", () => {
  const m = who("The Sejm, the Home Office, Stanford University and Volkswagen all replied.", "2024-05-01");
  for (const want of ["The Sejm -> Sejm (POLLEG)", "the Home Office -> Home Office (GBRGOV)", "Stanford University -> Stanford University (USAEDU)", "Volkswagen -> Volkswagen (DEUBUS)"]) {
    assert.ok(m.includes(want), `${want} not in ${m.join("; ")}`);
  }
});
