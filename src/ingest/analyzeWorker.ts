// A worker thread that analyses articles: one pipeline per thread, loaded once. It hands
// back the store's rows, not the document, so turning a document into rows (and its JSON)
// happens here in parallel rather than on the thread that writes the store.
import { parentPort, workerData } from "node:worker_threads";
import { createPipeline } from "../pipeline.js";
import { articleRows } from "../store/rows.js";
import type { ArticleInput } from "../model/index.js";

const data = workerData as { dataDir?: string; knowledgeDirs?: string[]; deflateDoc?: boolean } | undefined;
const pipeline = createPipeline({ dataDir: data?.dataDir, knowledgeDirs: data?.knowledgeDirs });
parentPort!.on("message", (msg: { seq: number; article: ArticleInput; source: string | null }) => {
  try {
    parentPort!.postMessage({ seq: msg.seq, rows: articleRows(pipeline.analyze(msg.article), msg.source, { deflate: data?.deflateDoc }) });
  } catch (e) {
    parentPort!.postMessage({ seq: msg.seq, error: (e as Error).message });
  }
});
