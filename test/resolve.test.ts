// `parley resolve`: short actor texts to one actor each, by the same knowledge and finders
// as extract; context and date steer role phrases; bad lines are reported and skipped.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createActorResolver } from "../src/actors/resolveText.js";
import { createPipeline } from "../src/pipeline.js";
import { cliPath } from "./helpers.js";

const resolve = createActorResolver();

test("resolve: names, demonym groups, organisations and capitals", () => {
  const r = (text: string) => resolve({ text });
  assert.deepEqual(pick(r("Keir Starmer")), ["GBR", "GOV", "GBRGOV"]);
  assert.deepEqual(pick(r("Mexican authorities")), ["MEX", "GOV", "MEXGOV"]);
  assert.deepEqual(pick(r("Nato")), [null, "IGO", "IGONAT"]);
  // A capital standing alone as an agent is its country's government.
  assert.deepEqual(pick(r("Tehran")), ["IRN", "GOV", "IRNGOV"]);
  // A whole country: no sector, as CAMEO codes it.
  assert.deepEqual(pick(r("the UK")), ["GBR", "", "GBR"]);
  // A group noun after a place names the group; alone it gives the sector only.
  assert.deepEqual(pick(r("Kyiv police")), ["UKR", "COP", "UKRCOP"]);
  // A country's name with a group noun right after it is that country's group.
  assert.deepEqual(pick(r("Russia's military")), ["RUS", "MIL", "RUSMIL"]);
  assert.deepEqual(pick(r("Beijing authorities")), ["CHN", "GOV", "CHNGOV"]);
  assert.deepEqual(pick(r("soldiers")), [null, "MIL", "MIL"]);
  assert.equal(r("the weather"), null);
  // An organisation's official belongs to its sector; a former one is one of the elites.
  assert.deepEqual(pick(r("a White House official")), ["USA", "GOV", "USAGOV"]);
  assert.deepEqual(pick(r("a UN official")), [null, "IGO", "IGOUNO"]);
  assert.deepEqual(pick(r("a former White House official")), ["USA", "ELI", "USAELI"]);
  // An abbreviated title carries its office's sector ("Sen." is a legislator).
  assert.deepEqual(pick(r("Sen. Jane Roe")), [null, "LEG", "LEG"]);
});

test("resolve: context and date choose the office holder", () => {
  assert.equal(resolve({ text: "the prime minister", context: "Britain", date: "2019-05-01" })?.name, "Theresa May");
  assert.equal(resolve({ text: "the prime minister", context: "Britain", date: "2025-03-16" })?.name, "Keir Starmer");
  // The country may follow the office: "Prime Minister of Estonia".
  assert.equal(resolve({ text: "the foreign minister of Iran", date: "2019-05-01" })?.name, "Javad Zarif");
  // The office, not the body after "of", is who the text names.
  assert.equal(resolve({ text: "the president of the European Council", date: "2023-05-01" })?.name, "Charles Michel");
});

test("parley resolve: jsonl in, one line out per good line with its id; bad lines reported with their number", () => {
  const input = [
    JSON.stringify({ id: "a", text: "Ukrainian officials" }),
    "not json",
    JSON.stringify({ id: 7, text: "the prime minister", context: "Britain", date: "1 May 2019" }),
    JSON.stringify({ id: "d" }),
    JSON.stringify({ id: "e", text: "the president", date: "someday" }),
  ].join("\n");
  const run = spawnSync(process.execPath, [cliPath, "resolve", "--input-format", "jsonl", "-"], { input, encoding: "utf8" });
  assert.equal(run.status, 1);
  const out = run.stdout.trim().split("\n").map((l) => JSON.parse(l));
  assert.deepEqual(out.map((o) => o.id), ["a", 7]);
  assert.equal(out[0].actor.code, "UKRGOV");
  assert.equal(out[1].actor.name, "Theresa May");
  assert.match(run.stderr, /^-:2: not JSON/m);
  assert.match(run.stderr, /^-:4: no "text" field/m);
  assert.match(run.stderr, /^-:5: "date" is not a date/m);
});

