// A synthetic ingest batch: N articles as a folder of text files, HTML pages, JSON Lines
// files and RSS feeds, with a share of garbage mixed in (binary files, empty files, one
// 50 MB file, HTML pages with no article, lines that are not JSON or have no text). The
// generator records where every bad item is, so a run can check that each one is reported
// with its path (and line) and that every good article is stored. Deterministic: the same
// arguments give the same files.
import { mkdirSync, writeFileSync, openSync, writeSync, closeSync } from "node:fs";
import path from "node:path";
import { loadExamples, seeded, type ExampleArticle } from "./corpus.js";

export interface BatchPlan {
  /** Good articles written. */
  good: number;
  /** Every bad item: its location as `parley ingest` reports it (path, or path:line). */
  bad: string[];
  bytes: number;
}

export interface BatchOptions {
  articles: number;
  /** Share of the items that are garbage (0.01 = 1%). */
  garbage: number;
  examplesDir: string;
  /** Size of the one oversized file (bytes); 50 MB unless a test wants it smaller. */
  hugeBytes?: number;
  seed?: number;
}

const GARBAGE_KINDS = ["binary", "empty", "broken-html", "not-json", "no-text"] as const;

export function writeSyntheticBatch(dir: string, o: BatchOptions): BatchPlan {
  const examples = loadExamples(o.examplesDir);
  const rand = seeded(o.seed ?? 20251125);
  const badCount = Math.round(o.articles * o.garbage);
  const goodCount = o.articles - badCount;
  const plan: BatchPlan = { good: 0, bad: [], bytes: 0 };
  const out = new BatchWriter(dir, plan);

  // Garbage slots spread evenly through the batch, kinds in turn; one slot is the huge file.
  const garbageAt = new Map<number, string>();
  for (let g = 0; g < badCount; g++) garbageAt.set(Math.floor(((g + 0.5) * o.articles) / badCount), g === 0 ? "huge" : GARBAGE_KINDS[g % GARBAGE_KINDS.length]);

  for (let n = 0; n < o.articles; n++) {
    const kind = garbageAt.get(n);
    if (kind) { out.garbage(kind, n, o.hugeBytes ?? 50 * 1024 * 1024); continue; }
    const article = excerpt(examples, rand, n);
    // 40% text files, 10% HTML pages, 45% JSON lines, 5% feed items.
    const r = rand();
    if (r < 0.4) out.text(n, article);
    else if (r < 0.5) out.html(n, article);
    else if (r < 0.95) out.jsonLine(n, article);
    else out.feedItem(n, article);
  }
  out.close();
  if (plan.good !== goodCount) throw new Error(`internal: wrote ${plan.good} good articles, planned ${goodCount}`);
  return plan;
}

interface Excerpt { title: string; text: string; published: string | null }

/** Three to six consecutive paragraphs of an example article, made unique by an item line. */
function excerpt(examples: ExampleArticle[], rand: () => number, n: number): Excerpt {
  const ex = examples[Math.floor(rand() * examples.length)];
  const paras = ex.text.split(/\n+/).filter((p) => p.trim() !== "");
  const len = Math.min(paras.length, 3 + Math.floor(rand() * 4));
  const from = Math.floor(rand() * (paras.length - len + 1));
  const body = paras.slice(from, from + len);
  body.push(`Synthetic batch item ${n}.`);
  return { title: `${ex.title ?? ex.file} (${n})`, text: body.join("\n\n"), published: ex.published };
}

class BatchWriter {
  private jsonl: { fd: number; file: string; lines: number } | null = null;
  private jsonlFiles = 0;
  private feed: { items: string[]; file: string } | null = null;
  private feedFiles = 0;

  constructor(private readonly dir: string, private readonly plan: BatchPlan) {}

  private file(sub: string, n: number, ext: string): string {
    const folder = path.join(this.dir, sub, String(Math.floor(n / 1000)).padStart(3, "0"));
    mkdirSync(folder, { recursive: true });
    return path.join(folder, `item-${String(n).padStart(6, "0")}${ext}`);
  }

  private write(file: string, content: string | Uint8Array): void {
    writeFileSync(file, content);
    this.plan.bytes += typeof content === "string" ? Buffer.byteLength(content) : content.length;
  }

  text(n: number, a: Excerpt): void {
    this.write(this.file("text", n, ".txt"), a.text + "\n");
    this.plan.good++;
  }

