// Analysis in worker threads: `analyze` resolves with the article's store rows or rejects
// with the analysis error. Each worker holds a few articles at once, so it goes on working
// while the main thread is busy committing a batch; at most `capacity` articles are in
// flight, so reading the input never runs far ahead of analysis.
import { Worker } from "node:worker_threads";
import type { ArticleInput } from "../model/index.js";
import type { ArticleRows } from "../store/rows.js";

/**
 * Articles queued at one worker at a time. Enough to keep a worker busy while the writing
 * thread commits a batch (tens of milliseconds, a few articles' analysis each), so workers
 * do not stand idle waiting for new articles; few enough to bound memory.
 */
const PER_WORKER = 16;

interface Pending { resolve: (r: ArticleRows) => void; reject: (e: Error) => void }

export class AnalyzerPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly waiting: Array<() => void> = [];
  private readonly pending = new Map<number, Pending>();
  private seq = 0;

  constructor(size: number, dataDir?: string, knowledgeDirs?: readonly string[]) {
    const url = new URL("./analyzeWorker.js", import.meta.url);
    for (let i = 0; i < size; i++) {
      // One worker is slower than the writing thread, so the writer deflates its documents;
      // several keep the writer busy, so each deflates its own (rows.ts docJson).
      const w = new Worker(url, { workerData: { dataDir, knowledgeDirs, deflateDoc: size > 1 } });
      w.on("message", (m: { seq: number; rows?: ArticleRows; error?: string }) => {
        const p = this.pending.get(m.seq)!;
        this.pending.delete(m.seq);
        this.release(w);
        if (m.error !== undefined) p.reject(new Error(m.error)); else p.resolve(m.rows!);
      });
      w.on("error", (e) => { for (const p of this.pending.values()) p.reject(e); this.pending.clear(); });
      this.workers.push(w);
      for (let slot = 0; slot < PER_WORKER; slot++) this.idle.push(w);
    }
  }

  /** How many articles can be in the workers at once. */
  get capacity(): number { return this.workers.length * PER_WORKER; }

  private release(w: Worker): void {
    const next = this.waiting.shift();
    this.idle.push(w);
    if (next) next();
  }

  private async acquire(): Promise<Worker> {
    while (this.idle.length === 0) await new Promise<void>((r) => this.waiting.push(r));
    return this.idle.pop()!;
  }

  async analyze(article: ArticleInput, source: string | null): Promise<ArticleRows> {
    const w = await this.acquire();
    const seq = ++this.seq;
    return new Promise<ArticleRows>((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      w.postMessage({ seq, article, source });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