test("parley resolve: texts as arguments, a table, and usage errors", () => {
  const t = spawnSync(process.execPath, [cliPath, "resolve", "Mexican authorities", "--format", "table"], { encoding: "utf8" });
  assert.equal(t.status, 0, t.stderr);
  assert.match(t.stdout, /Mexican authorities\s+Mexican authorities\s+MEX\s+GOV\s+MEXGOV/);
  assert.equal(spawnSync(process.execPath, [cliPath, "resolve"], { encoding: "utf8" }).status, 2);
  assert.equal(spawnSync(process.execPath, [cliPath, "resolve", "x", "--date", "soon"], { encoding: "utf8" }).status, 2);
});

function pick(a: { country: string | null; sector: string | null; code: string | null } | null) {
  return a && [a.country, a.sector, a.code];
}

test("a surname alone names the one known person by it in office on the day", () => {
  const pipeline = createPipeline({ until: "actors" });
  const names = (text: string, published: string) => {
    const doc = pipeline.run({ text, published });
    return doc.mentions!.map((m) => `${doc.text.slice(m.start, m.end)}=${doc.actors!.find((a) => a.id === m.actor)!.name}`);
  };
  assert.deepEqual(names("Macron said the talks would go on.", "2025-03-16"), ["Macron=Emmanuel Macron"]);
  assert.deepEqual(names("President Tebboune met the envoy.", "2024-02-01"), ["President=Abdelmadjid Tebboune", "Tebboune=Abdelmadjid Tebboune"]);
  // Out of office on the day: the surname alone names nobody known.
  assert.ok(!names("Blair said the talks would go on.", "2025-03-16").some((m) => m.endsWith("=Tony Blair")));
  // A senator is one of a hundred: the surname alone is not them, with the title it is.
  assert.ok(!names("Brown said the vote was close.", "2020-09-08").some((m) => m.endsWith("=Sherrod Brown")));
  assert.ok(names("Sen. Brown said the vote was close.", "2020-09-08").some((m) => m.endsWith("=Sherrod Brown")));
  // An everyday word opening a sentence is no surname unless a speech verb follows it.
  assert.ok(!names("Price rises were steep this spring.", "2022-05-01").some((m) => m.endsWith("=Ned Price")));
  assert.ok(names("Price said the talks were useful.", "2022-05-01").some((m) => m.endsWith("=Ned Price")));
  // A speaker is no seat among many: "Johnson" in 2024 is the sitting Speaker, not Senator Ron Johnson.
  assert.ok(names("Johnson said the House would vote.", "2024-03-01").some((m) => m.endsWith("=Mike Johnson")));
});

test("resolve: someone whose offices have all ended by the date is one of the elites (ELI)", () => {
  // David Cameron: prime minister 2010–2016, foreign secretary 2023–2024.
  assert.deepEqual(pick(resolve({ text: "David Cameron", date: "2012-06-01" })), ["GBR", "GOV", "GBRGOV"]);
  assert.deepEqual(pick(resolve({ text: "David Cameron", date: "2020-06-01" })), ["GBR", "ELI", "GBRELI"]);
  // No date: the text's day is unknown, so he is not called former; his latest office
  // (foreign secretary) says who he is.
  assert.deepEqual(pick(resolve({ text: "David Cameron" })), ["GBR", "GOV", "GBRGOV"]);
  // Before his first office he is not a former anything.
  assert.notEqual(resolve({ text: "David Cameron", date: "2001-01-01" })?.sector, "ELI");
  // The text's own title says which office it means; "former" says he has left it.
  assert.deepEqual(pick(resolve({ text: "Prime Minister David Cameron" })), ["GBR", "GOV", "GBRGOV"]);
  // Undated, "former" says the text speaks of someone out of that office, whatever they hold now.
  assert.deepEqual(pick(resolve({ text: "former Prime Minister Keir Starmer" })), ["GBR", "ELI", "GBRELI"]);
  assert.deepEqual(pick(resolve({ text: "Keir Starmer" })), ["GBR", "GOV", "GBRGOV"]);
  // A dated text is read on its date, title or not.
  assert.deepEqual(pick(resolve({ text: "Prime Minister David Cameron", date: "2020-06-01" })), ["GBR", "ELI", "GBRELI"]);
  assert.deepEqual(pick(resolve({ text: "former Prime Minister David Cameron", date: "2020-06-01" })), ["GBR", "ELI", "GBRELI"]);
  // Out of office, what the knowledge base says someone is outside office comes first:
  // Jarosław Kaczyński, prime minister 2006–2007, leads a party.
  assert.deepEqual(pick(resolve({ text: "Jarosław Kaczyński", date: "2020-06-01" })), ["POL", "PTY", "POLPTY"]);
  assert.deepEqual(pick(resolve({ text: "Jarosław Kaczyński", date: "2007-01-01" })), ["POL", "GOV", "POLGOV"]);
  // A former office holder needs no country to be one of the elites.
  assert.deepEqual(pick(resolve({ text: "a jailed former minister" })), [null, "ELI", "ELI"]);
});

