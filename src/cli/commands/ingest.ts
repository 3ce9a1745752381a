// `parley ingest`: analyse and store articles (SQLite by default, PostgreSQL with --db).
import os from "node:os";
import type { Command, CliIO } from "../command.js";
import { EXIT_BAD_INPUT, EXIT_OK, UsageError } from "../command.js";
import { parseOptions, oneOf } from "../parseOptions.js";
import { openStore } from "../../store/store.js";
import { ingest, formatSummary } from "../../ingest/ingestRun.js";
import { formatProblem } from "../../model/index.js";
import { DEFAULT_MAX_BYTES, type InputFormat } from "../../intake/index.js";
import { KB_OPTION_HELP, knowledgeDirs } from "../knowledgeDirsOption.js";

const HELP = `parley ingest PATH… [--db FILE|postgres://…] [--workers N] [--input-format F] [--max-bytes N]

Analyses articles (files, folders recursively, JSON Lines, HTML, RSS/Atom) and stores them:
into the SQLite file parley.db by default, or PostgreSQL with --db postgres://…
Re-ingesting the same input changes nothing; an article whose URL is known with new text
replaces the old one; reports of one real-world event in several articles are linked.

  --db FILE|URL      store (default parley.db)
  --schema NAME      PostgreSQL schema (default parley)
  --workers N        analysis threads (default: cores - 1, at least 1)
  --input-format F   text|html|jsonl|feed (default: by file extension)
  --published DATE   publication date for inputs that carry none
${KB_OPTION_HELP}

Every bad input is reported as one line "input[:line]: problem"; exit 1 if there was any.`;

export function defaultWorkers(): number {
  return Math.max(1, os.availableParallelism() - 1);
}

export const ingestCommand: Command = {
  name: "ingest",
  summary: "analyse and store articles (SQLite by default, PostgreSQL with --db)",
  help: HELP,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseOptions(argv, { db: "string", schema: "string", workers: "string", "input-format": "string", "max-bytes": "string", published: "string", kb: "multiple" }, "ingest");
    if (values.help) { io.stdout.write(HELP + "\n"); return EXIT_OK; }
    if (positionals.length === 0) throw new UsageError("parley ingest: give at least one PATH");
    const workers = values.workers !== undefined ? Number(values.workers) : defaultWorkers();
    if (!Number.isInteger(workers) || workers < 1) throw new UsageError("parley ingest: --workers must be a whole number ≥ 1");
    const format = oneOf(values["input-format"], ["text", "html", "jsonl", "feed"] as const, "input-format", "ingest") as InputFormat | undefined;
    const kbDirs = knowledgeDirs(values.kb, "ingest");
    const store = await openStore(values.db ?? "parley.db", { schema: values.schema });
    try {
      const summary = await ingest(positionals, store, {
        workers, format, maxBytes: values["max-bytes"] ? Number(values["max-bytes"]) : DEFAULT_MAX_BYTES, published: values.published, knowledgeDirs: kbDirs,
        onProblem: (p) => io.stderr.write(formatProblem(p) + "\n"),
        progress: io.stderr as NodeJS.WritableStream & { isTTY?: boolean },
      });
      io.stdout.write(formatSummary(summary) + "\n");
      return summary.problems > 0 ? EXIT_BAD_INPUT : EXIT_OK;
    } finally {
      await store.close();
    }
  },
};
