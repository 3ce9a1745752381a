// A worker thread that analyses articles: one pipeline per thread, loaded once.
import { parentPort, workerData } from "node:worker_threads";
import { createPipeline } from "../pipeline.js";
import type { ArticleInput } from "../model/index.js";

const data = workerData as { dataDir?: string; knowledgeDirs?: string[] } | undefined;
const pipeline = createPipeline({ dataDir: data?.dataDir, knowledgeDirs: data?.knowledgeDirs });
parentPort!.on("message", (msg: { seq: number; article: ArticleInput }) => {
  try {
    parentPort!.postMessage({ seq: msg.seq, doc: pipeline.analyze(msg.article) });
  } catch (e) {
    parentPort!.postMessage({ seq: msg.seq, error: (e as Error).message });
  }
});
