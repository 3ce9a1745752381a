// Test batches built from the example articles: each line a distinct article (its own id,
// a numbered closing line), with the example's publication date.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./helpers.js";

export function exampleBatch(n: number, offset = 0): string[] {
  const dir = path.join(repoRoot, "examples", "articles");
  const index = JSON.parse(readFileSync(path.join(dir, "index.json"), "utf8")) as Array<{ file: string; published: string; url: string }>;
  const lines: string[] = [];
  for (let i = offset; i < offset + n; i++) {
    const e = index[i % index.length];
    const text = readFileSync(path.join(dir, e.file), "utf8") + `\nThis is report ${i} in the series.`;
    lines.push(JSON.stringify({ id: `t-${String(i).padStart(5, "0")}`, text, date: e.published, url: `${e.url}?n=${i}` }));
  }
  return lines;
}

export function writeBatch(file: string, lines: string[]): string {
  writeFileSync(file, lines.join("\n") + "\n");
  return file;
}
