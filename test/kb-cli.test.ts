// `parley kb` as a user runs it: add/search/show in a knowledge folder of one's own, the
// pipeline seeing what was added, CAMEO/PETRARCH dictionary import with date-restricted
// codes, and bad input reported with file:line or the option at fault.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { cliPath, repoRoot } from "./helpers.js";
import { parseCameoActorDictionary, dictDate } from "../src/kb/cameoActorDictionary.js";
import { searchEntities } from "../src/kb/searchEntities.js";
import { loadKnowledge } from "../src/kb/loadKnowledge.js";
import { dictionaryNameCase } from "../src/kb/dictionaryNameCase.js";
import { kbCommand } from "../src/cli/commands/kb.js";
import { UsageError, type CliIO } from "../src/cli/command.js";
import { Writable } from "node:stream";

const root = mkdtempSync(path.join(tmpdir(), "parley-kb-"));
const sample = path.join(repoRoot, "examples", "kb", "sample.actors.txt");
const dataDir = path.join(repoRoot, "data");

/** Runs the CLI with no PARLEY_KB from the caller's environment, in a folder without ./parley-kb unless cwd says otherwise. */
const run = (args: string[], o: { cwd?: string; env?: Record<string, string> } = {}) => {
  const env = { ...process.env, ...o.env };
  if (!o.env?.PARLEY_KB) delete env.PARLEY_KB;
  const r = spawnSync(process.execPath, [cliPath, ...args], { cwd: o.cwd ?? root, env, encoding: "utf8", maxBuffer: 1 << 28 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const fresh = (name: string) => path.join(root, name);
const write = (name: string, text: string) => { const p = path.join(root, name); writeFileSync(p, text); return p; };
const actorsOf = (out: string) => (JSON.parse(out) as { actors: Array<{ name: string; code: string; kb: string | null }> }).actors;

/** `parley kb …` in this process (quicker than a new one); for runs that need a cwd or environment, use run(). */
const kbRun = (args: string[]) => runInProcess(args);

/** A sub-command run in this process, with main's mapping of a usage error to exit 2. */
async function runInProcess(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "", err = "";
  const sink = (f: (s: string) => void) => new Writable({ write(chunk, _enc, done) { f(String(chunk)); done(); } });
  const io: CliIO = { stdout: sink((s) => { out += s; }), stderr: sink((s) => { err += s; }), stdin: process.stdin, isTTY: false };
  try {
    return { code: await kbCommand.run(args, io), out, err };
  } catch (e) {
    if (e instanceof UsageError) return { code: 2, out, err: err + e.message };
    throw e;
  }
}

test("kb and every sub-command answer --help with exit 0; bad usage is exit 2", async () => {
  for (const args of [["--help"], ["search", "--help"], ["show", "--help"], ["add", "--help"], ["import", "--help"], ["export", "--help"]]) {
    const r = await runInProcess(args);
    assert.equal(r.code, 0, args.join(" "));
    assert.match(r.out, /^parley kb/, args.join(" "));
  }
  for (const args of [[], ["frobnicate"], ["search"], ["search", "x", "--format", "xml"], ["show"], ["add"], ["import"], ["search", "x", "--date", "2025-02-30"], ["add", "--name", "X", "--kind", "organisation", "--role", "chair"]]) {
    assert.equal((await runInProcess(args)).code, 2, args.join(" "));
  }
  // And through the real command line.
  const r = run(["kb", "search", "x", "--limit", "0"]);
  assert.equal(r.code, 2);
  assert.match(r.err, /--limit must be a whole number/);
});

test("search is case- and accent-insensitive and matches word prefixes, best match first", async () => {
  const kb = loadKnowledge(dataDir);
  const first = (q: string) => searchEntities(kb, q)[0]?.entity.id;
  assert.equal(first("KEIR STARMER"), "person:keir-starmer");
  assert.equal(first("starm"), "person:keir-starmer");
  assert.equal(first("ki moon"), "person:ban-ki-moon");
  assert.equal(first("united kingdom"), "country:GBR");
  assert.equal(first("british"), "country:GBR");
  assert.equal(searchEntities(kb, "british")[0].matched, "British");
  assert.equal(first("person:keir-starmer"), "person:keir-starmer");
  assert.equal(searchEntities(kb, "zzqx").length, 0);
});

test("add, search and show round trip in a knowledge folder of one's own", async () => {
  const kb = fresh("roundtrip");
  const add = await kbRun(["add", "--kb", kb, "--name", "Jane Doe", "--country", "GBR", "--sector", "GOV", "--role", "foreign secretary", "--start", "2026-01-01", "--alias", "J. Doe", "--gender", "f"]);
  assert.equal(add.code, 0, add.err);
  assert.match(add.out, /added Jane Doe \(person:jane-doe/);
  assert.ok(existsSync(path.join(kb, "user.actors.tsv")));
  // The same again changes nothing.
  const before = readFileSync(path.join(kb, "user.actors.tsv"), "utf8");
  assert.equal((await kbRun(["add", "--kb", kb, "--name", "Jane Doe", "--country", "GBR", "--sector", "GOV", "--role", "foreign secretary", "--start", "2026-01-01", "--alias", "J. Doe", "--gender", "f"])).code, 0);
  assert.equal(readFileSync(path.join(kb, "user.actors.tsv"), "utf8"), before);
  const org = await kbRun(["add", "--kb", kb, "--kind", "organisation", "--name", "Northern Ferry Union", "--code", "GBRLAB", "--alias", "NFU"]);
  assert.equal(org.code, 0, org.err);

  const search = await kbRun(["search", "DOE", "--kb", kb, "--date", "2026-02-01", "--format", "json"]);
  assert.equal(search.code, 0, search.err);
  const hit = JSON.parse(search.out).matches[0];
  assert.deepEqual(hit, { id: "person:jane-doe", name: "Jane Doe", kind: "person", country: "GBR", sector: "GOV", code: "GBRGOV", office: "foreign minister", matched: null });
  // Before her tenure she holds no office.
  assert.equal(JSON.parse((await kbRun(["search", "jane doe", "--kb", kb, "--date", "2025-06-01", "--format", "json"])).out).matches[0].office, null);
  const table = await kbRun(["search", "ferry", "--kb", kb]);
  assert.match(table.out, /org:northern-ferry-union\s+Northern Ferry Union\s+organisation\s+GBR\s+LAB\s+GBRLAB/);

  const show = await kbRun(["show", "j. doe", "--kb", kb, "--date", "2026-02-01", "--format", "json"]);
  assert.equal(show.code, 0, show.err);
  const e = JSON.parse(show.out);
  assert.deepEqual(e.names, ["Jane Doe", "J. Doe"]);
  assert.equal(e.gender, "f");
  assert.equal(e.tenures.length, 1);
  assert.equal(e.tenures[0].start, "2026-01-01");
  assert.equal(e.tenures[0].origin, `${path.join(kb, "user.actors.tsv")}:3`);
  assert.equal(e.on.code, "GBRGOV");
  const pretty = await kbRun(["show", "person:jane-doe", "--kb", kb, "--date", "2026-02-01"]);
  assert.match(pretty.out, /^Jane Doe {2}\(person:jane-doe\)/);
  assert.match(pretty.out, /user\.actors\.tsv:3/);

  // Export carries the built-in data and the folder's.
  const json = JSON.parse((await kbRun(["export", "--kb", kb])).out) as { entities: Array<{ id: string }> };
  const ids = json.entities.map((x) => x.id);
  assert.ok(ids.includes("person:jane-doe") && ids.includes("person:keir-starmer") && ids.includes("org:northern-ferry-union"));
  assert.deepEqual(ids, [...ids].sort());
  const tsv = (await kbRun(["export", "--kb", kb, "--format", "tsv"])).out.split("\n");
  assert.match(tsv[0], /^id\tkind\tname\t/);
  assert.ok(tsv.some((l) => l.startsWith("person:jane-doe\tperson\tJane Doe\tJ. Doe\tf\tGBR\tGOV\tGBRGOV\tforeign minister\t\t2026-01-01\t")));
});

test("kb add refuses bad values one line each, naming the option, and writes nothing", async () => {
  const kb = fresh("refused");
  const r = await kbRun(["add", "--kb", kb, "--name", "Bad Example", "--country", "XYZ", "--sector", "GOVT", "--role", "minister", "--start", "2025-02-30", "--gender", "x"]);
  assert.equal(r.code, 1);
  const lines = r.err.trim().split("\n");
  assert.deepEqual(lines.map((l) => l.replace(/^parley kb add: (--[a-z]+):.*$/, "$1")), ["--gender", "--country", "--sector", "--start"]);
  assert.ok(!existsSync(path.join(kb, "user.actors.tsv")));
  const end = await kbRun(["add", "--kb", kb, "--name", "Bad Example", "--sector", "GOV", "--role", "minister", "--start", "2025-02-01", "--end", "2025-01-01"]);
  assert.equal(end.code, 1);
  assert.match(end.err, /--end: is before --start/);
  const org = await kbRun(["add", "--kb", kb, "--kind", "organisation", "--name", "United Nations", "--id", "org:un", "--code", "IGOXXX"]);
  assert.equal(org.code, 1);
  assert.match(org.err, /--code: org:un \(United Nations\) is already known with code IGOUNO/);
  const noOrg = await kbRun(["add", "--kb", kb, "--name", "Bad Example", "--sector", "IGO", "--role", "envoy", "--org", "org:nowhere"]);
  assert.match(noOrg.err, /--org: no organisation "org:nowhere"/);
});

test("parley extract resolves a person added with kb add (--kb, PARLEY_KB, ./parley-kb)", async () => {
  const work = fresh("extract-home");
  mkdirSync(work);
  const kb = path.join(work, "parley-kb");
  assert.equal(run(["kb", "add", "--name", "Jane Doe", "--country", "GBR", "--sector", "GOV", "--role", "foreign secretary", "--start", "2026-01-01"], { cwd: work }).code, 0);
  assert.ok(existsSync(path.join(kb, "user.actors.tsv")), "kb add writes ./parley-kb by default");
  const article = write("jane.txt", "Foreign Secretary Jane Doe said on Monday that Britain would send aid. The foreign secretary later flew to Kyiv.");
  const expect = (out: string) => {
    const jane = actorsOf(out).find((a) => a.name === "Jane Doe");
    assert.deepEqual(jane && { code: jane.code, kb: jane.kb }, { code: "GBRGOV", kb: "person:jane-doe" });
  };
  for (const [args, o] of [
    [["--kb", kb], {}],
    [[], { env: { PARLEY_KB: kb } }],
    [[], { cwd: work }],
  ] as Array<[string[], { cwd?: string; env?: Record<string, string> }]>) {
    const r = run(["extract", article, "--published", "2026-02-03", "--format", "json", ...args], o);
    assert.equal(r.code, 0, r.err);
    expect(r.out);
    // "The foreign secretary" on that date is the one added.
    const doc = JSON.parse(r.out) as { text: string; mentions: Array<{ start: number; end: number; actor: string }>; actors: Array<{ id: string; name: string }> };
    const role = doc.mentions.find((m) => doc.text.slice(m.start, m.end) === "The foreign secretary");
    assert.equal(doc.actors.find((a) => a.id === role?.actor)?.name, "Jane Doe");
  }
  // Without the folder she is unknown to the knowledge base.
  const plain = run(["extract", article, "--published", "2026-02-03", "--format", "json"]);
  assert.equal(actorsOf(plain.out).find((a) => a.name === "Jane Doe")?.kb ?? null, null);
  const missing = run(["extract", article, "--kb", path.join(root, "no-such-folder")]);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /--kb: no folder .*no-such-folder/);
});

test("parley ingest's worker threads load the knowledge folder too", async () => {
  const kb = fresh("ingest-kb");
  assert.equal((await kbRun(["add", "--kb", kb, "--name", "Jane Doe", "--country", "GBR", "--sector", "GOV", "--role", "foreign secretary", "--start", "2026-01-01"])).code, 0);
  const article = write("jane-quote.txt", "\u201cWe will not stand by,\u201d Foreign Secretary Jane Doe said on Monday.");
  const db = path.join(root, "ingest-kb.db");
  const r = run(["ingest", article, "--db", db, "--kb", kb, "--workers", "1", "--published", "2026-02-03"]);
  assert.equal(r.code, 0, r.err);
  // Only the folder gives her a country (without it she is a bare GOV).
  const actors = run(["query", "actors", "--db", db, "--format", "json"]).out.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.equal(actors.find((a) => a.name === "Jane Doe")?.code, "GBRGOV", JSON.stringify(actors));
});

test("importing a CAMEO actor dictionary gives the code in force on each date", async () => {
  const kb = fresh("cameo");
  const r = await kbRun(["import", sample, "--kb", kb]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /4 people, 2 organisations, 2 country names/);
  assert.match(r.err, /sample\.actors\.txt:37: The Unnamed Committee: no code/);
  const codeOn = async (name: string, date: string) => JSON.parse((await kbRun(["search", name, "--kb", kb, "--date", date, "--format", "json"])).out).matches[0].code;
  const table: Array<[string, string, string]> = [
    ["anna example", "2019-06-30", "FRAOPP"],   // <20191231
    ["anna example", "2019-12-31", "FRAOPP"],   // limits are inclusive
    ["anna example", "2020-01-01", "FRALEG"],   // 20200101-20241231
    ["ban ki-moon", "2005-03-01", "KORGOVFRM"], // a three-part code is kept whole
    ["ban ki-moon", "2003-03-01", "KORELI"],    // the default code outside every period
    ["dmitry medvedev", "2021-06-01", "RUSELI"], // >200117, a YYMMDD date
    ["dmitry medvedev", "2008-06-01", "RUSGOV"], // 080507-200116
  ];
  for (const [name, date, code] of table) assert.equal(await codeOn(name, date), code, `${name} on ${date}`);
  // Plain codes: an organisation (IGO: no country), and more names for a country.
  const wfp = JSON.parse((await kbRun(["show", "ferry workers union", "--kb", kb, "--format", "json"])).out);
  assert.deepEqual([wfp.country, wfp.sector, wfp.code], ["GBR", "LAB", "GBRLAB"]);
  assert.equal(JSON.parse((await kbRun(["search", "luxemburg", "--kb", kb, "--format", "json"])).out).matches[0].id, "country:LUX");
  // Entries naming a known person add to them; a plain-coded one stays a person, not a new organisation.
  const putin = JSON.parse((await kbRun(["show", "person:vladimir-putin", "--kb", kb, "--format", "json"])).out);
  assert.ok(putin.names.includes("Vladimir Vladimirovich Putin"));
  assert.equal((await kbRun(["import", write("known.actors.txt", "KEIR_STARMER_ [GBRGOV]\n+STARMER_THE_EXAMPLE\n"), "--kb", kb])).code, 0);
  const starmer = JSON.parse((await kbRun(["search", "keir starmer", "--kb", kb, "--format", "json"])).out).matches;
  assert.deepEqual(starmer.map((m: { id: string }) => m.id), ["person:keir-starmer"]);
  // Past ---STOP--- nothing is read.
  assert.equal(JSON.parse((await kbRun(["search", "not read", "--kb", kb, "--format", "json"])).out).matches.length, 0);

  // The pipeline codes the imported person by the article's date.
  const article = write("anna.txt", "Anna Example said the reform would fail.");
  const on = (published: string) => actorsOf(run(["extract", article, "--published", published, "--format", "json", "--kb", kb]).out).find((a) => a.name === "Anna Example")?.code;
  assert.equal(on("2019-05-01"), "FRAOPP");
  assert.equal(on("2022-05-01"), "FRALEG");

  // Importing the same file again gives the same files.
  const files = ["sample.actors.tsv", "sample.organisations.json", "sample.countries.json"].map((f) => readFileSync(path.join(kb, f), "utf8"));
  assert.equal((await kbRun(["import", sample, "--kb", kb])).code, 0);
  assert.deepEqual(["sample.actors.tsv", "sample.organisations.json", "sample.countries.json"].map((f) => readFileSync(path.join(kb, f), "utf8")), files);
});

test("bad dictionary lines fail with file:line and nothing is written; --skip-bad keeps the good records", async () => {
  const dict = write("bad.actors.txt", [
    "GOOD_EXAMPLE_PARTY_  [GBRPTY]",
    "BROKEN_DATE_",
    "\t[RUSGOV 20001345-]",
    "UNKNOWN_PLACE_",
    "\t[XYZGOV]",
    "+ORPHAN_ALIAS  [GBR]",
    "COUNTRY_ONLY_PERSON_",
    "\t[AFG 20010101-]",
    "OPEN_BRACKET_ [GBRGOV",
    "SEVEN_DIGITS_",
    "\t[RUSGOV 2004017-20061201]",
  ].join("\n"));
  const kb = fresh("bad");
  const r = await kbRun(["import", dict, "--kb", kb]);
  assert.equal(r.code, 1);
  const lines = r.err.trim().split("\n");
  const located = lines.filter((l) => l.startsWith(dict + ":")).map((l) => l.slice(dict.length + 1).replace(/:.*$/, ""));
  assert.deepEqual(located, ["3 (date)", "5 (code)", "6", "8 (code)", "9", "11 (date)"]);
  assert.match(lines.at(-1)!, /nothing written \(6 bad lines/);
  assert.ok(!existsSync(path.join(kb, "bad.organisations.json")));

  const skip = await kbRun(["import", dict, "--kb", kb, "--skip-bad"]);
  assert.equal(skip.code, 1);
  assert.match(skip.out, /0 people, 1 organisations/);
  const found = JSON.parse((await kbRun(["search", "good example party", "--kb", kb, "--format", "json"])).out).matches[0];
  assert.equal(found.code, "GBRPTY");
  // The synonym with a code belonged to UNKNOWN_PLACE_, which is left out whole.
  assert.equal(JSON.parse((await kbRun(["search", "orphan alias", "--kb", kb, "--format", "json"])).out).matches.length, 0);
});

test("the dictionary reader: restrictions, comments, shared codes and two-digit years", async () => {
  const text = [
    "<!-- a comment",
    "   over two lines -->",
    "FIRST_ONE_   ; legacy comment",
    "SECOND_ONE_",
    "+SECOND_ALIAS_",
    "\t[AAAGOV <991231]   # before",
    "\t[AAAMIL >300101]",
    "\t[AAAELI 19500101-19601231] [AAAOPP 010101-]",
    "THIRD [---]",
  ].join("\n");
  const { entries, problems } = parseCameoActorDictionary(text, "t.txt");
  assert.deepEqual(problems, []);
  assert.deepEqual(entries.map((e) => [e.primary.text, e.primary.line, e.sharedCodes]), [["FIRST ONE", 3, true], ["SECOND ONE", 4, false], ["THIRD", 9, false]]);
  assert.deepEqual(entries[1].synonyms.map((s) => s.text), ["SECOND ALIAS"]);
  assert.deepEqual(entries[1].codes.map((c) => [c.code, c.from, c.to]), [
    ["AAAGOV", null, "1999-12-31"], ["AAAMIL", "2030-01-01", null], ["AAAELI", "1950-01-01", "1960-12-31"], ["AAAOPP", "2001-01-01", null],
  ]);
  assert.deepEqual(entries[2].codes.map((c) => c.code), [null]);
  assert.equal(dictDate("300101", "t", 1), "2030-01-01");
  assert.equal(dictDate("310101", "t", 1), "1931-01-01");
  assert.throws(() => dictDate("20230229", "t", 7), /t:7 \(date\): "20230229" is not a real day/);
});

test("dictionary names take news casing; known acronyms and spellings are kept", async () => {
  const caps = new Set(["UN", "NATO"]);
  assert.equal(dictionaryNameCase("HAMID KARZAI", caps), "Hamid Karzai");
  assert.equal(dictionaryNameCase("UN SECURITY COUNCIL", caps), "UN Security Council");
  assert.equal(dictionaryNameCase("MIGUEL D'ESCOTO OF THE NORTH", caps), "Miguel D'Escoto of the North");
  assert.equal(dictionaryNameCase("U.N.", caps), "U.N.");
  assert.equal(dictionaryNameCase("PUTIN", caps), "Putin");
  assert.equal(dictionaryNameCase("Already Mixed", caps), "Already Mixed");
});

test("kb import --format parley checks our own TSV and names the bad line", async () => {
  const kb = fresh("parley-format");
  const good = write("mine.actors.tsv", "# mine\nSam Example\t\tm\tIRL\tGOV\tprime minister\t\t2030-01-01\t\n");
  const r = await kbRun(["import", good, "--kb", kb]);
  assert.equal(r.code, 0, r.err);
  assert.ok(existsSync(path.join(kb, "mine.actors.tsv")));
  assert.equal(JSON.parse((await kbRun(["search", "sam example", "--kb", kb, "--date", "2030-02-01", "--format", "json"])).out).matches[0].office, "prime minister");
  const bad = write("worse.actors.tsv", "Sam Example\t\tm\tIRL\tGOV\tprime minister\t\t2030-02-31\t\n");
  const b = await kbRun(["import", bad, "--kb", kb]);
  assert.equal(b.code, 1);
  assert.equal(b.err.trim().split("\n")[0], `${bad}:1 (start): must be YYYY-MM-DD (got "2030-02-31")`);
});
