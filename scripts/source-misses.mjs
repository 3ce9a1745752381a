#!/usr/bin/env node
// Lists ConfliBERT-style source misses: records with a gold source span (S, else R) that
// no predicted event names as its source, with what we predicted instead, so the misses
// can be grouped into classes. Same matching as the shared scorer's penta.source_found.
//
//   node scripts/source-misses.mjs GOLD.jsonl
// Run `npm run build` first. Reads the gold at run time; prints to stdout only.
import { readFileSync } from "node:fs";
import { createPipeline } from "../dist/src/pipeline.js";
import { wordOverlap, wordsOf } from "../dist/src/eval/textMatch.js";

const goldPath = process.argv[2];
if (!goldPath) { console.error("usage: node scripts/source-misses.mjs GOLD.jsonl"); process.exit(2); }
const pipeline = createPipeline();
let gold = 0, ok = 0;
for (const line of readFileSync(goldPath, "utf8").split("\n")) {
  if (!line.trim()) continue;
  const g = JSON.parse(line);
  const spans = g.spans?.S?.length ? g.spans.S : g.spans?.R ?? [];
  if (!spans.length || !(g.events ?? [])[0]) continue;
  gold++;
  const doc = pipeline.analyze({ text: g.text, id: g.id, published: g.published ?? g.date ?? null });
  const actors = new Map(doc.actors.map((a) => [a.id, a]));
  const namesOf = (id) => [actors.get(id)?.name, ...doc.mentions.filter((m) => m.actor === id).map((m) => doc.text.slice(m.start, m.end))].filter(Boolean);
  const hit = doc.events.some((e) => e.source != null && spans.some((span) => namesOf(e.source).some((n) => wordOverlap(n, span) > 0 && wordsOf(span).join(" ").includes(wordsOf(n).join(" ")))));
  if (hit) { ok++; continue; }
  const mentions = doc.mentions.map((m) => `${doc.text.slice(m.start, m.end)}→${actors.get(m.actor)?.name}`).join("; ");
  console.log(`MISS ${g.id} ${g.events[0].code}\n  ${g.text}\n  gold S: ${spans.join(" | ")}\n  mentions: ${mentions || "none"}`);
  for (const e of doc.events) console.log(`  pred ${e.type} ${e.cameo}: ${e.source ? namesOf(e.source)[0] : "∅"} -> ${e.target ? namesOf(e.target)[0] : "∅"}  «${doc.text.slice(e.evidence[0], e.evidence[1])}»`);
  if (!doc.events.length) console.log("  pred none");
}
console.log(`\nsource found ${ok}/${gold}`);
