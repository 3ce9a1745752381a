// Our scorer must print the reference scorer's figures. Checked on synthetic gold and
// predictions written to exercise every branch, and on the real gold sets with our own
// predictions.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { scoreDocuments, formatReport } from "../src/eval/index.js";
import { cliPath, needsShared, sharedDir } from "./helpers.js";

const dir = mkdtempSync(path.join(tmpdir(), "parley-eval-"));
const jsonl = (name: string, docs: unknown[]) => {
  const p = path.join(dir, name);
  writeFileSync(p, docs.map((d) => JSON.stringify(d)).join("\n") + "\n");
  return p;
};
const reference = (gold: string, pred: string, json = true) => {
  const r = spawnSync(process.execPath, [path.join(sharedDir, "eval", "score.mjs"), "--gold", gold, "--pred", pred, ...(json ? ["--json"] : [])], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return json ? JSON.parse(r.stdout) : r.stdout;
};
const ours = (gold: string, pred: string) => {
  const r = spawnSync(process.execPath, [cliPath, "eval", "--gold", gold, "--pred", pred, "--json"], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
};

const text1 = "The envoy said the talks had failed. “We will not return,” Ms Okafor told reporters. He called it a “charm offensive”.";
const GOLD = [
  {
    id: "d1", text: text1,
    quotes: [
      { text: "the talks had failed", type: "indirect", speaker: "Ada Okafor", speaker_start: 0, speaker_end: 10, required: true },
      { text: "We will not return,", type: "direct", speaker: "Ada Okafor", required: true },
      { text: "a line nobody found", type: "direct", speaker: "Someone Else" },
    ],
    not_quotes: [{ text: "charm offensive" }],
    events: [
      { plover: "ACCUSE", source: "NGA", target: "GHA", required: true },
      { plover: "AGREE", plover_alternatives: ["SUPPORT"], source: "NGA", target: "GHA", symmetric: true },
      { plover: "CONSULT", source: "NGA", target: null },
    ],
    dates: [{ text: "on Friday", value: "2024-05-03" }, { text: "last week", value: "2024-W17" }],
    actors: [{ name: "Ada Okafor", country: "NGA" }, { name: "Ghana", country: "GHA" }, { name: "ECOWAS", country: null }],
    positions: [
      { country: "NGA", issue: ["ceasefire"], stance: ["proposes", "supports"] },
      { country: "GHA", issue: ["border"], stance: ["rejects"] },
    ],
  },
  { id: "d2", text: "Nigeria and Ghana agreed to reopen the border.", events: [{ code: "AGREE", source: "NGA|GHA", target: "", reciprocal: true }] },
  { id: "d3", text: "Ghana accused Nigeria.", events: [{ code: "ACCUSE", source: "GHAGOV", target: "NGA" }] },
  { id: "d4", text: "Ghanaian police arrested protesters.", events: [{ code: "173", source: "GHACOP", target: "GHACVL" }] },
  { id: "d5", text: "Rebels shelled the town.", events: [{ code: "PENTA4", source: "rebels", target: "the town" }], spans: { S: ["Rebels"], T: ["the town"], R: [] } },
  { id: "d6", text: "A missing prediction.", quotes: [{ text: "A missing prediction", speaker: "x" }] },
  { id: "r1", text: "Nigerian soldiers", expect: { country: "NGA", code_1: "MIL" } },
  { id: "r2", text: "the African Union", expect: { country: "IGO" } },
  { id: "r3", text: "smugglers", expect: { country: "", code_1: "CRM" } },
];
const PRED = [
  {
    id: "d1", text: text1,
    actors: [
      { id: "a1", name: "Ada Okafor", country: "NGA", code: "NGAGOV" }, { id: "a2", name: "Ghana", country: "GHA", code: "GHA" },
      { id: "a3", name: "ECOWAS", country: null, code: "IGOWAFECW" }, { id: "a4", name: "Someone", country: "NGA", code: "NGA" },
    ],
    mentions: [{ start: 0, end: 10, actor: "a4" }, { start: 57, end: 66, actor: "a1" }],
    times: [{ start: 0, end: 6, text: "Friday", value: "2024-05-03" }, { start: 0, end: 9, text: "last week", value: "2024-W16" }],
    quotes: [
      { id: "q1", start: 18, end: 36, text: "the talks had failed", speaker: "a4", speakerStart: 4, speakerEnd: 10 },
      { id: "q2", start: 38, end: 56, text: "We will not return", speaker: null, speakerText: "Okafor" },
      { id: "q3", start: 100, end: 115, text: "charm offensive", speaker: "a1" },
    ],
    events: [
      { id: "e1", type: "ACCUSE", cameo: "112", source: "a1", target: "a2" },
      { id: "e2", type: "SUPPORT", cameo: "051", source: "a2", target: "a1" },
      { id: "e3", type: "CONSULT", cameo: "040", source: "a1", target: "a2" },
      { id: "e4", type: "ASSAULT", cameo: "190", source: null, target: null },
    ],
    positions: [
      { actor: "a1", stance: "supports", issue: "ceasefire", detail: "" },
      { actor: "a2", stance: "accepts", issue: "border crossings", detail: null },
    ],
  },
  { id: "d2", text: "x", actors: [{ id: "a1", name: "Ghana", country: "GHA", code: "GHA" }, { id: "a2", name: "Nigeria", country: "NGA", code: "NGA" }],
    events: [{ type: "AGREE", source: null, target: "a1" }, { type: "AGREE", source: "a2", target: null }] },
  { id: "d3", text: "x", actors: [{ id: "a1", name: "Ghana", country: "GHA", code: "GHAGOV" }, { id: "a2", name: "Nigeria", country: "NGA", code: "NGAGOV" }],
    events: [{ type: "ACCUSE", cameo: "112", source: "a1", target: "a2" }] },
  { id: "d4", text: "x", actors: [{ id: "a1", name: "police", country: "GHA", code: "GHACOP" }, { id: "a2", name: "protesters", country: "GHA", code: "GHACVL" }],
    events: [{ type: "COERCE", cameo: "173", source: "a1", target: "a2" }, { type: "COERCE", cameo: "17", source: "a1", target: "a2" }] },
  { id: "d5", text: "Rebels shelled the town.", actors: [{ id: "a1", name: "rebels", country: null, code: "REB" }],
    mentions: [{ start: 0, end: 6, actor: "a1" }], events: [{ type: "ASSAULT", cameo: "195", source: "a1", target: null }] },
  { id: "r1", text: "Nigerian soldiers", actor: { name: "Nigerian soldiers", country: "NGA", sector: "MIL", code: "NGAMIL" } },
  { id: "r2", text: "the African Union", actor: { name: "African Union", country: null, sector: "IGO", code: "IGOAFRAU" } },
  { id: "r3", text: "smugglers", actor: null },
];

test("our scorer agrees with the reference scorer on synthetic gold covering every metric", { skip: needsShared() }, () => {
  const gold = jsonl("gold.jsonl", GOLD), pred = jsonl("pred.jsonl", PRED);
  const want = reference(gold, pred);
  assert.deepEqual(ours(gold, pred), want);
  // The table layout too.
  assert.equal(formatReport(scoreDocuments(GOLD as never, PRED as never)), reference(gold, pred, false));
});

test("hand-computed figures on the synthetic set", () => {
  const r = scoreDocuments(GOLD as never, PRED as never) as Record<string, Record<string, unknown>>;
  assert.equal(r.docs as unknown, 9);
  assert.equal(r.missing as unknown, 1);
  assert.deepEqual(r.required, { quotes: "2/2", events: "1/1" });
  assert.equal(r.not_quotes_attributed as unknown, "1/1");
  // "on Friday" is found as "Friday" with the right day; "last week" is found with the wrong week.
  assert.equal(r.dates as unknown, "1/2");
  assert.deepEqual(r.resolve, { country: 1, sector: 0.5, n: 3 });
});

test("agreement on the real gold sets with our own predictions", { skip: needsShared() }, () => {
  for (const set of ["seed/ceasefire-summit.gold.json", "events/plover-gsr.dev.jsonl", "quotes/polnear.dev.jsonl", "events/conflibert-cameo.train.jsonl"]) {
    const gold = path.join(sharedDir, "eval", set);
    const r = spawnSync(process.execPath, [cliPath, "eval", "--gold", gold, "--json"], { encoding: "utf8", maxBuffer: 1 << 26 });
    assert.equal(r.status, 0, `${set}: ${r.stderr}`);
    // The same predictions, printed by extract and scored by the reference.
    const isSeed = set.endsWith(".gold.json");
    const raw = readFileSync(gold, "utf8");
    const g = JSON.parse(isSeed ? raw : raw.split("\n")[0]);
    const args = isSeed ? ["extract", path.join(path.dirname(gold), g.file), "--published", g.published, "--format", "jsonl"] : ["extract", "--input-format", "jsonl", gold];
    const x = spawnSync(process.execPath, [cliPath, ...args], { encoding: "utf8", maxBuffer: 1 << 28 });
    const pred = path.join(dir, "real.jsonl");
    writeFileSync(pred, x.stdout);
    assert.deepEqual(JSON.parse(r.stdout), reference(gold, pred), set);
  }
});

test("eval: a missing gold file and a bad gold line exit 1 with the location; no --gold exits 2", () => {
  const run = (args: string[]) => spawnSync(process.execPath, [cliPath, "eval", ...args], { encoding: "utf8" });
  const missing = run(["--gold", path.join(dir, "nope.jsonl")]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /nope\.jsonl: cannot read: no such file/);
  const bad = path.join(dir, "bad.jsonl");
  writeFileSync(bad, '{"id":"a","text":"x"}\n{oops\n');
  const r = run(["--gold", bad]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /bad\.jsonl:2: not JSON/);
  assert.equal(run([]).status, 2);
});

test("agreement on the actor-resolution gold: parley eval equals parley resolve scored by the reference", { skip: needsShared() }, () => {
  const gold = path.join(sharedDir, "eval", "actors", "ngec-actors.dev.jsonl");
  const r = spawnSync(process.execPath, [cliPath, "eval", "--gold", gold, "--json"], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const x = spawnSync(process.execPath, [cliPath, "resolve", "--input-format", "jsonl", gold], { encoding: "utf8", maxBuffer: 1 << 26 });
  assert.equal(x.status, 0, x.stderr);
  const pred = path.join(dir, "resolved.jsonl");
  writeFileSync(pred, x.stdout);
  const want = reference(gold, pred);
  assert.ok(want.resolve.n > 100);
  assert.deepEqual(JSON.parse(r.stdout), want);
});
