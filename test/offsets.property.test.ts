// Properties every output must have, over every example article, the seed and random
// text: each span lies inside the text, text.slice(start, end) is the span's own text
// where the item carries one, sentences nest in paragraphs, and output is deterministic.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { createPipeline } from "../src/pipeline.js";
import type { ContractDocument } from "../src/model/index.js";
import { repoRoot, hasShared, seedPath } from "./helpers.js";

const pipeline = createPipeline();

/** Every [start, end] span in a contract document, with the text it claims to cover where it has one. */
export function spansOf(doc: ContractDocument): Array<{ where: string; start: number; end: number; text?: string }> {
  const out: Array<{ where: string; start: number; end: number; text?: string }> = [];
  doc.paragraphs.forEach(([s, e], i) => out.push({ where: `paragraphs[${i}]`, start: s, end: e }));
  doc.sentences.forEach(([s, e], i) => out.push({ where: `sentences[${i}]`, start: s, end: e }));
  doc.mentions?.forEach((m, i) => out.push({ where: `mentions[${i}]`, start: m.start, end: m.end }));
  doc.times?.forEach((t, i) => out.push({ where: `times[${i}]`, start: t.start, end: t.end, text: t.text }));
  doc.quotes?.forEach((q, i) => {
    out.push({ where: `quotes[${i}]`, start: q.start, end: q.end, text: q.text });
    if (q.speakerStart != null && q.speakerEnd != null) out.push({ where: `quotes[${i}].speaker`, start: q.speakerStart, end: q.speakerEnd });
    if (q.cue != null && q.cueStart != null) out.push({ where: `quotes[${i}].cue`, start: q.cueStart, end: q.cueStart + q.cue.length, text: q.cue });
  });
  doc.events?.forEach((e, i) => out.push({ where: `events[${i}].evidence`, start: e.evidence[0], end: e.evidence[1] }));
  doc.positions?.forEach((p, i) => out.push({ where: `positions[${i}].evidence`, start: p.evidence[0], end: p.evidence[1] }));
  return out;
}

function checkDocument(doc: ContractDocument, label: string) {
  for (const s of spansOf(doc)) {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start <= s.end && s.end <= doc.text.length,
      `${label} ${s.where}: [${s.start}, ${s.end}) outside the text (length ${doc.text.length})`);
    if (s.text !== undefined) assert.equal(doc.text.slice(s.start, s.end), s.text, `${label} ${s.where}`);
  }
  for (const [s, e] of doc.sentences) {
    assert.ok(doc.paragraphs.some(([ps, pe]) => ps <= s && e <= pe), `${label}: sentence [${s}, ${e}) crosses a paragraph`);
    assert.equal(doc.text.slice(s, e).trim(), doc.text.slice(s, e), `${label}: sentence [${s}, ${e}) not trimmed`);
  }
  for (let i = 1; i < doc.sentences.length; i++) assert.ok(doc.sentences[i - 1][1] <= doc.sentences[i][0], `${label}: sentences overlap`);
  const ids = new Set((doc.actors ?? []).map((a) => a.id));
  for (const m of doc.mentions ?? []) assert.ok(ids.has(m.actor), `${label}: mention of unknown actor ${m.actor}`);
  for (const q of doc.quotes ?? []) if (q.speaker != null) assert.ok(ids.has(q.speaker), `${label}: quote ${q.id} speaker ${q.speaker} unknown`);
  for (const e of doc.events ?? []) for (const a of [e.source, e.target]) if (a != null) assert.ok(ids.has(a), `${label}: event ${e.id} actor ${a} unknown`);
}

function corpus(): Array<{ label: string; text: string; published: string | null }> {
  const out: Array<{ label: string; text: string; published: string | null }> = [];
  const dir = path.join(repoRoot, "examples", "articles");
  if (existsSync(dir)) {
    const index = existsSync(path.join(dir, "index.json")) ? JSON.parse(readFileSync(path.join(dir, "index.json"), "utf8")) as Array<{ file: string; published?: string }> : [];
    for (const f of readdirSync(dir).filter((f) => f.endsWith(".txt")).sort()) {
      out.push({ label: f, text: readFileSync(path.join(dir, f), "utf8"), published: index.find((x) => x.file === f)?.published ?? null });
    }
  }
  if (hasShared) out.push({ label: "seed", text: readFileSync(seedPath, "utf8"), published: "2025-03-16" });
  return out;
}

test("every span of every output over the example articles and the seed indexes its text", () => {
  const docs = corpus();
  assert.ok(docs.length > 0, "no articles to check");
  for (const { label, text, published } of docs) checkDocument(pipeline.analyze({ text, published }), label);
});

test("output is deterministic: same input, same output, same ids", () => {
  for (const { text, published } of corpus()) {
    const a = JSON.stringify(createPipeline().analyze({ text, published }));
    const b = JSON.stringify(pipeline.analyze({ text, published }));
    assert.equal(a, b);
  }
});

test("random text: spans stay inside the text and nest (property)", () => {
  const pieces = ["The", "minister", "said", "Mr.", "U.S.", "“", "”", "\"", "'", "’", "‘", ".", "!", "?", "…", "...", ",", ":", ";", "–", "—", "-",
    "(", ")", "[", "]", "3.5", "10,000", "he", "Kyiv", "\n", "\n\n", " ", "  ", "\t", "é", "🙂", "\u00a0", "a.m.", "J.", "No.", "Sept."];
  fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 120 }), fc.array(fc.constantFrom(" ", ""), { maxLength: 120 }), (words, gaps) => {
    const text = words.map((w, i) => w + (gaps[i] ?? " ")).join("");
    const doc = pipeline.analyze({ text, id: "prop", published: "2024-02-29" });
    checkDocument(doc, JSON.stringify(text));
  }), { numRuns: 400, seed: 42 });
});
