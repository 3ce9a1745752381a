// Trains the content tagger of the quotes stage (src/quotes/contentTagger.ts) and writes
// data/quotes/content-tagger.json: per-word cue rates and averaged-perceptron weights.
//
//   npm run train:quotes -- [TRAIN.jsonl] [--epochs N] [--holdout K] [--min-feature N]
//
// TRAIN defaults to ../shared/eval/quotes/polnear.train.jsonl (PolNeAR's training split:
// articles with source, cue and content spans). Only the training split is read; dev is
// for measuring. --holdout K trains on all but every K-th article and prints the token
// accuracy and span F1 (exact, and at 80% token overlap as the scorer counts) on the ones
// left out, per epoch (to choose --epochs), then stops; nothing is written.
// Deterministic: articles are visited in a fixed pseudo-random order from a fixed seed.
// The reports the rules find (src/quotes/attributions.ts, with data/quotes/cues.json) are
// among the features, so retrain after changing either.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createPipeline } from "../dist/src/pipeline.js";
import { loadCues } from "../dist/src/quotes/cues.js";
import { findMarkSpans } from "../dist/src/quotes/quoteMarks.js";
import { newQuoteContext } from "../dist/src/quotes/quoteContext.js";
import { findAttributions } from "../dist/src/quotes/attributions.js";
import { LABELS, MAX_FEATURES, featureLexicon, ruleCodes, historyFeatures, sentenceView, tokenFeatures, worthTagging } from "../dist/src/quotes/contentFeatures.js";
import { bestSequence } from "../dist/src/quotes/contentTagger.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const trainPath = args.find((a, i) => !a.startsWith("--") && !(i > 0 && args[i - 1].startsWith("--"))) ?? path.join(root, "../shared/eval/quotes/polnear.train.jsonl");
const EPOCHS = Number(opt("--epochs", "10"));
const HOLDOUT = Number(opt("--holdout", "0"));
const MIN_WORD = 3; // occurrences before a word's cue rate is trusted
// Features seen fewer than MIN_FEATURE times in training are left out: they would only
// memorise single sentences, swell the weights file and slow the lookups.
const MIN_FEATURE = Number(opt("--min-feature", "50"));
const dataDir = path.join(root, "data");

const articles = readFileSync(trainPath, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
const pipeline = createPipeline({ dataDir, until: "actors" });
const cues = loadCues(dataDir);

// ---- 1. run the stages before quotes; locate each gold cue in the text ----------------
const docs = [];
for (const a of articles) {
  const doc = pipeline.run({ id: a.id, text: a.text, published: a.date });
  const c = newQuoteContext(doc, cues, findMarkSpans(doc.text, doc.tokens, doc.paragraphs ?? []));
  docs.push({ a, c, rules: ruleCodes(c, findAttributions(c)) });
}

/** The occurrence of a cue's text nearest to its content (outside it where possible). */
function locateCue(text, q) {
  if (!q.cue) return null;
  const lo = Math.max(0, Math.min(q.start, q.speaker_start ?? q.start) - 300);
  const hi = Math.min(text.length, Math.max(q.end, q.speaker_end ?? q.end) + 300);
  let best = null, bestScore = Infinity;
  for (let at = text.indexOf(q.cue, lo); at >= 0 && at + q.cue.length <= hi; at = text.indexOf(q.cue, at + 1)) {
    const end = at + q.cue.length;
    const inside = at >= q.start && end <= q.end;
    const dist = end <= q.start ? q.start - end : at >= q.end ? at - q.end : 0;
    const score = dist + (inside ? 1000 : 0);
    if (score < bestScore) { bestScore = score; best = [at, end]; }
  }
  return best;
}

// ---- 2. cue rates: how often each word lies inside a gold cue --------------------------
const total = new Map(), inCue = new Map();
for (const { a, c } of docs) {
  const v = c.v, t = c.doc.tokens;
  const cueTok = new Uint8Array(t.count);
  for (const q of a.quotes) {
    const span = locateCue(a.text, q);
    if (!span) continue;
    for (let i = 0; i < t.count; i++) if (t.starts[i] < span[1] && t.ends[i] > span[0]) cueTok[i] = 1;
  }
  for (let i = 0; i < t.count; i++) {
    const w = v.lower(i);
    total.set(w, (total.get(w) ?? 0) + 1);
    if (cueTok[i]) inCue.set(w, (inCue.get(w) ?? 0) + 1);
  }
}
const rates = new Map();
for (const [w, n] of [...inCue].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
  const all = total.get(w);
  if (all >= MIN_WORD && n >= 2 && n / all >= 0.02) rates.set(w, Math.round((n / all) * 1000) / 1000);
}
console.error(`cue rates for ${rates.size} words`);

// ---- 3. vocabulary, and the examples: tagged sentences with gold O/B/I labels ----------
// Words seen at least MIN_FEATURE times in training get an id; the rest share "unknown"
// (a rarer word could not make any feature frequent enough to keep).
const wordCount = new Map();
docs.forEach(({ c }, di) => {
  if (HOLDOUT > 0 && di % HOLDOUT === 0) return;
  for (let i = 0; i < c.v.count; i++) wordCount.set(c.v.lower(i), (wordCount.get(c.v.lower(i)) ?? 0) + 1);
});
const vocab = [...wordCount].filter(([, n]) => n >= MIN_FEATURE).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([w]) => w);
const lex = featureLexicon(vocab, rates);

