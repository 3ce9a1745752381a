// `npm run bench`: builds a ≥20 MB corpus from examples/articles, then measures, each in
// its own single-threaded process, Parley's pipeline stage by stage and two peers on the
// same corpus, and prints MB/s, articles/s and peak RSS.
//   npm run bench -- [--mb 20] [--peer-mb N] [--no-peers]
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { STAGES } from "../src/pipeline.js";
import { buildCorpus, corpusBytes, loadExamples } from "./corpus.js";
import { measureExtractCli, measureIngest } from "./ingestBench.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const { values } = parseArgs({ options: { mb: { type: "string", default: "20" }, examples: { type: "string" }, "peer-mb": { type: "string" }, "no-peers": { type: "boolean" }, "no-ingest": { type: "boolean" } } });
const targetMB = Number(values.mb);
const examples = loadExamples(values.examples ?? path.join(root, "examples", "articles"));
const corpus = buildCorpus(examples, targetMB * 1e6);
const bytes = corpusBytes(corpus);
const MB = bytes / 1e6;
const work = mkdtempSync(path.join(tmpdir(), "parley-bench-"));
const corpusFile = path.join(work, "corpus.jsonl");
writeFileSync(corpusFile, corpus.map((a) => JSON.stringify(a)).join("\n") + "\n");
console.log(`corpus: ${corpus.length} articles, ${MB.toFixed(1)} MB (UTF-8), from ${examples.length} example articles; one core, node ${process.version}\n`);

const measureJs = path.join(root, "dist", "bench", "measure.js");
const measure = (args: string[]) => JSON.parse(execFileSync(process.execPath, [measureJs, ...args], { encoding: "utf8", maxBuffer: 1 << 26 })) as
  { totalMs: number; stageMs?: Record<string, number>; maxRssMB: number };

const rows: string[][] = [["stage", "stage s", "stage MB/s", "pipeline to here MB/s", "articles/s", "share of pipeline", "peak RSS MB"]];
const full = measure(["parley", STAGES[STAGES.length - 1].name, corpusFile]);
const fullTotal = Object.values(full.stageMs!).reduce((x, y) => x + y, 0);
let cumulativeMs = 0;
for (const f of STAGES) {
  // Peak RSS of the pipeline up to this stage comes from a run that stops there.
  const upTo = f === STAGES[STAGES.length - 1] ? full : measure(["parley", f.name, corpusFile]);
  const ms = full.stageMs![f.name];
  cumulativeMs += ms;
  rows.push([f.name, (ms / 1000).toFixed(2), (MB / (ms / 1000)).toFixed(1), (MB / (cumulativeMs / 1000)).toFixed(2),
    (corpus.length / (cumulativeMs / 1000)).toFixed(0), `${((100 * ms) / fullTotal).toFixed(1)}%`, upTo.maxRssMB.toFixed(0)]);
}
rows.push(["total", (full.totalMs / 1000).toFixed(2), "", (MB / (full.totalMs / 1000)).toFixed(2), (corpus.length / (full.totalMs / 1000)).toFixed(0), "100%", full.maxRssMB.toFixed(0)]);
printTable(rows);

if (!values["no-peers"]) {
  const peerMB = values["peer-mb"] ? Number(values["peer-mb"]) : targetMB;
  const peerCorpusFile = peerMB >= MB ? corpusFile : path.join(work, "peer.jsonl");
  const peerCorpus = peerMB >= MB ? corpus : buildCorpus(examples, peerMB * 1e6);
  if (peerCorpusFile !== corpusFile) writeFileSync(peerCorpusFile, peerCorpus.map((a) => JSON.stringify(a)).join("\n") + "\n");
  const peerBytes = corpusBytes(peerCorpus) / 1e6;
  const parleyMBs = MB / (full.totalMs / 1000);
  const segmentMBs = MB / (full.stageMs![STAGES[0].name] / 1000);
  console.log(`\npeers on ${peerBytes.toFixed(1)} MB of the same corpus:`);
  const peerRows = [["peer", "MB/s", "articles/s", "peak RSS MB", "Parley pipeline ÷ peer", "Parley segment ÷ peer"]];
  for (const [name, label] of [["wink", "wink-nlp readDoc + POS"], ["compromise", "compromise people/places/orgs"]] as const) {
    const r = measure([name, peerCorpusFile]);
    const mbs = peerBytes / (r.totalMs / 1000);
    peerRows.push([label, mbs.toFixed(2), (peerCorpus.length / (r.totalMs / 1000)).toFixed(0), r.maxRssMB.toFixed(0),
      `${(parleyMBs / mbs).toFixed(1)}×`, `${(segmentMBs / mbs).toFixed(1)}×`]);
  }
  printTable(peerRows);
}

if (!values["no-ingest"]) {
  // Extract-only on the same corpus is the full pipeline row above (one core, no store).
  const extractMBs = MB / (full.totalMs / 1000);
  const cliExtract = measureExtractCli(root, corpusFile, MB);
  console.log(`\nextract-only, whole process (parley extract --format jsonl > /dev/null): ${cliExtract.seconds.toFixed(1)} s, ${cliExtract.mbs.toFixed(2)} MB/s`);
  console.log("ingest into SQLite (parley ingest, whole process incl. start-up and event linking):");
  const rows = [["workers", "seconds", "MB/s", "× extract (whole process)", "× pipeline alone (table above)"]];
  for (const r of measureIngest(root, corpusFile, work, MB)) {
    rows.push([String(r.workers), r.seconds.toFixed(1), r.mbs.toFixed(2), `${(r.mbs / cliExtract.mbs).toFixed(2)}×`, `${(r.mbs / extractMBs).toFixed(2)}×`]);
  }
  printTable(rows);
}
rmSync(work, { recursive: true, force: true });

function printTable(t: string[][]) {
  const widths = t[0].map((_, c) => Math.max(...t.map((r) => (r[c] ?? "").length)));
  for (const r of t) console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  "));
}
