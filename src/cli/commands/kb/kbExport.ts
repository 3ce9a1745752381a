// `parley kb export`: the merged knowledge base (built-in data and your folders).
import type { Command, CliIO } from "../../command.js";
import { EXIT_OK, UsageError } from "../../command.js";
import { parseOptions, oneOf } from "../../parseOptions.js";
import { knowledgeJson, knowledgeTsv, EXPORT_TSV_COLUMNS } from "../../../kb/exportKnowledge.js";
import { KB_OPTION_HELP } from "../../knowledgeDirsOption.js";
import { loadKbForReading } from "./kbContext.js";
import { writeLine } from "../../writeOut.js";

const HELP = `parley kb export [--format json|tsv]

Prints every entity Parley knows, built-in and from your knowledge folders, in id order.

  --format json   {"entities": [{id, kind, name, names, country, sector, code, tenures, sources …}]} (default)
  --format tsv    one row per tenure (people) or per entity, with a header:
                  ${EXPORT_TSV_COLUMNS.join(" ")}
${KB_OPTION_HELP}

Exit codes: 0 ok; 1 a knowledge file is bad; 2 usage.`;

export const kbExportCommand: Command = {
  name: "export",
  summary: "print the merged knowledge base as JSON or TSV",
  help: HELP,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseOptions(argv, { format: "string", kb: "multiple" }, "kb export");
    if (values.help) { io.stdout.write(HELP + "\n"); return EXIT_OK; }
    if (positionals.length) throw new UsageError(`parley kb export: unexpected argument "${positionals[0]}"`);
    const format = oneOf(values.format, ["json", "tsv"] as const, "format", "kb export") ?? "json";
    const { kb } = loadKbForReading(values.kb, "kb export", io);
    await writeLine(io.stdout, format === "json" ? knowledgeJson(kb) : knowledgeTsv(kb));
    return EXIT_OK;
  },
};
