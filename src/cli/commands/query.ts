// `parley query events|quotes|actors|positions`: read the store back, as a table, JSON or CSV.
import type { Command, CliIO } from "../command.js";
import { EXIT_OK, UsageError } from "../command.js";
import { parseOptions, oneOf } from "../parseOptions.js";
import { openStore } from "../../store/store.js";
import { toCsv, toTable } from "../tableFormat.js";
import { isIsoDate } from "../../intake/index.js";

const HELP = `parley query events|quotes|actors|positions [--actor X] [--type T] [--since D] [--until D] [--search TEXT] [--format table|json|csv] [--limit N] [--db FILE|URL]

  --actor X     name (part of it) or code (GBRGOV) of a source, target, speaker or
                position holder (positions also by country: RUS)
  --type T      events: PLOVER type (ACCUSE) or CAMEO code; quotes: direct|mixed|indirect;
                actors: kind; positions: stance (accepts, rejects, demands, conditions …)
  --since/--until YYYY-MM-DD
  --search TEXT full-text search: quotes and events by the words of the sentences they
                stand in; positions by their issue and words`;

export const queryCommand: Command = {
  name: "query",
  summary: "list stored events, quotes, actors or positions with filters (table, json, csv)",
  help: HELP,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseOptions(argv, { actor: "string", type: "string", since: "string", until: "string", search: "string", format: "string", limit: "string", db: "string", schema: "string" }, "query");
    if (values.help) { io.stdout.write(HELP + "\n"); return EXIT_OK; }
    const kind = oneOf(positionals[0], ["events", "quotes", "actors", "positions"] as const, "what", "query");
    if (!kind) throw new UsageError("parley query: say what to list: events, quotes, actors or positions");
    for (const d of [values.since, values.until]) if (d !== undefined && !isIsoDate(d)) throw new UsageError(`parley query: dates are YYYY-MM-DD (got "${d}")`);
    const format = oneOf(values.format, ["table", "json", "csv"] as const, "format", "query") ?? "table";
    const store = await openStore(values.db ?? "parley.db", { schema: values.schema });
    try {
      const rows = await store.query(kind, { actor: values.actor, type: values.type, since: values.since, until: values.until, search: values.search, limit: values.limit ? Number(values.limit) : 100 });
      io.stdout.write(format === "json" ? rows.map((r) => JSON.stringify(r)).join("\n") + (rows.length ? "\n" : "") : format === "csv" ? toCsv(rows) : toTable(rows));
      return EXIT_OK;
    } finally {
      await store.close();
    }
  },
};
