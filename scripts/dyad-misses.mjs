#!/usr/bin/env node
// Lists PLOVER-style dyad misses: gold events whose type we predicted but whose
// source/target countries we did not. For each, what we predicted (actor names and
// countries) and what the gold wanted, so failures can be grouped into classes.
//
//   node scripts/dyad-misses.mjs GOLD.jsonl [--all]
// Run `npm run build` first. Reads the gold at run time; prints to stdout only.
import { readFileSync } from "node:fs";
import { createPipeline } from "../dist/src/pipeline.js";

const [goldPath, ...flags] = process.argv.slice(2);
if (!goldPath) { console.error("usage: node scripts/dyad-misses.mjs GOLD.jsonl [--all]"); process.exit(2); }
const pipeline = createPipeline();
const countriesIn = (codes) => new Set(String(codes ?? "").split("|").map((c) => c.trim().slice(0, 3)).filter((c) => c && c !== "---"));
const fits = (set, c) => set.size === 0 || (c != null && set.has(c));
let misses = 0, igo = 0, igoExplained = 0, noType = 0;
for (const line of readFileSync(goldPath, "utf8").split("\n")) {
  if (!line.trim()) continue;
  const g = JSON.parse(line);
  const doc = pipeline.analyze({ text: g.text, id: g.id, published: g.published ?? g.date ?? null });
  const actors = new Map(doc.actors.map((a) => [a.id, a]));
  const desc = (id) => { const a = id ? actors.get(id) : null; return a ? `${a.name}[${a.country ?? a.sector ?? "-"}]` : "∅"; };
  for (const ge of g.events ?? []) {
    const gs = countriesIn(ge.source), gt = countriesIn(ge.target);
    const sameType = doc.events.filter((e) => e.type === ge.code);
    if (!sameType.length) { noType++; if (flags.includes("--all")) console.log(`NOTYPE ${g.id}\n  ${g.text}\n  gold ${ge.code} ${ge.source} -> ${ge.target}; pred ${doc.events.map((e) => e.type).join(",")}`); continue; }
    const ok = sameType.some((e) => {
      const ps = actors.get(e.source)?.country ?? null, pt = actors.get(e.target)?.country ?? null;
      return (fits(gs, ps) && fits(gt, pt)) || (ge.reciprocal && fits(gs, pt) && fits(gt, ps));
    });
    if (ok) continue;
    misses++;
    const isIgo = /IGO/.test(`${ge.source}|${ge.target}`);
    if (isIgo) igo++;
    // Would it match if an international organisation's actor carried "IGO" as its country, as the gold does?
    const igoCountry = (id) => { const a = actors.get(id); return a?.country ?? (a?.sector === "IGO" ? "IGO" : null); };
    if (isIgo && sameType.some((e) => { const ps = igoCountry(e.source), pt = igoCountry(e.target); return (fits(gs, ps) && fits(gt, pt)) || (ge.reciprocal && fits(gs, pt) && fits(gt, ps)); })) igoExplained++;
    console.log(`${isIgo ? "IGO " : ""}MISS ${g.id}${g.note ? ` (${g.note})` : ""}`);
    console.log(`  ${g.text}`);
    console.log(`  gold ${ge.code}: ${ge.source || "·"} -> ${ge.target || "·"}${ge.reciprocal ? " (reciprocal)" : ""}`);
    for (const e of sameType) console.log(`  pred ${e.type} ${e.cameo}: ${desc(e.source)} -> ${desc(e.target)}  «${doc.text.slice(e.evidence[0], e.evidence[1])}»`);
  }
}
console.log(`\n${misses} dyad misses with the type found (${igo} involve IGO codes, ${igoExplained} of them would match with "IGO" as an organisation's country); ${noType} gold events without the type`);
