// `parley demo`: the bundled example articles into a fresh SQLite file, then who said
// what, who did what to whom and who stands where. Nothing to start.
import { rmSync, existsSync, readFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Command, CliIO } from "../command.js";
import { EXIT_OK, UsageError } from "../command.js";
import { parseOptions } from "../parseOptions.js";
import { SqliteStore } from "../../store/sqliteStore.js";
import { ingest, formatSummary } from "../../ingest/ingestRun.js";
import { toTable } from "../tableFormat.js";
import { defaultWorkers } from "./ingest.js";

const HELP = `parley demo [--db FILE] [--limit N]

Ingests Parley's bundled example articles into a fresh SQLite file (default parley-demo.db,
replaced if it exists) and prints who said what, who did what to whom and who stands
where: a few of the best-attributed items of each article, newest articles first.

  --db FILE   the SQLite file to create (default parley-demo.db)
  --limit N   rows per section (default 15)`;

type Row = Record<string, unknown>;

export const demoCommand: Command = {
  name: "demo",
  summary: "ingest the bundled example articles into SQLite and show what was found",
  help: HELP,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values } = parseOptions(argv, { db: "string", limit: "string" }, "demo");
    if (values.help) { io.stdout.write(HELP + "\n"); return EXIT_OK; }
    const limit = values.limit ? Number(values.limit) : 15;
    if (!Number.isInteger(limit) || limit <= 0) throw new UsageError("parley demo: --limit must be a positive whole number");
    const db = values.db ?? "parley-demo.db";
    for (const f of [db, `${db}-wal`, `${db}-shm`]) if (existsSync(f)) rmSync(f);

    // The examples as one JSON Lines batch, carrying each article's date, title and URL
    // from the examples' index, as a user's batch would.
    const dir = fileURLToPath(new URL("../../../../examples/articles/", import.meta.url));
    const index = JSON.parse(readFileSync(path.join(dir, "index.json"), "utf8")) as Array<{ file: string; published: string; url?: string; title?: string }>;
    const work = mkdtempSync(path.join(tmpdir(), "parley-demo-"));
    const batch = path.join(work, "examples.jsonl");
    writeFileSync(batch, index.map((e) => JSON.stringify({ text: readFileSync(path.join(dir, e.file), "utf8"), date: e.published, title: e.title, url: e.url })).join("\n") + "\n");

    const store = SqliteStore.open(db);
    try {
      const summary = await ingest([batch], store, { workers: defaultWorkers() });
      io.stdout.write(`Parley demo: ${index.length} example articles into ${db}\n${formatSummary(summary)}\n\n`);
      const newestFirst = (rows: Row[], date: string) => [...rows].sort((a, b) => String(b[date] ?? "").localeCompare(String(a[date] ?? "")));

      // Direct and mixed quotations of a named speaker, two per article.
      const quotes = perArticle(newestFirst((await store.query("quotes", { limit: 100000 })).filter((r) => r.speaker && r.type !== "indirect"), "published"), 2, limit);
      io.stdout.write("Who said what\n" + toTable(quotes.map((r) => ({ published: r.published, speaker: r.speaker, type: r.type, quote: r.text })), 90) + "\n");

      // Events with both a source and a target, two per article.
      const events = perArticle(newestFirst((await store.query("events", { limit: 100000 })).filter((r) => r.source && r.target), "date"), 2, limit);
      io.stdout.write("Who did what to whom\n" + toTable(events.map((r) => ({ date: r.date, source: r.source, event: `${r.type} (${r.cameo})`, target: r.target, modality: r.modality, place: r.place, evidence: r.evidence })), 48) + "\n");

      const positions = perArticle(newestFirst(await store.query("positions", { limit: 100000 }), "date"), 2, limit);
      io.stdout.write("Who stands where\n" + toTable(positions.map((r) => ({ date: r.date, actor: r.actor, stance: r.stance, issue: r.issue, condition: r.condition, evidence: r.detail })), 60) + "\n");

      io.stdout.write(`Explore further: parley query events --db ${db} --actor RUS · parley query quotes --db ${db} --search ceasefire · parley query positions --db ${db} --type rejects · parley export --db ${db} --format gdelt · parley serve --db ${db} (dashboard and API on http://127.0.0.1:8080/)\n`);
      return EXIT_OK;
    } finally {
      await store.close();
      rmSync(work, { recursive: true, force: true });
    }
  },
};

/** At most `each` rows of any one article, `limit` in all, in the given order. */
function perArticle(rows: Row[], each: number, limit: number): Row[] {
  const count = new Map<unknown, number>();
  const out: Row[] = [];
  for (const r of rows) {
    const n = count.get(r.article_id) ?? 0;
    if (n >= each) continue;
    count.set(r.article_id, n + 1);
    out.push(r);
    if (out.length >= limit) break;
  }
  return out;
}
