#!/usr/bin/env node
// Lists PolNeAR-style quotation misses: gold quotations of one type (direct by default)
// that no prediction matches at 80% word overlap (the shared scorer's pairing), each with
// the prediction nearest it, so that misses can be grouped into classes of failure.
//
//   node scripts/quote-misses.mjs GOLD.jsonl [direct|mixed|indirect] [--context]
// Run `npm run build` first. Reads the gold at run time; prints to stdout only.
import { readFileSync } from "node:fs";
import { createPipeline } from "../dist/src/pipeline.js";
import { pairBest, wordOverlap } from "../dist/src/eval/textMatch.js";
import { QUOTE_MATCH } from "../dist/src/eval/quoteMetrics.js";

const [goldPath, type = "direct"] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const withContext = process.argv.includes("--context");
if (!goldPath) { console.error("usage: node scripts/quote-misses.mjs GOLD.jsonl [type] [--context]"); process.exit(2); }
const pipeline = createPipeline();
let gold = 0, missed = 0;
for (const line of readFileSync(goldPath, "utf8").split("\n")) {
  if (!line.trim()) continue;
  const g = JSON.parse(line);
  const doc = pipeline.analyze({ text: g.text, id: g.id, published: g.date ?? null });
  const m = pairBest(g.quotes, doc.quotes, (a, b) => wordOverlap(a.text, b.text), QUOTE_MATCH);
  g.quotes.forEach((q, gi) => {
    if (q.type !== type) return;
    gold++;
    if (m.has(gi)) return;
    missed++;
    let best = null, bs = 0;
    for (const p of doc.quotes) { const s = wordOverlap(q.text, p.text); if (s > bs) { bs = s; best = p; } }
    console.log(`MISS ${g.id} @${q.start} speaker=${q.speaker} cue=${q.cue}`);
    if (withContext) console.log(`  ctx: …${g.text.slice(Math.max(0, q.start - 120), q.start).replace(/\n/g, "¶")}[[…]]${g.text.slice(q.end, q.end + 80).replace(/\n/g, "¶")}…`);
    console.log(`  gold: ${JSON.stringify(q.text)}`);
    console.log(best ? `  near ${bs.toFixed(2)} ${best.type} @${best.start}: ${JSON.stringify(best.text)}` : "  near: none");
  });
}
console.log(`\n${type} missed ${missed}/${gold}`);
