// `parley kb search TEXT`: entities whose names match, as Parley would code them on a date.
import type { Command, CliIO } from "../../command.js";
import { EXIT_OK, UsageError } from "../../command.js";
import { parseOptions, oneOf } from "../../parseOptions.js";
import { toTable } from "../../tableFormat.js";
import { searchEntities } from "../../../kb/searchEntities.js";
import { entityOnDate } from "../../../kb/entityOnDate.js";
import { KB_OPTION_HELP } from "../../knowledgeDirsOption.js";
import { dateOption, loadKbForReading } from "./kbContext.js";

const KINDS = ["person", "organisation", "country", "group"] as const;

const HELP = `parley kb search TEXT… [--date YYYY-MM-DD] [--kind K] [--limit N] [--format table|json]

Finds people, organisations and countries by name. Case and accents do not matter, and
each word of TEXT may be the start of a word of the name ("starm", "ki moon"). Shows each
match's id, name, kind, and the country, sector and CAMEO code Parley gives it on --date,
with a person's office that day.

  --date YYYY-MM-DD   the day to code for (default: today, UTC)
  --kind K            only person, organisation, country or group
  --limit N           at most N matches (default 20)
  --format table|json table (default) or a JSON list
${KB_OPTION_HELP}

Exit codes: 0 ok (also when nothing matches); 1 a knowledge file is bad; 2 usage.`;

export const kbSearchCommand: Command = {
  name: "search",
  summary: "find entities by name (case/accent-insensitive, word prefixes)",
  help: HELP,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseOptions(argv, { date: "string", kind: "string", limit: "string", format: "string", kb: "multiple" }, "kb search");
    if (values.help) { io.stdout.write(HELP + "\n"); return EXIT_OK; }
    const query = positionals.join(" ").trim();
    if (query === "") throw new UsageError("parley kb search: give the TEXT to look for");
    const format = oneOf(values.format, ["table", "json"] as const, "format", "kb search") ?? "table";
    const kind = oneOf(values.kind, KINDS, "kind", "kb search");
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError("parley kb search: --limit must be a whole number ≥ 1");
    const date = dateOption(values.date, "kb search");
    const { kb } = loadKbForReading(values.kb, "kb search", io);
    const hits = searchEntities(kb, query, kind ? new Set([kind]) : undefined).slice(0, limit);
    // "matched" says which alias found an entity whose own name does not show the query.
    const rows = hits.map((h) => ({ ...entityOnDate(h.entity, date), matched: h.matched !== h.entity.name ? h.matched : null }));
    if (format === "json") { io.stdout.write(JSON.stringify({ query, date, matches: rows }, null, 1) + "\n"); return EXIT_OK; }
    if (rows.length === 0) { io.stdout.write(`no entity matches "${query}"\n`); return EXIT_OK; }
    io.stdout.write(toTable(rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, country: r.country, sector: r.sector, code: r.code, [`office on ${date}`]: r.office, matched: r.matched ?? "" })), 48));
    return EXIT_OK;
  },
};
