// Scale-out on PostgreSQL: `enqueue` puts one job per article into a durable pg-boss
// queue in the same database; any number of `worker` processes, on any machines, take
// jobs, analyse and store. A worker killed mid-job leaves its job active until it expires;
// pg-boss then hands it to another worker. The store claims each article id once, so a
// retried job never stores an article twice.
import { createHash } from "node:crypto";
import PgBoss from "pg-boss";
import { readInputs, type IntakeOptions } from "../intake/index.js";
import { documentId, createPipeline } from "../pipeline.js";
import type { ArticleInput, InputProblem } from "../model/index.js";
import { PostgresStore } from "../store/postgresStore.js";

export const QUEUE = "parley-articles";

export interface QueueOptions { url: string; schema: string; jobTimeoutSeconds?: number }

interface ArticleJob { article: ArticleInput; source: string }

/** A UUID (version-5 layout) from the article id, so the queue itself refuses duplicates. */
function jobId(articleId: string): string {
  const h = createHash("sha256").update(`parley-article:${articleId}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

async function startBoss(o: QueueOptions): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: o.url, schema: `${o.schema}_queue`, maintenanceIntervalSeconds: 1 });
  boss.on("error", () => undefined); // connection blips are retried by pg-boss itself
  await boss.start();
  if (!(await boss.getQueue(QUEUE))) {
    await boss.createQueue(QUEUE, { name: QUEUE, retryLimit: 10, retryDelay: 1, expireInSeconds: o.jobTimeoutSeconds ?? 300 });
  }
  return boss;
}

export async function enqueue(paths: string[], o: QueueOptions & IntakeOptions, onProblem: (p: InputProblem) => void): Promise<{ queued: number; problems: number }> {
  const boss = await startBoss(o);
  let queued = 0, problems = 0;
  try {
    for await (const item of readInputs(paths, o)) {
      if (!item.ok) { problems++; onProblem(item.problem); continue; }
      const article = item.article;
      article.id ??= documentId(article.text, article.url);
      const job: ArticleJob = { article, source: item.line ? `${item.input}:${item.line}` : item.input };
      // The job id is derived from the article id: enqueueing the same article twice queues it once.
      const id = await boss.send(QUEUE, job, { id: jobId(article.id) });
      if (id) queued++;
    }
  } finally {
    await boss.stop({ graceful: true, wait: true });
  }
  return { queued, problems };
}

export interface WorkerOptions extends QueueOptions { dataDir?: string; knowledgeDirs?: readonly string[]; idleExitSeconds?: number; log?: (line: string) => void }

/** Processes jobs until stopped (SIGINT/SIGTERM) or, with idleExitSeconds, until the queue has been idle that long. */
export async function runWorker(o: WorkerOptions): Promise<{ processed: number }> {
  const store = await PostgresStore.open(o.url, o.schema);
  const pipeline = createPipeline({ dataDir: o.dataDir, knowledgeDirs: o.knowledgeDirs });
  const boss = await startBoss(o);
  let processed = 0, lastWork = Date.now();
  await boss.work<ArticleJob>(QUEUE, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async (jobs) => {
    for (const job of jobs) {
      lastWork = Date.now();
      const doc = pipeline.analyze(job.data.article);
      const r = await store.put(doc, job.data.source);
      processed++;
      o.log?.(`${job.data.source}: ${r}`);
      lastWork = Date.now();
    }
  });
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    if (o.idleExitSeconds) {
      const timer = setInterval(() => { if (Date.now() - lastWork > o.idleExitSeconds! * 1000) { clearInterval(timer); resolve(); } }, 250);
    }
  });
  await boss.stop({ graceful: true, wait: true });
  await store.rebuildClusters();
  await store.close();
  return { processed };
}
