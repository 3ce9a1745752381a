// Ingest throughput against extract-only, on the benchmark corpus: `parley ingest` into a
// fresh SQLite file with one and with two analysis workers, each in its own process.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

/** `parley extract` over the corpus, whole process, output discarded: extract-only as a user runs it. */
export function measureExtractCli(root: string, corpusFile: string, megabytes: number): { seconds: number; mbs: number } {
  const cli = path.join(root, "dist", "src", "cli", "main.js");
  const t0 = performance.now();
  execFileSync(process.execPath, [cli, "extract", corpusFile, "--format", "jsonl"], { stdio: ["ignore", "ignore", "ignore"], maxBuffer: 1 << 30 });
  const seconds = (performance.now() - t0) / 1000;
  return { seconds, mbs: megabytes / seconds };
}

export function measureIngest(root: string, corpusFile: string, work: string, megabytes: number): Array<{ workers: number; seconds: number; mbs: number }> {
  const cli = path.join(root, "dist", "src", "cli", "main.js");
  const out = [];
  for (const workers of [1, 2]) {
    const db = path.join(work, `ingest-${workers}.db`);
    const t0 = performance.now();
    execFileSync(process.execPath, [cli, "ingest", corpusFile, "--db", db, "--workers", String(workers)], { stdio: "ignore" });
    const seconds = (performance.now() - t0) / 1000;
    out.push({ workers, seconds, mbs: megabytes / seconds });
    for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  }
  return out;
}