test("resolve: the context gives the country, and the sector, of someone the knowledge base lacks", () => {
  assert.deepEqual(pick(resolve({ text: "Ana Pereira Souza", context: "Brazilian" })), ["BRA", null, "BRA"]);
  assert.deepEqual(pick(resolve({ text: "Ana Pereira Souza", context: "Brazilian police" })), ["BRA", "COP", "BRACOP"]);
  assert.deepEqual(pick(resolve({ text: "Sen. Ana Souza", context: "Brazil" })), ["BRA", "LEG", "BRALEG"]);
  assert.deepEqual(pick(resolve({ text: "Minister Ana Souza", context: "the Brazilian cabinet" })), ["BRA", "GOV", "BRAGOV"]);
  // Without a context an unknown name is nobody the resolver can place.
  assert.equal(resolve({ text: "Ana Pereira Souza" }), null);
});

test("resolve: people, unidentified actors and paramilitaries by PLOVER's sectors", () => {
  // A pronoun alone, or men counted: an unidentified actor.
  assert.deepEqual(pick(resolve({ text: "She" })), [null, "UNK", "UNK"]);
  assert.deepEqual(pick(resolve({ text: "five men" })), [null, "UNK", "UNK"]);
  // Something of a country that is no kind of actor: unidentified, not the state.
  assert.deepEqual(pick(resolve({ text: "villages across Mali" })), ["MLI", "UNK", "MLIUNK"]);
  assert.deepEqual(pick(resolve({ text: "a Greek harbour" })), ["GRC", "UNK", "GRCUNK"]);
  assert.deepEqual(pick(resolve({ text: "the whole of Mali" })), ["MLI", "", "MLI"]);
  // "ordinary" before a nationality: its people, civilians.
  assert.deepEqual(pick(resolve({ text: "ordinary Brazilians" })), ["BRA", "CVL", "BRACVL"]);
  assert.deepEqual(pick(resolve({ text: "Brazilians" })), ["BRA", "", "BRA"]);
  assert.deepEqual(pick(resolve({ text: "pro-government paramilitaries" })), [null, "PRM", "PRM"]);
  assert.deepEqual(pick(resolve({ text: "indigenous communities" })), [null, "CVL", "CVL"]);
  assert.deepEqual(pick(resolve({ text: "anti-war demonstrators" })), [null, "OPP", "OPP"]);
  // The longest group phrase ending at the head decides: an intelligence officer is a spy.
  assert.deepEqual(pick(resolve({ text: "a senior intelligence officer" })), [null, "SPY", "SPY"]);
});

test("resolve: a country or nationality misspelt by a letter is still that country", () => {
  assert.deepEqual(pick(resolve({ text: "Venezeula" })), ["VEN", "", "VEN"]);
  assert.deepEqual(pick(resolve({ text: "Ukranians" })), ["UKR", "", "UKR"]);
  // Short words and words as near to two countries are left alone.
  assert.equal(resolve({ text: "Irak" }), null);
  assert.equal(resolve({ text: "Austrian" })?.country, "AUT");
});

