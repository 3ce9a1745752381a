// Checks a `parley ingest` run of a synthetic batch against its plan (bench and tests).
import Database from "better-sqlite3";
import type { BatchPlan } from "./syntheticBatch.js";

export interface BatchRun { code: number; stdout: string; stderr: string }

export function checkBatchRun(plan: BatchPlan, run: BatchRun, db: string): { ok: boolean; stored: number; report: string[] } {
  const report: string[] = [];
  let ok = true;
  const check = (cond: boolean, what: string) => { report.push(`${cond ? "ok  " : "FAIL"} ${what}`); ok &&= cond; };
  const lines = run.stderr.split("\n").filter((l) => l.trim() !== "");
  // Problem lines are "location: reason"; the summary line is the one that counts articles.
  const summary = lines.find((l) => /^\d+ articles read:/.test(l)) ?? run.stdout.split("\n").find((l) => /^\d+ articles read:/.test(l)) ?? "";
  const problems = lines.filter((l) => l !== summary && !/^\d+ articles read:/.test(l));
  const reported = new Map<string, string>();
  for (const l of problems) {
    const bad = plan.bad.find((b) => l.startsWith(b + ": "));
    if (bad) reported.set(bad, l.slice(bad.length + 2));
  }
  const missing = plan.bad.filter((b) => !reported.has(b));
  check(missing.length === 0, `every bad item reported with its location and reason (${reported.size}/${plan.bad.length}${missing.length ? `; missing e.g. ${missing[0]}` : ""})`);
  check(problems.length === plan.bad.length, `no other problems reported (${problems.length} problem lines)`);
  check(run.code === 1, `exit code 1 (got ${run.code})`);
  const m = /^(\d+) articles read: (\d+) stored, (\d+) replaced, (\d+) unchanged; (\d+) problems/.exec(summary);
  check(Boolean(m), `summary line: ${summary || "(none)"}`);
  if (m) {
    check(+m[1] === plan.good && +m[2] === plan.good && +m[5] === plan.bad.length, `summary counts match the plan (read ${m[1]}, stored ${m[2]}, problems ${m[5]}; planned ${plan.good} good, ${plan.bad.length} bad)`);
  }
  const conn = new Database(db, { readonly: true });
  const stored = (conn.prepare("SELECT count(*) AS n FROM articles").get() as { n: number }).n;
  conn.close();
  check(stored === plan.good, `every good article stored (${stored} rows in articles)`);
  const reasons = new Map<string, number>();
  for (const r of reported.values()) { const k = r.replace(/\d[\d.,]*/g, "N").slice(0, 60); reasons.set(k, (reasons.get(k) ?? 0) + 1); }
  for (const [r, n] of [...reasons].sort((a, b) => b[1] - a[1])) report.push(`     ${String(n).padStart(6)} × ${r}`);
  return { ok, stored, report };
}
