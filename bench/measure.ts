// One measurement in its own process (so peak RSS belongs to it alone): runs Parley's
// pipeline up to a stage, or a peer library, over the corpus file and prints one JSON line.
//   node dist/bench/measure.js parley <until-stage> <corpus.jsonl>
//   node dist/bench/measure.js wink|compromise <corpus.jsonl>
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createPipeline } from "../src/pipeline.js";
import type { ArticleInput } from "../src/model/index.js";

const require = createRequire(import.meta.url);

function loadCorpus(file: string): ArticleInput[] {
  return readFileSync(file, "utf8").split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as ArticleInput);
}

function measureParley(until: string, corpus: ArticleInput[]) {
  const pipeline = createPipeline({ until });
  const stageMs = new Map<string, number>(pipeline.stages.map((s) => [s.name, 0]));
  const t0 = performance.now();
  for (const article of corpus) {
    const doc = { id: article.id!, text: article.text, published: article.published ?? null };
    for (const stage of pipeline.stages) {
      const s = performance.now();
      stage.run(doc);
      stageMs.set(stage.name, stageMs.get(stage.name)! + performance.now() - s);
    }
  }
  return { totalMs: performance.now() - t0, stageMs: Object.fromEntries(stageMs) };
}

function measureWink(corpus: ArticleInput[]) {
  const winkNLP = require("wink-nlp");
  const model = require("wink-eng-lite-web-model");
  const nlp = winkNLP(model, ["sbd", "pos"]);
  const its = nlp.its;
  const t0 = performance.now();
  let n = 0;
  for (const a of corpus) n += nlp.readDoc(a.text).tokens().out(its.pos).length;
  return { totalMs: performance.now() - t0, items: n };
}

function measureCompromise(corpus: ArticleInput[]) {
  const nlp = require("compromise");
  const t0 = performance.now();
  let n = 0;
  for (const a of corpus) {
    const doc = nlp(a.text);
    n += doc.people().out("array").length + doc.places().out("array").length + doc.organizations().out("array").length;
  }
  return { totalMs: performance.now() - t0, items: n };
}

const [tool, a, b] = process.argv.slice(2);
const corpusFile = tool === "parley" ? b : a;
const corpus = loadCorpus(corpusFile);
const result = tool === "parley" ? measureParley(a, corpus) : tool === "wink" ? measureWink(corpus) : measureCompromise(corpus);
process.stdout.write(JSON.stringify({ ...result, maxRssMB: process.resourceUsage().maxRSS / 1024 }) + "\n");
