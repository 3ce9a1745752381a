// The actor finders' fast token keys must say exactly what the plain string operations
// say: WordIds.idOfLower against toLowerCase + Map lookup (including the letters whose
// lower case is not one unit of its own), and KeyedTokenView against TokenView on every
// example article.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { WordIds } from "../src/actors/wordIds.js";
import { KeyedTokenView } from "../src/actors/keyedTokenView.js";
import { TokenView } from "../src/actors/tokenView.js";
import { ScratchArrays } from "../src/actors/scratchArrays.js";
import { stableOrder } from "../src/actors/stableOrder.js";
import { compileActorKnowledge } from "../src/actors/knowledge.js";
import { createPipeline } from "../src/pipeline.js";
import { slug } from "../src/kb/slug.js";
import { nameTokens } from "../src/kb/nameIndex.js";
import { tokenize } from "../src/segment/tokenize.js";
import { repoRoot } from "./helpers.js";

function unitsOf(text: string): Uint16Array {
  return Uint16Array.from(text, (_, i) => text.charCodeAt(i));
}

test("idOfLower finds the same id as lower-casing the slice", () => {
  const words = new WordIds();
  const vocabulary = ["the", "ukraine", "kyiv", "zelenskyy", "erdoğan", "straße", "i̇stanbul", "οδος", "οδοσ", "ς", "a", ",", "’s", "al-", "x".repeat(40), "é"];
  for (const w of vocabulary) words.intern(w);
  const samples = ["The", "THE", "tHe", "Ukraine", "UKRAINE’s", "Kyiv's", "ERDOĞAN", "Erdoğan’s", "STRASSE", "Straße", "İstanbul", "ΟΔΟΣ", "ΟΔΟΣ’s", "οδος",
    "Σ", "A", ",", "’s", "Al-", "X".repeat(40), "X".repeat(39), "É", "e\u0301", "😀", "Zelenskyy", "zelensky", "", "the\ud800"];
  for (const s of samples) {
    const text = `«${s}»`;
    const units = unitsOf(text);
    const start = 1, end = 1 + s.length;
    assert.equal(words.idOfLower(text, units, start, end), words.id(s.toLowerCase()), `${s}`);
    for (const cut of [1, 2]) {
      if (s.length <= cut) continue;
      assert.equal(words.idOfLower(text, units, start, end, cut), words.id(s.toLowerCase().slice(0, -cut)), `${s} without ${cut}`);
    }
  }
});

test("idOfLower agrees with the Map for many words and random strings", () => {
  const words = new WordIds();
  const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ’'-.éÉğĞΣσς";
  let seed = 7;
  const rand = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x80000000; };
  const word = () => Array.from({ length: 1 + Math.floor(rand() * 14) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join("");
  for (let n = 0; n < 5000; n++) words.intern(word().toLowerCase());
  for (let n = 0; n < 20000; n++) {
    const s = n % 3 === 0 ? words.word(1 + Math.floor(rand() * (words.size - 1))).toUpperCase() : word();
    assert.equal(words.idOfLower(s, unitsOf(s), 0, s.length), words.id(s.toLowerCase()), s);
  }
});

test("KeyedTokenView answers as TokenView does on every example article", () => {
  const k = compileActorKnowledge(path.join(repoRoot, "data"));
  const segment = createPipeline({ until: "segment" });
  const dir = path.join(repoRoot, "examples", "articles");
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".txt"))) {
    const doc = segment.run({ text: readFileSync(path.join(dir, file), "utf8") });
    const t = doc.tokens!;
    const keyed = new KeyedTokenView(doc.text, t, k.words, k.wordClass, new ScratchArrays());
    const plain = new TokenView(doc.text, t);
    for (let i = 0; i < t.count; i++) {
      const where = `${file} token ${i} "${plain.word(i)}"`;
      assert.equal(keyed.isCap(i), plain.isCap(i), where);
      assert.equal(keyed.possessive(i), plain.possessive(i), where);
      assert.equal(keyed.lower(i), plain.lower(i), where);
      assert.equal(keyed.stemLower(i), plain.stemLower(i), where);
      assert.equal(keyed.ids[i], k.words.id(plain.lower(i)), where);
      assert.equal(keyed.stemIds[i], k.words.id(plain.stemLower(i)), where);
      assert.equal(keyed.isPeriod(i), plain.word(i) === ".", where);
      // is() by word id: known words, a word no knowledge has, and the token's own word.
      assert.equal(keyed.is(i, "the", "of", ",", "zzqx"), plain.is(i, "the", "of", ",", "zzqx"), where);
      assert.equal(keyed.is(i, "zzqx", plain.lower(i)), true, where);
    }
  }
});

