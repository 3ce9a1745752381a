// `npm run bench:batch`: writes a synthetic batch (default 100,000 articles, 1% garbage) to
// a temporary folder, ingests it with `parley ingest`, and checks the outcome: every bad
// item reported with its path (and line) and reason, every good article stored, exit code
// 1, summary counts equal to the plan. Prints the figures; exits non-zero if a check fails.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { writeSyntheticBatch } from "./syntheticBatch.js";
import { checkBatchRun, type BatchRun } from "./batchCheck.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const { values } = parseArgs({ options: { articles: { type: "string", default: "100000" }, garbage: { type: "string", default: "0.01" }, workers: { type: "string" }, keep: { type: "boolean" } } });
const work = mkdtempSync(path.join(tmpdir(), "parley-batch-"));
const t0 = performance.now();
const plan = writeSyntheticBatch(path.join(work, "batch"), { articles: Number(values.articles), garbage: Number(values.garbage), examplesDir: path.join(root, "examples", "articles") });
console.log(`batch: ${values.articles} items (${plan.good} good, ${plan.bad.length} bad), ${(plan.bytes / 1e6).toFixed(0)} MB on disk, written in ${((performance.now() - t0) / 1000).toFixed(0)} s (${work})`);

const db = path.join(work, "batch.db");
const args = [path.join(root, "dist", "src", "cli", "main.js"), "ingest", path.join(work, "batch"), "--db", db, ...(values.workers ? ["--workers", values.workers] : [])];
const t1 = performance.now();
const run = await new Promise<BatchRun>((resolve) => {
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "", stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
});
const seconds = (performance.now() - t1) / 1000;
const result = checkBatchRun(plan, run, db);
console.log(`ingest: ${seconds.toFixed(0)} s, ${(result.stored / seconds).toFixed(0)} articles/s; exit code ${run.code}`);
for (const line of result.report) console.log(line);
if (!values.keep) rmSync(work, { recursive: true, force: true });
process.exit(result.ok ? 0 : 1);