test("resolve: a name several countries' actors share is the context country's one", () => {
  assert.deepEqual(pick(resolve({ text: "the PRD", context: "Mexico" })), ["MEX", "PTY", "MEXPTY"]);
  assert.deepEqual(pick(resolve({ text: "the PRD", context: "a Panamanian party" })), ["PAN", "PTY", "PANPTY"]);
  assert.equal(resolve({ text: "PT", context: "Brazilian" })?.country, "BRA");
  assert.equal(resolve({ text: "PT", context: "Mexican" })?.country, "MEX");
});

test("resolve: the state's own media and companies are government first, as CAMEO codes them", () => {
  assert.deepEqual(pick(resolve({ text: "state-owned Gazprom" })), ["RUS", "GOV", "RUSGOV"]);
  assert.deepEqual(pick(resolve({ text: "Gazprom" })), ["RUS", "BUS", "RUSBUS"]);
  assert.deepEqual(pick(resolve({ text: "the state-run Daily Courier newspaper" })), [null, "GOV", "GOV"]);
  assert.deepEqual(pick(resolve({ text: "Syrian state television" })), ["SYR", "GOV", "SYRGOV"]);
  assert.deepEqual(pick(resolve({ text: "the BBC" })), ["GBR", "MED", "GBRMED"]);
});

test("resolve: a misspelt nationality before a group noun still gives the group's country", () => {
  assert.deepEqual(pick(resolve({ text: "Ukranian soldiers" })), ["UKR", "MIL", "UKRMIL"]);
  // A word that only begins like a nationality is not one: "Indiana" is no "Indian" but
  // the American state (from the gazetteer).
  assert.equal(resolve({ text: "Indiana police" })?.country, "USA");
  assert.equal(resolve({ text: "Indiana" })?.country, "USA");
});

test("resolve: a nationality before a named organisation modifies it", () => {
  const r = (text: string) => pick(resolve({ text }));
  assert.deepEqual(r("Palestinian Hamas"), ["PSE", "REB", "PSEREBHMS"]);
  assert.deepEqual(r("Russian Wagner fighters"), ["RUS", "MIL", "RUSMILWAG"]);
  // With no organisation after it, the nationality and the group noun still decide.
  assert.deepEqual(r("Russian soldiers"), ["RUS", "MIL", "RUSMIL"]);
});

test("resolve: a warship or aircraft class named generically is its navy's or air force's country", () => {
  const r = (text: string) => pick(resolve({ text }));
  assert.deepEqual(r("a Kilo-class submarine"), ["RUS", "MIL", "RUSMIL"]);
  assert.deepEqual(r("two Arleigh Burke-class destroyers"), ["USA", "MIL", "USAMIL"]);
  assert.deepEqual(r("Chinese J-20 fighters"), ["CHN", "MIL", "CHNMIL"]);
  assert.deepEqual(r("Tu-95 bombers"), ["RUS", "MIL", "RUSMIL"]);
  // A fleet name two navies share is the context country's one.
  assert.equal(resolve({ text: "the Pacific Fleet", context: "the United States" })?.country, "USA");
});

test("resolve: a date given as \"today\" is the day of the run; none leaves the day unknown", async () => {
  const { readResolveDate } = await import("../src/cli/commands/resolve.js");
  const now = new Date("2026-03-01T12:00:00Z");
  assert.equal(readResolveDate("today", now), "2026-03-01");
  assert.equal(readResolveDate(" Now ", now), "2026-03-01");
  assert.equal(readResolveDate("10 May 2015", now), "2015-05-10");
  assert.equal(readResolveDate(undefined, now), null);
  assert.equal(readResolveDate("someday", now), undefined);
  // On a day after David Cameron's last office he is one of the elites; undated he is not.
  assert.deepEqual(pick(resolve({ text: "David Cameron", date: readResolveDate("today", now) })), ["GBR", "ELI", "GBRELI"]);
});

test("resolve: state watchdogs (ombudsman, inspector general, auditor) are government", () => {
  assert.deepEqual(pick(resolve({ text: "the Peruvian ombudsman" })), ["PER", "GOV", "PERGOV"]);
  assert.deepEqual(pick(resolve({ text: "Kenya's auditor general" })), ["KEN", "GOV", "KENGOV"]);
});