test("stableOrder sorts by key and keeps equal keys in their order", () => {
  let seed = 11;
  const rand = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x80000000; };
  // Both ways of sorting: by insertion up to 64 keys, natively above.
  for (const n of [0, 1, 2, 7, 63, 64, 65, 70, 100, 1000]) {
    const keys = Array.from({ length: n }, () => Math.floor(rand() * (n % 7 === 0 ? 5 : 4_000_000_000)));
    const expected = keys.map((_, i) => i).sort((a, b) => keys[a] - keys[b]);
    assert.deepEqual([...stableOrder(keys)], expected);
    assert.deepEqual([...stableOrder(keys, new ScratchArrays())], expected);
  }
});

test("slug's ASCII path and nameTokens' plain-words path say what the general ones say", () => {
  const foldedSlug = (name: string) => name.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  const viaTokenizer = (name: string) => { const t = tokenize(name); return Array.from({ length: t.count }, (_, i) => name.slice(t.starts[i], t.ends[i])); };
  const names = ["Jay Tarriela", "  Abel--Okafor  ", "", "-", "J. D. Vance", "O'Neil", "Kassym-Jomart Tokayev", "José Núñez", "Erdoğan", "A1 B2", "Ursula von der Leyen",
    "Ali  Hassan", " Ali", "Ali ", "Ж Ж", "e\u0301a", "Ali\u00a0Hassan", "\u{1D400}bc", "Straße Ost", "İstanbul"];
  for (const n of names) {
    assert.equal(slug(n), foldedSlug(n), n);
    assert.deepEqual(nameTokens(n), viaTokenizer(n), n);
  }
});

test("Gazetteer.match finds what comparing every name token by token finds, on every example article", () => {
  const k = compileActorKnowledge(path.join(repoRoot, "data"));
  const g = k.places;
  const byFirst = (g as unknown as { byFirst: Map<string, { entries: Array<{ tokens: string[] }> }> }).byFirst;
  const stem = (w: string) => (w.length > 2 && (w.endsWith("'s") || w.endsWith("’s")) ? w.slice(0, -2) : w);
  // The plain way: the longest name whose tokens equal the lower-cased tokens, the last one perhaps without a possessive ending.
  const plainMatch = (v: TokenView, i: number) => {
    if (!v.isCap(i) || g.words.notPlaces.has(v.lower(i))) return null;
    for (const e of (byFirst.get(v.lower(i)) ?? byFirst.get(stem(v.lower(i))))?.entries ?? []) {
      if (i + e.tokens.length > v.count) continue;
      let ok = true, possessive = 0;
      for (let n = 0; ok && n < e.tokens.length; n++) {
        ok = v.lower(i + n) === e.tokens[n];
        if (!ok && n === e.tokens.length - 1 && stem(v.lower(i + n)) === e.tokens[n]) { ok = true; possessive = 2; }
      }
      if (ok) return { tokens: e.tokens.length, possessive };
    }
    return null;
  };
  const segment = createPipeline({ until: "segment" });
  const dir = path.join(repoRoot, "examples", "articles");
  let found = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".txt"))) {
    const doc = segment.run({ text: readFileSync(path.join(dir, file), "utf8") + " South Africa’s and The Hague's" });
    const v = new KeyedTokenView(doc.text, doc.tokens!, k.words, k.wordClass, new ScratchArrays());
    for (let i = 0; i < v.count; i++) {
      const m = g.match(v, i), p = plainMatch(v, i);
      assert.equal(m === null, p === null, `${file} token ${i}`);
      if (!m || !p) continue;
      found++;
      assert.equal(m.length - (m.regionSuffix ? 1 : 0), p.tokens, `${file} token ${i}`);
      assert.equal(m.possessive, m.regionSuffix ? 0 : p.possessive, `${file} token ${i}`);
    }
  }
  assert.ok(found > 0);
});
