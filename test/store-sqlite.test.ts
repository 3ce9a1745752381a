// The embedded store as users run it: ingest, idempotency, replacement by URL, bad input
// in a batch, query and export formats, and a kill -9 in the middle of an ingest.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { cliPath } from "./helpers.js";
import { exampleBatch, writeBatch } from "./storeFixtures.js";

const dir = mkdtempSync(path.join(tmpdir(), "parley-store-"));
const run = (args: string[]) => spawnSync(process.execPath, [cliPath, ...args], { encoding: "utf8", maxBuffer: 1 << 28 });

/** Everything a database holds, in a stable order, for comparing two databases. */
function dump(file: string): string {
  const db = new Database(file, { readonly: true });
  const out: string[] = [];
  for (const t of ["articles", "sentences", "actors", "mentions", "times", "quotes", "events", "positions", "event_clusters", "event_cluster_members"]) {
    const rows = db.prepare(`SELECT * FROM ${t}`).all().map((r) => JSON.stringify(r)).sort();
    out.push(`${t}:${rows.length}`, ...rows);
  }
  db.close();
  return out.join("\n");
}

test("ingest stores a batch; re-ingesting changes nothing; a known URL with new text is replaced", () => {
  const db = path.join(dir, "a.db");
  const batch = writeBatch(path.join(dir, "batch.jsonl"), exampleBatch(12));
  const first = run(["ingest", batch, "--db", db, "--workers", "2"]);
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /12 articles read: 12 stored, 0 replaced, 0 unchanged; 0 problems/);
  const before = dump(db);
  const again = run(["ingest", batch, "--db", db, "--workers", "1"]);
  assert.match(again.stdout, /12 articles read: 0 stored, 0 replaced, 12 unchanged/);
  assert.equal(dump(db), before);
  // Same URL, new text: the old article goes, atomically, with all its rows.
  const line = JSON.parse(exampleBatch(1)[0]);
  const changed = writeBatch(path.join(dir, "changed.jsonl"), [JSON.stringify({ ...line, id: "t-new", text: "Rebels shelled the town of Goma on Monday, officials said." })]);
  const r = run(["ingest", changed, "--db", db]);
  assert.match(r.stdout, /1 stored|1 replaced/);
  const d = new Database(db, { readonly: true });
  assert.equal((d.prepare("SELECT count(*) n FROM articles").get() as { n: number }).n, 12);
  assert.equal((d.prepare("SELECT count(*) n FROM articles WHERE id = 't-00000'").get() as { n: number }).n, 0);
  assert.equal((d.prepare("SELECT count(*) n FROM sentences WHERE article_id = 't-00000'").get() as { n: number }).n, 0);
  d.close();
});

test("bad items in a batch are reported with their line and reason; good ones are stored; exit 1", () => {
  const db = path.join(dir, "b.db");
  const good = exampleBatch(5, 100);
  const lines = [good[0], "{broken json", good[1], JSON.stringify({ id: "x" }), good[2], JSON.stringify({ id: "y", text: "" }), good[3], good[4]];
  const batch = writeBatch(path.join(dir, "mixed.jsonl"), lines);
  writeFileSync(path.join(dir, "binary.txt"), Buffer.from([0, 1, 2, 3, 255]));
  const r = run(["ingest", batch, path.join(dir, "binary.txt"), "--db", db, "--workers", "1"]);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /5 articles read: 5 stored, 0 replaced, 0 unchanged; 4 problems/);
  const errs = r.stderr.trim().split("\n");
  assert.equal(errs.length, 4);
  assert.match(errs[0], /mixed\.jsonl:2: not JSON/);
  assert.match(errs[1], /mixed\.jsonl:4: no "text" field/);
  assert.match(errs[2], /mixed\.jsonl:6: empty/);
  assert.match(errs[3], /binary\.txt: binary data/);
});

