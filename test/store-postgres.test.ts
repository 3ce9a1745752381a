// PostgreSQL scale-out as users run it: enqueue a batch, two workers take jobs, one is
// killed with SIGKILL mid-run; its job is retried and every article is stored exactly
// once. Skips, saying why, only when no PostgreSQL server answers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { cliPath } from "./helpers.js";
import { exampleBatch, writeBatch } from "./storeFixtures.js";

const URL = process.env.PARLEY_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/test";
const schema = `parley_test_${process.pid}`;

async function serverAnswers(): Promise<string | false> {
  const c = new pg.Client({ connectionString: URL, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.end();
    return false;
  } catch (e) {
    const reason = `skipped: no PostgreSQL server answers at ${URL} (${(e as Error).message})`;
    console.log(reason);
    return reason;
  }
}

async function sql(q: string): Promise<pg.QueryResult> {
  const c = new pg.Client({ connectionString: URL });
  await c.connect();
  try { return await c.query(q); } finally { await c.end(); }
}

const exited = (p: ChildProcess) => new Promise<number | null>((r) => (p.exitCode !== null || p.signalCode !== null ? r(p.exitCode) : p.once("exit", (code) => r(code))));

test("two workers on a PostgreSQL queue, one killed mid-run: every article stored exactly once", { timeout: 180000 }, async (t) => {
  const skip = await serverAnswers();
  if (skip) { t.skip(skip); return; }
  await sql(`DROP SCHEMA IF EXISTS ${schema} CASCADE; DROP SCHEMA IF EXISTS ${schema}_queue CASCADE`);
  try {
    const dir = mkdtempSync(path.join(tmpdir(), "parley-pg-"));
    const n = 40;
    const batch = writeBatch(path.join(dir, "batch.jsonl"), exampleBatch(n, 2000));
    const db = ["--db", URL, "--schema", schema];
    const q = spawnSync(process.execPath, [cliPath, "enqueue", batch, ...db, "--job-timeout", "2"], { encoding: "utf8" });
    assert.equal(q.status, 0, q.stderr);
    assert.match(q.stdout, new RegExp(`${n} articles queued`));
    // Enqueueing again queues nothing new.
    assert.match(spawnSync(process.execPath, [cliPath, "enqueue", batch, ...db], { encoding: "utf8" }).stdout, /^0 articles queued/);

    const worker = () => spawn(process.execPath, [cliPath, "worker", ...db, "--idle-exit", "8", "--job-timeout", "2"], { stdio: ["ignore", "pipe", "pipe"] });
    const a = worker(), b = worker();
    let errB = "";
    b.stderr!.on("data", (d) => (errB += d));
    // Kill worker A as soon as anything is stored.
    const t0 = Date.now();
    for (;;) {
      const stored = Number((await sql(`SELECT count(*) AS n FROM ${schema}.articles`).catch(() => ({ rows: [{ n: 0 }] }))).rows[0].n);
      if (stored > 0 || Date.now() - t0 > 60000) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    a.kill("SIGKILL");
    await exited(a);
    const codeB = await exited(b);
    assert.equal(codeB, 0, errB);
    const articles = Number((await sql(`SELECT count(*) AS n FROM ${schema}.articles`)).rows[0].n);
    const distinct = Number((await sql(`SELECT count(DISTINCT id) AS n FROM ${schema}.articles`)).rows[0].n);
    const sentences = Number((await sql(`SELECT count(*) AS n FROM ${schema}.sentences`)).rows[0].n);
    const distinctSentences = Number((await sql(`SELECT count(*) AS n FROM (SELECT DISTINCT article_id, idx FROM ${schema}.sentences) s`)).rows[0].n);
    assert.equal(articles, n);
    assert.equal(distinct, n);
    assert.equal(sentences, distinctSentences, "no article's rows stored twice");
    const left = Number((await sql(`SELECT count(*) AS n FROM ${schema}_queue.job WHERE state NOT IN ('completed')`)).rows[0].n);
    assert.equal(left, 0, "every job completed");
  } finally {
    await sql(`DROP SCHEMA IF EXISTS ${schema} CASCADE; DROP SCHEMA IF EXISTS ${schema}_queue CASCADE`).catch(() => undefined);
  }
});
