// `parley kb show ID|NAME`: everything known about one entity: names, codes, tenures and
// the file and line each came from.
import type { Command, CliIO } from "../../command.js";
import { EXIT_BAD_INPUT, EXIT_OK, UsageError } from "../../command.js";
import { parseOptions, oneOf } from "../../parseOptions.js";
import { searchEntities } from "../../../kb/searchEntities.js";
import { entityOnDate, entityRecord, inOffice, sortedTenures } from "../../../kb/entityOnDate.js";
import type { Entity } from "../../../kb/types.js";
import { KB_OPTION_HELP } from "../../knowledgeDirsOption.js";
import { dateOption, loadKbForReading } from "./kbContext.js";

const HELP = `parley kb show ID|NAME [--date YYYY-MM-DD] [--format pretty|json]

Shows one entity: its names, kind, country, sector and code, a person's tenures (office,
dates, code) and where each entry came from (file:line). NAME may be any of its names or
aliases, written in any case; when several entities match, they are listed and the exit
code is 1 (give the id instead).

  --date YYYY-MM-DD     the day for "as coded on" (default: today, UTC)
  --format pretty|json  pretty (default) or one JSON object
${KB_OPTION_HELP}

Exit codes: 0 shown; 1 no such entity, several match, or a knowledge file is bad; 2 usage.`;

export const kbShowCommand: Command = {
  name: "show",
  summary: "everything known about one entity (names, tenures, codes, origin)",
  help: HELP,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseOptions(argv, { date: "string", format: "string", kb: "multiple" }, "kb show");
    if (values.help) { io.stdout.write(HELP + "\n"); return EXIT_OK; }
    const query = positionals.join(" ").trim();
    if (query === "") throw new UsageError("parley kb show: give an ID (person:keir-starmer) or a NAME");
    const format = oneOf(values.format, ["pretty", "json"] as const, "format", "kb show") ?? "pretty";
    const date = dateOption(values.date, "kb show");
    const { kb } = loadKbForReading(values.kb, "kb show", io);
    const hits = searchEntities(kb, query);
    // An id or a whole name picks one entity; otherwise the query must match only one.
    const top = hits.length ? hits[0].score : 0;
    const best = top >= 4 ? hits.filter((h) => h.score === top) : hits;
    if (best.length === 0) { io.stderr.write(`parley kb show: no entity matches "${query}" (try parley kb search)\n`); return EXIT_BAD_INPUT; }
    if (best.length > 1) {
      io.stderr.write(`parley kb show: "${query}" matches ${best.length} entities; give one of these ids:\n`);
      for (const h of best.slice(0, 15)) io.stderr.write(`  ${h.entity.id}\t${h.entity.name} (${h.entity.kind})\n`);
      if (best.length > 15) io.stderr.write(`  … and ${best.length - 15} more\n`);
      return EXIT_BAD_INPUT;
    }
    const e = best[0].entity;
    if (format === "json") io.stdout.write(JSON.stringify({ ...entityRecord(e), on: { date, ...entityOnDate(e, date) } }, null, 1) + "\n");
    else io.stdout.write(prettyEntity(e, date));
    return EXIT_OK;
  },
};

function prettyEntity(e: Entity, date: string): string {
  const now = entityOnDate(e, date);
  const out: string[] = [`${e.name}  (${e.id})`];
  const field = (label: string, value: string | null | undefined) => { if (value) out.push(`  ${label.padEnd(14)}${value}`); };
  field("kind", e.kind);
  field("country", e.country);
  field("sector", e.sector);
  field("code", e.code);
  field("gender", e.gender);
  field("names", e.names.join(" · "));
  field("demonyms", e.demonyms?.join(" · "));
  field("capitals", e.capitals?.join(" · "));
  field(`on ${date}`, [now.code ?? "(no code)", now.office].filter(Boolean).join(", "));
  const tenures = sortedTenures(e);
  if (tenures.length) {
    out.push("  tenures");
    for (const t of tenures) {
      const from = t.start === "0000-01-01" ? "…" : t.start;
      const to = t.end ?? "…";
      const where = [t.country, t.org, t.code ?? t.sector].filter(Boolean).join(" ");
      out.push(`    ${from.padEnd(10)} – ${to.padEnd(10)}  ${t.office} (${where})${inOffice(t, date) ? " *" : ""}${t.origin ? `  ${t.origin}` : ""}`);
    }
  }
  const sources = e.sources ?? [e.origin];
  out.push(`  ${"from".padEnd(14)}${sources[0]}`);
  for (const s of sources.slice(1)) out.push(`  ${"".padEnd(14)}${s}`);
  return out.join("\n") + "\n";
}