const seen = new Map();
const featId = new Map();
const idOf = (k, grow) => {
  let id = featId.get(k);
  if (id === undefined && grow && (seen.get(k) ?? 0) >= MIN_FEATURE) { id = featId.size; featId.set(k, id); }
  return id;
};
const keys = new Int32Array(MAX_FEATURES);
function eachSentence({ c, rules }, fn) {
  const t = c.doc.tokens;
  for (let si = 0; si + 1 < t.sentenceTokenStart.length; si++) {
    const from = t.sentenceTokenStart[si], to = t.sentenceTokenStart[si + 1] - 1;
    if (to < from) continue;
    const s = sentenceView(c, lex, rules, from, to);
    fn(s, from, to, worthTagging(c, s));
  }
}
docs.forEach((d, di) => {
  const { c } = d;
  if (HOLDOUT > 0 && di % HOLDOUT === 0) return;
  const count = (n) => { for (let f = 0; f < n; f++) seen.set(keys[f], (seen.get(keys[f]) ?? 0) + 1); };
  eachSentence(d, (s, from, to, worth) => {
    if (!worth) return;
    for (let i = from; i <= to; i++) {
      count(tokenFeatures(c, s, i, keys));
      for (let p = 0; p < 3; p++) count(historyFeatures(s, i, p, keys));
    }
  });
});
const examples = [];
let goldTokens = 0, goldCovered = 0;
docs.forEach((d, di) => {
  const { a, c } = d;
  const t = c.doc.tokens;
  const label = new Uint8Array(t.count);
  // Overlapping (nested) gold spans are taken as their union: the tagger marks the outermost.
  const spans = a.quotes.map((q) => [q.start, q.end]).sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  const merged = [];
  for (const sp of spans) {
    const last = merged[merged.length - 1];
    if (last && sp[0] < last[1]) last[1] = Math.max(last[1], sp[1]); else merged.push([...sp]);
  }
  let ti = 0;
  for (const [s, e] of merged) {
    while (ti < t.count && t.ends[ti] <= s) ti++;
    let first = true;
    for (let i = ti; i < t.count && t.starts[i] < e; i++) { label[i] = first ? 1 : 2; first = false; }
  }
  const held = HOLDOUT > 0 && di % HOLDOUT === 0;
  eachSentence(d, (s, from, to, worth) => {
    const gold = label.slice(from, to + 1);
    // A span running on from the previous sentence begins again here.
    if (gold[0] === 2) gold[0] = 1;
    const content = gold.reduce((n, l) => n + (l ? 1 : 0), 0);
    goldTokens += content;
    if (!worth) return;
    goldCovered += content;
    const ids = (n) => { const out = []; for (let f = 0; f < n; f++) { const id = idOf(keys[f], !held); if (id !== undefined) out.push(id); } return Int32Array.from(out); };
    const obs = [], hist = [];
    for (let i = from; i <= to; i++) {
      obs.push(ids(tokenFeatures(c, s, i, keys)));
      for (let p = 0; p < 3; p++) hist.push(ids(historyFeatures(s, i, p, keys)));
    }
    examples.push({ obs, hist, gold, held });
  });
});
console.error(`${vocab.length} words, ${featId.size} features; ${examples.length} sentences tagged; ${goldCovered}/${goldTokens} gold content tokens in them`);

// ---- 4. structured averaged perceptron: Viterbi over the sentence, update on the differences
const L = LABELS.length;
let W = new Float64Array(featId.size * L), U = new Float64Array(featId.size * L); // weights, and their step-weighted sums
let step = 1;
function decode(ex, weights) {
  const n = ex.gold.length;
  const obs = new Float64Array(n * 3), hs = new Float64Array(n * 9), labels = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    for (const id of ex.obs[k]) for (let l = 0; l < 3; l++) obs[k * 3 + l] += weights[id * L + l];
    for (let p = 0; p < 3; p++) for (const id of ex.hist[k * 3 + p]) for (let l = 0; l < 3; l++) hs[(k * 3 + p) * 3 + l] += weights[id * L + l];
  }
  bestSequence(n, obs, hs, labels);
  return labels;
}
function update(ids, l, delta) {
  for (const id of ids) { W[id * L + l] += delta; U[id * L + l] += step * delta; }
}

