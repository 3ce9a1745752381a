// `parley export`: the whole store as contract documents (jsonl), events as CSV, or a
// GDELT-style tab-separated event table (CAMEO codes as strings, leading zeros kept).
import type { Command, CliIO } from "../command.js";
import { EXIT_OK } from "../command.js";
import { parseOptions, oneOf } from "../parseOptions.js";
import { openStore } from "../../store/store.js";
import { toCsv } from "../tableFormat.js";
import { writeLine } from "../writeOut.js";

const HELP = `parley export --format jsonl|csv|gdelt [--db FILE|URL]

  jsonl  every stored article as its output-contract document, one per line
  csv    every event, one row each, with actors, codes, date, place and evidence
  gdelt  events as GDELT-style tab-separated columns: GLOBALEVENTID, SQLDATE, Actor1Code,
         Actor1Name, Actor1CountryCode, Actor2Code, Actor2Name, Actor2CountryCode,
         EventCode, EventBaseCode, EventRootCode, QuadClass, GoldsteinScale, NumArticles,
         ActionGeo_FullName, ActionGeo_CountryCode, SOURCEURL (plus PloverType)`;

const GDELT = ["GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor2Code", "Actor2Name", "Actor2CountryCode",
  "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumArticles", "ActionGeo_FullName", "ActionGeo_CountryCode", "SOURCEURL", "PloverType"];

/** GDELT's quad classes from the CAMEO root: verbal/material cooperation, verbal/material conflict. */
function quadClass(cameo: string): number {
  const r = Number(cameo.slice(0, 2));
  return r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 || r === 16 ? 3 : 4;
}

export const exportCommand: Command = {
  name: "export",
  summary: "export the store: contract jsonl, events csv, or GDELT-style tsv",
  help: HELP,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values } = parseOptions(argv, { format: "string", db: "string", schema: "string" }, "export");
    if (values.help) { io.stdout.write(HELP + "\n"); return EXIT_OK; }
    const format = oneOf(values.format, ["jsonl", "csv", "gdelt"] as const, "format", "export") ?? "jsonl";
    const store = await openStore(values.db ?? "parley.db", { schema: values.schema });
    try {
      if (format === "jsonl") {
        for await (const d of store.exportDocs()) await writeLine(io.stdout, JSON.stringify(d) + "\n");
      } else if (format === "csv") {
        const rows: Array<Record<string, unknown>> = [];
        for await (const e of store.exportEvents()) rows.push(e);
        io.stdout.write(toCsv(rows));
      } else {
        await writeLine(io.stdout, GDELT.join("\t") + "\n");
        let n = 0;
        for await (const e of store.exportEvents()) {
          const cameo = String(e.cameo);
          const row = [String(++n), String(e.date ?? "").replace(/-/g, "").slice(0, 8), e.source_code, e.source_name, e.source_country, e.target_code, e.target_name, e.target_country,
            cameo, cameo.slice(0, 3), cameo.slice(0, 2), quadClass(cameo), e.goldstein, e.reports ?? 1, e.location_name, e.location_country, e.url ?? e.article_id, e.type];
          await writeLine(io.stdout, row.map((v) => (v === null || v === undefined ? "" : String(v).replace(/[\t\n]/g, " "))).join("\t") + "\n");
        }
      }
      return EXIT_OK;
    } finally {
      await store.close();
    }
  },
};
