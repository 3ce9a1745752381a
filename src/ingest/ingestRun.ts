// `parley ingest`: read inputs, skip articles already stored (re-ingesting changes
// nothing), analyse the rest in worker threads, store each in its own transaction, then
// link reports of the same real-world event across articles.
import { stat } from "node:fs/promises";
import { readInputs, type IntakeOptions } from "../intake/index.js";
import { documentId } from "../pipeline.js";
import { formatProblem, type InputProblem } from "../model/index.js";
import type { Store } from "../store/store.js";
import { AnalyzerPool } from "./analyzerPool.js";
import { Progress } from "./progress.js";

export interface IngestOptions extends IntakeOptions {
  workers: number;
  dataDir?: string;
  /** The user's knowledge folders (parley kb), loaded after the built-in data. */
  knowledgeDirs?: readonly string[];
  onProblem?: (p: InputProblem) => void;
  progress?: NodeJS.WritableStream & { isTTY?: boolean };
}

export interface IngestSummary { read: number; stored: number; replaced: number; unchanged: number; problems: number; clusters: number; seconds: number }

export async function ingest(paths: string[], store: Store, o: IngestOptions): Promise<IngestSummary> {
  const t0 = Date.now();
  const summary: IngestSummary = { read: 0, stored: 0, replaced: 0, unchanged: 0, problems: 0, clusters: 0, seconds: 0 };
  const totalBytes = (await Promise.all(paths.map((p) => stat(p).then((s) => (s.isFile() ? s.size : 0), () => 0)))).reduce((a, b) => a + b, 0);
  const progress = o.progress ? new Progress(o.progress, totalBytes) : null;
  const pool = new AnalyzerPool(Math.max(1, o.workers), o.dataDir, o.knowledgeDirs);
  // Analyses in flight bound memory and keep the workers busy; stores in flight only wait
  // for their batch's commit and do not hold analysis back.
  const inFlight = new Set<Promise<void>>();
  const storing = new Set<Promise<void>>();
  let bytes = 0;
  const problem = (p: InputProblem) => { summary.problems++; o.onProblem?.(p); };
  try {
    for await (const item of readInputs(paths, o)) {
      if (!item.ok) { problem(item.problem); continue; }
      summary.read++;
      const article = item.article;
      article.id ??= documentId(article.text, article.url);
      bytes += article.text.length;
      if (await store.has(article.id)) { summary.unchanged++; progress?.update(bytes, summary.read, summary.problems); continue; }
      const task = pool.analyze(article, item.line ? `${item.input}:${item.line}` : item.input).then(
        (rows) => {
          const stored = store.putRows(rows).then(
            (r) => { if (r === "stored") summary.stored++; else if (r === "replaced") summary.replaced++; else summary.unchanged++; },
            (e: Error) => problem({ input: item.input, line: item.line, message: `could not be stored: ${e.message}` }),
          ).finally(() => { storing.delete(stored); progress?.update(bytes, summary.read, summary.problems); });
          storing.add(stored);
        },
        (e: Error) => problem({ input: item.input, line: item.line, message: `analysis failed: ${e.message}` }),
      ).finally(() => { inFlight.delete(task); });
      inFlight.add(task);
      // Keep every worker's queue full: enough to keep them busy, little memory.
      if (inFlight.size >= pool.capacity) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    await Promise.all(storing);
    summary.clusters = await store.rebuildClusters();
  } finally {
    await pool.close();
    progress?.done();
  }
  summary.seconds = (Date.now() - t0) / 1000;
  return summary;
}

export function formatSummary(s: IngestSummary): string {
  return `${s.read} articles read: ${s.stored} stored, ${s.replaced} replaced, ${s.unchanged} unchanged; ${s.problems} problems; ${s.clusters} distinct events; ${s.seconds.toFixed(1)} s`;
}

export { formatProblem };