test("resolve: of namesakes in office, a surname alone names the one who leads a state, a title the one in its office", () => {
  // Fictional namesakes in a knowledge folder: a president, a regional governor, a rebel leader and a former president.
  const dir = mkdtempSync(path.join(tmpdir(), "parley-namesakes-"));
  writeFileSync(path.join(dir, "namesakes.actors.tsv"), [
    "Amara Quillfeather\t\tf\tGHA\tGOV\tpresident\t\t2020-01-07\t",
    "Kofi Quillfeather\t\tm\tNGA\tGOV\tgovernor\t\t2019-05-29\t",
    "Musa Quillfeather\t\tm\tMLI\tREB\trebel leader\t\t2018-01-01\t",
    "Ngozi Quillfeather\t\tf\tLBR\tGOV\tpresident\t\t2010-01-01\t2015-01-01",
  ].join("\n") + "\n");
  const r = createActorResolver({ knowledgeDirs: [dir] });
  assert.equal(r({ text: "Quillfeather", date: "2024-06-01" })?.name, "Amara Quillfeather");
  assert.equal(r({ text: "Governor Quillfeather", date: "2024-06-01" })?.name, "Kofi Quillfeather");
  assert.equal(r({ text: "President Quillfeather", date: "2024-06-01" })?.name, "Amara Quillfeather");
  // Before the president took office, two namesakes serve and none leads a state: no one.
  assert.equal(r({ text: "Quillfeather", date: "2019-06-01" })?.kb ?? null, null);
});

test("resolve: a town or region before or after an office gives it the country, not the country's holder", () => {
  assert.deepEqual(pick(resolve({ text: "Texas governor" })), ["USA", "GOV", "USAGOV"]);
  assert.deepEqual(pick(resolve({ text: "West Bengal chief minister" })), ["IND", "GOV", "INDGOV"]);
  assert.deepEqual(pick(resolve({ text: "the mayor of Kharkiv" })), ["UKR", "GOV", "UKRGOV"]);
  // Only offices a town or region has of its own: Canterbury's archbishop is no New Zealander.
  assert.notEqual(resolve({ text: "Archbishop of Canterbury" })?.country, "NZL");
  // A governor of one state is none of the country's other governors.
  assert.equal(resolve({ text: "Texas governor", date: "2024-01-01" })?.name, "governor");
});

test("resolve: people of surname-first states are named by their first name-word ('President Yoon'), English-order names by their last", () => {
  assert.equal(resolve({ text: "President Yoon", date: "2023-08-01" })?.name, "Yoon Suk Yeol");
  assert.equal(resolve({ text: "President Tsai", date: "2022-08-01" })?.name, "Tsai Ing-wen");
  assert.equal(resolve({ text: "Premier Li", date: "2024-03-01" })?.name, "Li Qiang");
  // A title of another sector does not take a head of state of that surname.
  assert.notEqual(resolve({ text: "Admiral Lee", date: "2025-08-01" })?.name, "Lee Jae-myung");
});

test("resolve: a full name in another transliteration is the one person whose name it nearly spells", () => {
  assert.equal(resolve({ text: "Valeriy Zaluzhnyi" })?.name, "Valerii Zaluzhnyi");
  assert.equal(resolve({ text: "Svetlana Tikhanovskaya" })?.name, "Svetlana Tsikhanouskaya");
  // Too far from anyone known: no one.
  assert.equal(resolve({ text: "Jane Roe" }), null);
});

test("resolve: a nationality before another state's department of a name any state's may bear names that state's own", () => {
  assert.deepEqual(pick(resolve({ text: "Ukrainian Ministry of Defence" })), ["UKR", "MIL", "UKRMIL"]);
  assert.deepEqual(pick(resolve({ text: "Ministry of Defence" })), ["GBR", "MIL", "GBRMIL"]);
  assert.deepEqual(pick(resolve({ text: "British Ministry of Defence" })), ["GBR", "MIL", "GBRMIL"]);
  // Central banks by their own names are government, as the central bank group noun is.
  assert.deepEqual(pick(resolve({ text: "Reserve Bank of India" })), ["IND", "GOV", "INDGOV"]);
});