let seed = 12345;
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 1) / 2147483648);
const train = examples.filter((e) => !e.held), held = examples.filter((e) => e.held);

function spansOf(labels) {
  const out = [];
  let start = -1;
  labels.forEach((l, i) => {
    if (l !== 2 && start >= 0) { out.push(`${start}:${i - 1}`); start = -1; }
    if (l === 1) start = i;
  });
  if (start >= 0) out.push(`${start}:${labels.length - 1}`);
  return out;
}
/** Predicted spans matching a gold one by at least 80% of the longer's tokens (as the scorer's word overlap). */
function overlapMatches(ps, gs) {
  const used = new Set();
  let m = 0;
  for (const p of ps) {
    const [pf, pt] = p.split(":").map(Number);
    for (const g of gs) {
      if (used.has(g)) continue;
      const [gf, gt] = g.split(":").map(Number);
      const o = Math.min(pt, gt) - Math.max(pf, gf) + 1;
      if (o / Math.max(pt - pf + 1, gt - gf + 1) >= 0.8) { used.add(g); m++; break; }
    }
  }
  return m;
}
function evaluate(set, avgW) {
  let ok = 0, n = 0, tp = 0, np = 0, ng = 0, tp80 = 0;
  for (const ex of set) {
    const pred = decode(ex, avgW);
    for (let k = 0; k < pred.length; k++) { if (pred[k] === ex.gold[k]) ok++; n++; }
    const ps = spansOf([...pred]), gs = new Set(spansOf([...ex.gold]));
    np += ps.length; ng += gs.size; tp += ps.filter((x) => gs.has(x)).length; tp80 += overlapMatches(ps, [...gs]);
  }
  const f1 = (t) => { const p = t / (np || 1), r = t / (ng || 1); return `P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${((2 * p * r) / (p + r || 1)).toFixed(3)}`; };
  return `token acc ${(ok / n).toFixed(4)}  exact span ${f1(tp)}  80% overlap ${f1(tp80)}`;
}
const averaged = () => { const a = new Float64Array(W.length); for (let i = 0; i < W.length; i++) a[i] = W[i] - U[i] / step; return a; };

for (let epoch = 1; epoch <= EPOCHS; epoch++) {
  const order = train.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
  let errors = 0;
  for (const ei of order) {
    const ex = train[ei];
    const pred = decode(ex, W);
    for (let k = 0; k < pred.length; k++) {
      const g = ex.gold[k], p = pred[k];
      const gp = k ? ex.gold[k - 1] : 0, pp = k ? pred[k - 1] : 0;
      if (g === p && gp === pp) continue;
      if (g !== p) errors++;
      update(ex.obs[k], g, 1); update(ex.obs[k], p, -1);
      update(ex.hist[k * 3 + gp], g, 1); update(ex.hist[k * 3 + pp], p, -1);
    }
    step++;
  }
  console.error(`epoch ${epoch}: ${errors} token errors` + (held.length ? `; held out: ${evaluate(held, averaged())}` : ""));
}
if (HOLDOUT > 0) process.exit(0);

// ---- 5. write the averaged weights, dropping the negligible ones -------------------------
const avg = averaged();
const outKeys = [], outWeights = [];
for (const [k, id] of featId) {
  const w = [0, 1, 2].map((l) => Math.round(avg[id * L + l] * 100) / 100);
  if (w.every((x) => Math.abs(x) < 0.05)) continue;
  outKeys.push(k);
  outWeights.push(...w);
}
const out = {
  _source: "Trained by scripts/train-quote-tagger.mjs on the PolNeAR training split (networkdynamics/PolNeAR, Newell et al., LREC 2018): each word's share of training occurrences inside an annotated cue (rates), the words seen at least fifty times (vocab; id = position + 3), and averaged-perceptron weights (three per feature: O, B, I) keyed by the numeric feature keys of src/quotes/contentFeatures.ts. Single words only, never sentences of the articles.",
  epochs: EPOCHS,
  labels: LABELS,
  rates: Object.fromEntries(rates),
  vocab,
  keys: outKeys,
  weights: outWeights,
};
const file = path.join(dataDir, "quotes", "content-tagger.json");
writeFileSync(file, JSON.stringify(out) + "\n");
console.error(`${outKeys.length} of ${featId.size} features kept; wrote ${file}`);
