// `parley extract`: analyse articles and print the output contract.
import type { Command, CliIO } from "../command.js";
import { EXIT_BAD_INPUT, EXIT_OK, UsageError } from "../command.js";
import { parseOptions, oneOf } from "../parseOptions.js";
import { readInputs, isIsoDate, DEFAULT_MAX_BYTES, type InputFormat } from "../../intake/index.js";
import { createPipeline } from "../../pipeline.js";
import { formatProblem } from "../../model/index.js";
import { prettyDocument } from "../prettyPrint.js";
import { writeLine } from "../writeOut.js";
import { KB_OPTION_HELP, knowledgeDirs } from "../knowledgeDirsOption.js";

const HELP = `parley extract FILE|DIR|- … [options]

Analyses articles and prints Parley's output contract: sentences, actors, times, quotes,
events and positions, each with offsets into the analysed text.

Options
  --published YYYY-MM-DD   publication date for inputs that do not carry one
                           (relative dates such as "on Saturday" resolve against it)
  --format json|jsonl|pretty
                           json: one indented document (several inputs: one per line)
                           jsonl: one compact document per line (default for batches)
                           pretty: a readable terminal view
  --input-format text|html|jsonl|feed
                           default: by file extension (.html .jsonl .rss …), else text
  --id ID, --url URL       id and URL for a single article (default id: hash of text and URL)
  --max-bytes N            largest article accepted (default ${DEFAULT_MAX_BYTES})
${KB_OPTION_HELP}

Exit codes: 0 ok; 1 some input could not be read or analysed (each reported on stderr
as one line "input[:line]: problem"; the others were still printed); 2 usage.`;

export const extractCommand: Command = {
  name: "extract",
  summary: "analyse articles and print the output contract (json, jsonl, pretty)",
  help: HELP,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseOptions(argv, {
      published: "string", format: "string", "input-format": "string", id: "string", url: "string", "max-bytes": "string", kb: "multiple",
    }, "extract");
    if (values.help) { io.stdout.write(HELP + "\n"); return EXIT_OK; }
    if (positionals.length === 0) throw new UsageError("parley extract: give a FILE, a folder, or - for standard input");
    const format = oneOf(values.format, ["json", "jsonl", "pretty"] as const, "format", "extract");
    const inputFormat = oneOf(values["input-format"], ["text", "html", "jsonl", "feed"] as const, "input-format", "extract") as InputFormat | undefined;
    if (values.published !== undefined && !isIsoDate(values.published)) throw new UsageError(`parley extract: --published must be a date YYYY-MM-DD (got "${values.published}")`);
    const maxBytes = values["max-bytes"] !== undefined ? Number(values["max-bytes"]) : DEFAULT_MAX_BYTES;
    if (!Number.isInteger(maxBytes) || maxBytes <= 0) throw new UsageError(`parley extract: --max-bytes must be a positive whole number`);

    const pipeline = createPipeline({ knowledgeDirs: knowledgeDirs(values.kb, "extract") });
    let problems = 0, count = 0;
    for await (const item of readInputs(positionals, { format: inputFormat, maxBytes, published: values.published })) {
      if (!item.ok) {
        problems++;
        io.stderr.write(formatProblem(item.problem) + "\n");
        continue;
      }
      const article = { ...item.article };
      if (values.id && count === 0) article.id = values.id;
      if (values.url && count === 0) article.url = values.url;
      if (values.published && !article.published) article.published = values.published;
      let out;
      try {
        out = pipeline.analyze(article);
      } catch (e) {
        problems++;
        io.stderr.write(`${item.input}${item.line ? `:${item.line}` : ""}: analysis failed: ${(e as Error).message}\n`);
        continue;
      }
      count++;
      const batch = item.format === "jsonl" || item.format === "feed" || positionals.length > 1;
      const f = format ?? (batch ? "jsonl" : "json");
      const text = f === "pretty" ? prettyDocument(out) : f === "json" && !batch ? JSON.stringify(out, null, 1) + "\n" : JSON.stringify(out) + "\n";
      await writeLine(io.stdout, text);
    }
    return problems > 0 ? EXIT_BAD_INPUT : EXIT_OK;
  },
};