test("an article that cannot be stored fails alone: the rest of its batch is stored", async () => {
  const { SqliteStore } = await import("../src/store/sqliteStore.js");
  const { createPipeline } = await import("../src/pipeline.js");
  const { articleRows } = await import("../src/store/rows.js");
  const pipeline = createPipeline();
  const docs = exampleBatch(6).map((l) => pipeline.analyze(JSON.parse(l)));
  const store = SqliteStore.open(path.join(dir, "one-bad.db"));
  const rows = docs.map((d) => articleRows(d, null));
  // A quote row with a column too many: SQLite refuses it after the article's own row and
  // sentences are written, so the batch must not keep them.
  rows[3].quotes.push([...rows[3].quotes[0], "extra"]);
  const results = await Promise.allSettled(rows.map((r) => store.putRows(r)));
  assert.deepEqual(results.map((r) => r.status), ["fulfilled", "fulfilled", "fulfilled", "rejected", "fulfilled", "fulfilled"]);
  for (const [i, d] of docs.entries()) assert.equal(await store.has(d.id), i !== 3);
  const stats = await store.stats();
  assert.equal(stats.articles, 5);
  assert.equal(stats.quotes, docs.reduce((n, d, i) => n + (i === 3 ? 0 : d.quotes?.length ?? 0), 0));
  await store.close();
});

