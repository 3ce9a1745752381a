// `parley demo`: the bundled example articles into a fresh SQLite file, then who said
// what and who did what to whom. Nothing to start.
import { rmSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Command, CliIO } from "../command.js";
import { EXIT_OK } from "../command.js";
import { parseOptions } from "../parseOptions.js";
import { SqliteStore } from "../../store/sqliteStore.js";
import { ingest, formatSummary } from "../../ingest/ingestRun.js";
import { toTable } from "../tableFormat.js";
import { defaultWorkers } from "./ingest.js";
import { readFileSync } from "node:fs";
import path from "node:path";

const HELP = `parley demo [--db FILE] [--limit N]

Ingests Parley's bundled example articles into a fresh SQLite file (default parley-demo.db,
replaced if it exists) and prints who said what and who did what to whom.`;

export const demoCommand: Command = {
  name: "demo",
  summary: "ingest the bundled example articles into SQLite and show what was found",
  help: HELP,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values } = parseOptions(argv, { db: "string", limit: "string" }, "demo");
    if (values.help) { io.stdout.write(HELP + "\n"); return EXIT_OK; }
    const db = values.db ?? "parley-demo.db";
    for (const f of [db, `${db}-wal`, `${db}-shm`]) if (existsSync(f)) rmSync(f);
    const dir = fileURLToPath(new URL("../../../../examples/articles/", import.meta.url));
    // Publication dates come from the examples' index, as a JSONL batch would carry them.
    const index = JSON.parse(readFileSync(path.join(dir, "index.json"), "utf8")) as Array<{ file: string; published: string; url?: string; title?: string }>;
    const store = SqliteStore.open(db);
    const limit = values.limit ? Number(values.limit) : 15;
    try {
      let summary = null;
      for (const entry of index) {
        const s = await ingest([path.join(dir, entry.file)], store, { workers: 1, published: entry.published });
        summary = summary ? { ...s, read: summary.read + s.read, stored: summary.stored + s.stored, problems: summary.problems + s.problems, seconds: summary.seconds + s.seconds } : s;
      }
      void defaultWorkers;
      io.stdout.write(`Parley demo: ${index.length} example articles into ${db}\n${summary ? formatSummary(summary) : ""}\n\n`);
      io.stdout.write("Who said what\n" + toTable((await store.query("quotes", { limit })).map((r) => ({ published: r.published, speaker: r.speaker ?? "(unattributed)", type: r.type, quote: r.text })), 90) + "\n");
      io.stdout.write("Who did what to whom\n" + toTable((await store.query("events", { limit })).map((r) => ({ date: r.date, source: r.source, event: `${r.type} (${r.cameo})`, target: r.target, modality: r.modality, place: r.place })), 40) + "\n");
      io.stdout.write(`Explore further: parley query events --db ${db} --actor Russia · parley query quotes --db ${db} --search ceasefire · parley export --db ${db} --format gdelt\n`);
      return EXIT_OK;
    } finally {
      await store.close();
    }
  },
};