  html(n: number, a: Excerpt): void {
    const paras = a.text.split("\n\n").map((p) => `<p>${escapeHtml(p)}</p>`).join("\n");
    const date = a.published ? `<meta property="article:published_time" content="${a.published}T08:00:00Z">` : "";
    this.write(this.file("html", n, ".html"), `<!doctype html><html><head><title>${escapeHtml(a.title)}</title>${date}</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/politics">Politics</a></nav>
<article><h1>${escapeHtml(a.title)}</h1>
${paras}
</article>
<footer>Synthetic News Desk. All rights reserved. <a href="/privacy">Privacy</a></footer></body></html>
`);
    this.plan.good++;
  }

  private jsonlLine(content: string): string {
    if (!this.jsonl || this.jsonl.lines >= 5000) {
      if (this.jsonl) closeSync(this.jsonl.fd);
      mkdirSync(path.join(this.dir, "jsonl"), { recursive: true });
      const file = path.join(this.dir, "jsonl", `part-${String(this.jsonlFiles++).padStart(3, "0")}.jsonl`);
      this.jsonl = { fd: openSync(file, "w"), file, lines: 0 };
    }
    writeSync(this.jsonl.fd, content + "\n");
    this.plan.bytes += Buffer.byteLength(content) + 1;
    return `${this.jsonl.file}:${++this.jsonl.lines}`;
  }

  jsonLine(n: number, a: Excerpt): void {
    this.jsonlLine(JSON.stringify({ id: `synthetic-${n}`, text: a.text, date: a.published, title: a.title, url: `https://news.example/synthetic/${n}` }));
    this.plan.good++;
  }

  feedItem(n: number, a: Excerpt): void {
    if (!this.feed || this.feed.items.length >= 500) this.flushFeed();
    const html = a.text.split("\n\n").map((p) => `<p>${escapeHtml(p)}</p>`).join("");
    const date = a.published ? `<pubDate>${new Date(a.published + "T08:00:00Z").toUTCString()}</pubDate>` : "";
    this.feed!.items.push(`<item><title>${escapeHtml(a.title)}</title><link>https://feeds.example/item/${n}</link>${date}<description><![CDATA[${html}]]></description></item>`);
    this.plan.good++;
  }

  private flushFeed(): void {
    if (this.feed && this.feed.items.length) {
      this.write(this.feed.file, `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Synthetic feed</title>\n${this.feed.items.join("\n")}\n</channel></rss>\n`);
    }
    mkdirSync(path.join(this.dir, "feeds"), { recursive: true });
    this.feed = { items: [], file: path.join(this.dir, "feeds", `feed-${String(this.feedFiles++).padStart(3, "0")}.rss`) };
  }

  garbage(kind: string, n: number, hugeBytes: number): void {
    switch (kind) {
      case "huge": {
        // A plausible text file far over the size limit, written in chunks.
        const file = this.file("text", n, ".txt");
        const fd = openSync(file, "w");
        const chunk = Buffer.from("The talks went on late into the night, officials said. ".repeat(1000));
        for (let written = 0; written < hugeBytes; written += chunk.length) writeSync(fd, chunk, 0, Math.min(chunk.length, hugeBytes - written));
        closeSync(fd);
        this.plan.bytes += hugeBytes;
        this.plan.bad.push(file);
        return;
      }
      case "binary": {
        const bytes = new Uint8Array(4096);
        for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + n) & 0xff;
        const file = this.file("text", n, ".txt");
        this.write(file, bytes);
        this.plan.bad.push(file);
        return;
      }
      case "empty": {
        const file = this.file("text", n, ".txt");
        this.write(file, "");
        this.plan.bad.push(file);
        return;
      }
      case "broken-html": {
        // A page with navigation and scripts and no article: nothing to read.
        const file = this.file("html", n, ".html");
        this.write(file, `<html><head><title>Loading</title><script>window.location='/app'</script></head><body><div id="app"><nav><a href="/">Home</a></nav><div class="spinner"></div>`);
        this.plan.bad.push(file);
        return;
      }
      case "not-json":
        this.plan.bad.push(this.jsonlLine(`{"id": "synthetic-${n}", "text": "Truncated in transit`));
        return;
      case "no-text":
        this.plan.bad.push(this.jsonlLine(JSON.stringify({ id: `synthetic-${n}`, title: "A line with no text", date: "2025-01-01" })));
        return;
    }
  }

  close(): void {
    if (this.jsonl) closeSync(this.jsonl.fd);
    this.flushFeed();
  }
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
