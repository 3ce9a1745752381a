// Builds the benchmark corpus deterministically from the project's own example articles
// (examples/articles): each round reorders the articles and rotates their paragraphs with
// a seeded generator, until the corpus reaches the requested size. Nothing is committed.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import type { ArticleInput } from "../src/model/index.js";

export interface ExampleArticle { file: string; text: string; published: string | null; title?: string; url?: string }

export function loadExamples(dir: string): ExampleArticle[] {
  const indexPath = path.join(dir, "index.json");
  const meta = new Map<string, { published?: string; title?: string; url?: string }>();
  if (existsSync(indexPath)) {
    for (const m of JSON.parse(readFileSync(indexPath, "utf8")) as Array<{ file: string; published?: string; title?: string; url?: string }>) meta.set(m.file, m);
  }
  return readdirSync(dir).filter((f) => f.endsWith(".txt")).sort().map((file) => {
    const m = meta.get(file) ?? {};
    return { file, text: readFileSync(path.join(dir, file), "utf8"), published: m.published ?? null, title: m.title, url: m.url };
  });
}

/** mulberry32: a tiny seeded generator, so the corpus is the same on every machine. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function buildCorpus(examples: ExampleArticle[], targetBytes: number, seed = 20250316): ArticleInput[] {
  if (examples.length === 0) throw new Error("no example articles to build a corpus from");
  const rand = seeded(seed);
  const out: ArticleInput[] = [];
  let bytes = 0;
  for (let round = 0; bytes < targetBytes; round++) {
    const order = examples.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const i of order) {
      const ex = examples[i];
      const paras = ex.text.split(/\n+/).filter((p) => p.trim() !== "");
      // Round 0 is the article as written; later rounds rotate paragraphs so no two are identical.
      const k = round === 0 ? 0 : Math.floor(rand() * paras.length);
      const text = [...paras.slice(k), ...paras.slice(0, k)].join("\n");
      out.push({ id: `bench-${out.length}`, text, published: ex.published });
      bytes += Buffer.byteLength(text);
      if (bytes >= targetBytes) break;
    }
  }
  return out;
}

export function corpusBytes(corpus: ArticleInput[]): number {
  return corpus.reduce((n, a) => n + Buffer.byteLength(a.text), 0);
}
