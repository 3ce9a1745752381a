// A synthetic batch with 1% garbage (binary, empty, oversized, broken HTML, lines that are
// not JSON or have no text) ingests: every bad item is reported with its location and
// reason, every good article is stored, the exit code is 1 and the summary counts match.
// `npm run bench:batch` runs the same check on 100,000 articles.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { writeSyntheticBatch } from "../bench/syntheticBatch.js";
import { checkBatchRun } from "../bench/batchCheck.js";
import { cliPath, repoRoot } from "./helpers.js";

test("a batch of 1,500 items with 1% garbage: bad items reported, good ones stored, exit 1, counts match", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "parley-batch-test-"));
  try {
    const plan = writeSyntheticBatch(path.join(dir, "batch"), { articles: 1500, garbage: 0.01, examplesDir: path.join(repoRoot, "examples", "articles"), hugeBytes: 11 * 1024 * 1024 });
    assert.equal(plan.bad.length, 15);
    const db = path.join(dir, "batch.db");
    const run = spawnSync(process.execPath, [cliPath, "ingest", path.join(dir, "batch"), "--db", db, "--workers", "2"], { encoding: "utf8", maxBuffer: 1 << 26 });
    const result = checkBatchRun(plan, { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr }, db);
    assert.ok(result.ok, result.report.join("\n"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