test("a database made by an earlier version is migrated when opened", async () => {
  const { SqliteStore } = await import("../src/store/sqliteStore.js");
  const { SQLITE_MIGRATIONS } = await import("../src/store/migrations.js");
  const file = path.join(dir, "old.db");
  const old = new Database(file);
  old.exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
  old.exec(SQLITE_MIGRATIONS[0]);
  old.prepare("INSERT INTO schema_migrations VALUES (1, '2025-01-01')").run();
  old.close();
  const store = SqliteStore.open(file);
  await store.close();
  const db = new Database(file, { readonly: true });
  assert.deepEqual(db.prepare("SELECT version FROM schema_migrations ORDER BY version").all().map((r) => (r as { version: number }).version),
    SQLITE_MIGRATIONS.map((_, i) => i + 1));
  assert.equal((db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'quotes_fts'").get() as { n: number }).n, 0);
  db.close();
});

test("query and export: tables, JSON, CSV, GDELT columns with CAMEO codes as strings", () => {
  const db = path.join(dir, "q.db");
  const batch = writeBatch(path.join(dir, "q.jsonl"), exampleBatch(30));
  assert.equal(run(["ingest", batch, "--db", db]).status, 0);
  const events = run(["query", "events", "--db", db, "--format", "json", "--limit", "500"]);
  assert.equal(events.status, 0, events.stderr);
  const rows = events.stdout.trim().split("\n").map((l) => JSON.parse(l));
  assert.ok(rows.length > 20);
  assert.ok(rows.every((e) => typeof e.cameo === "string"));
  const accuse = run(["query", "events", "--db", db, "--type", "ACCUSE", "--format", "csv"]);
  assert.match(accuse.stdout.split("\n")[0], /^date,type,cameo,source/);
  assert.ok(accuse.stdout.trim().split("\n").slice(1).every((l) => l.split(",")[1] === "ACCUSE"));
  const quotes = run(["query", "quotes", "--db", db, "--search", "ceasefire", "--format", "json"]);
  // Quotations are found through the sentences they stand in: each one returned overlaps a
  // sentence with the word, and a word no article has finds nothing.
  const found = quotes.stdout.trim().split("\n").map((l) => JSON.parse(l));
  assert.ok(found.some((q) => /ceasefire/i.test(q.text)));
  const store = new Database(db, { readonly: true });
  const inSentence = store.prepare("SELECT 1 FROM quotes q JOIN sentences s ON s.article_id = q.article_id AND s.start_offset < q.end_offset AND q.start_offset < s.end_offset WHERE q.article_id = ? AND q.text = ? AND s.text LIKE '%ceasefire%'");
  assert.ok(found.every((q) => inSentence.get(q.article_id, q.text)));
  store.close();
  assert.equal(run(["query", "quotes", "--db", db, "--search", "zzyzxqq", "--format", "json"]).stdout.trim(), "");
  const gdelt = run(["export", "--db", db, "--format", "gdelt"]);
  const [header, ...lines] = gdelt.stdout.trim().split("\n");
  assert.equal(header.split("\t")[8], "EventCode");
  const codes = lines.map((l) => l.split("\t")[8]);
  assert.ok(codes.some((c) => c.startsWith("0")), "a CAMEO code with its leading zero");
  assert.ok(codes.every((c) => /^\d{2,4}$/.test(c)));
  const jsonl = run(["export", "--db", db, "--format", "jsonl"]);
  assert.equal(jsonl.stdout.trim().split("\n").length, 30);
  // Exported documents are the contract documents extract prints, byte for byte.
  const one = path.join(dir, "one.txt");
  writeFileSync(one, "Germany accused Russia of stalling the talks on Monday, officials said.");
  const oneDb = path.join(dir, "one.db");
  assert.equal(run(["ingest", one, "--db", oneDb, "--published", "2025-03-16"]).status, 0);
  assert.equal(run(["export", "--db", oneDb, "--format", "jsonl"]).stdout, run(["extract", one, "--published", "2025-03-16", "--format", "jsonl"]).stdout);
  const stats = run(["stats", "--db", db]);
  assert.match(stats.stdout, /articles\s+30/);
  // Thirty reports built from twenty examples repeat some events: those are linked as one.
  assert.match(stats.stdout, /multi_report_events\s+[1-9]/);
});

test("kill -9 in the middle of an ingest, then a rerun, gives the same database as an uninterrupted run", async () => {
  const batch = writeBatch(path.join(dir, "kill.jsonl"), exampleBatch(240, 500));
  const whole = path.join(dir, "whole.db"), killed = path.join(dir, "killed.db");
  assert.equal(run(["ingest", batch, "--db", whole, "--workers", "1"]).status, 0);
  const child = spawn(process.execPath, [cliPath, "ingest", batch, "--db", killed, "--workers", "1"], { stdio: "ignore" });
  // Wait until some articles are committed, then kill without warning.
  const started = Date.now();
  let stored = 0;
  while (stored < 20 && Date.now() - started < 60000) {
    await new Promise((r) => setTimeout(r, 50));
    try {
      const d = new Database(killed, { readonly: true, fileMustExist: true });
      stored = (d.prepare("SELECT count(*) n FROM articles").get() as { n: number }).n;
      d.close();
    } catch { /* not created yet */ }
  }
  child.kill("SIGKILL");
  await new Promise((r) => child.once("exit", r));
  assert.ok(stored >= 20 && stored < 240, `killed after ${stored} articles`);
  const rerun = run(["ingest", batch, "--db", killed, "--workers", "1"]);
  assert.equal(rerun.status, 0, rerun.stderr);
  assert.equal(dump(killed), dump(whole));
});

test("parley demo ingests the bundled examples into a fresh SQLite file and shows quotes and events", () => {
  const db = path.join(dir, "demo.db");
  const r = run(["demo", "--db", db]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /20 example articles/);
  assert.match(r.stdout, /Who said what/);
  assert.match(r.stdout, /Who did what to whom/);
  assert.match(r.stdout, /ACCUSE|ASSAULT|REJECT/);
  assert.match(r.stdout, /Who stands where/);
  // Every example article is its own article: none replaces another.
  assert.match(r.stdout, /20 articles read: 20 stored, 0 replaced/);
});

test("parley query positions: stances by actor, stance and issue", () => {
  const db = path.join(dir, "positions.db");
  const input = path.join(dir, "positions.jsonl");
  writeFileSync(input, JSON.stringify({ id: "p1", text: "Russia rejected the ceasefire proposal on Monday. France called for new sanctions.", date: "2025-03-12" }) + "\n");
  assert.equal(run(["ingest", input, "--db", db]).status, 0);
  const rows = run(["query", "positions", "--db", db, "--format", "json"]).stdout.trim().split("\n").map((l) => JSON.parse(l));
  assert.deepEqual(rows.map((r) => `${r.code} ${r.stance} ${r.issue}`), ["RUS rejects ceasefire", "FRA demands sanctions"]);
  const rejects = run(["query", "positions", "--db", db, "--type", "rejects", "--format", "json"]).stdout.trim().split("\n");
  assert.equal(rejects.length, 1);
});
