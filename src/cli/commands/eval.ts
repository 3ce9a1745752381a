// `parley eval`: run extraction over a gold file (or read given predictions) and score it.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Command, CliIO } from "../command.js";
import { EXIT_BAD_INPUT, EXIT_OK, UsageError } from "../command.js";
import { parseOptions } from "../parseOptions.js";
import { createPipeline } from "../../pipeline.js";
import { formatReport, readJsonDocuments, scoreDocuments, type GoldDoc, type PredDoc } from "../../eval/index.js";
import { InputError } from "../../model/index.js";
import { checkText, normalisePublished } from "../../intake/index.js";
import { createActorResolver, type ActorResolver } from "../../actors/resolveText.js";
import { readResolveDate } from "./resolve.js";

const HELP = `parley eval --gold FILE [--pred FILE] [--json]

Scores Parley against gold data: quotes (P/R/F1 at 80% word overlap, lenient 50%, exact;
attribution accuracy; recall by type), events (seed, PLOVER type and dyad, CAMEO root and
full, PENTA class), dates, actors, positions, and actor resolution.

  --gold FILE   a single-article gold file (*.gold.json with "file" and "published") or
                JSON Lines of gold records {"id", "text", "date", …}
  --pred FILE   score these predictions (contract documents, JSON or JSON Lines) instead
                of running extraction
  --json        print the figures as one JSON object
  --kb DIR      also load this knowledge folder of your own (repeatable; unlike extract,
                eval reads no folder unless told, so scores measure the shipped data)

Gold records with "expect" (actor-resolution tests) are run through \`parley resolve\`.`;

export const evalCommand: Command = {
  name: "eval",
  summary: "score extraction against a gold file (quotes, events, dates, actors, positions)",
  help: HELP,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseOptions(argv, { gold: "string", pred: "string", json: "boolean", kb: "multiple" }, "eval");
    if (values.help) { io.stdout.write(HELP + "\n"); return EXIT_OK; }
    if (!values.gold) throw new UsageError("parley eval: --gold FILE is required");
    if (positionals.length) throw new UsageError(`parley eval: unexpected argument "${positionals[0]}"`);
    try {
      const golds = readJsonDocuments<GoldDoc>(values.gold);
      const preds = values.pred ? readJsonDocuments<PredDoc>(values.pred) : predict(golds, values.gold, values.kb ?? []);
      const report = scoreDocuments(golds, preds);
      io.stdout.write(values.json ? JSON.stringify(report) + "\n" : formatReport(report));
      return EXIT_OK;
    } catch (e) {
      if (e instanceof InputError) { io.stderr.write(e.message + "\n"); return EXIT_BAD_INPUT; }
      throw e;
    }
  },
};

/** Predictions for every gold record, made the way a user's `parley extract` / `parley resolve` would. */
function predict(golds: GoldDoc[], goldFile: string, knowledgeDirs: string[]): PredDoc[] {
  const pipeline = createPipeline({ knowledgeDirs });
  let resolve: ActorResolver | undefined;
  const out: PredDoc[] = [];
  golds.forEach((g, i) => {
    if (g.expect && typeof g.expect === "object") {
      resolve ??= createActorResolver({ knowledgeDirs });
      out.push(resolveRecord(g, resolve, goldFile, i + 1));
      return;
    }
    let text = g.text;
    if (text === undefined && g.file) {
      const file = path.resolve(path.dirname(goldFile), g.file);
      try { text = readFileSync(file, "utf8"); } catch (e) { throw new InputError({ input: file, message: `cannot read the gold's article: ${(e as Error).message}` }); }
    }
    if (typeof text !== "string") throw new InputError({ input: goldFile, line: golds.length > 1 ? i + 1 : undefined, message: 'gold record has no "text" or "file"' });
    const checked = checkText(text, Number.MAX_SAFE_INTEGER);
    if (!checked.ok) throw new InputError({ input: goldFile, line: golds.length > 1 ? i + 1 : undefined, message: checked.message });
    const published = normalisePublished(g.published ?? g.date ?? null);
    out.push(pipeline.analyze({ text: checked.text, id: g.id !== undefined ? String(g.id) : undefined, published }) as PredDoc);
  });
  return out;
}

/** An actor-resolution gold record resolved as `parley resolve --input-format jsonl` would. */
function resolveRecord(g: GoldDoc, resolve: ActorResolver, goldFile: string, line: number): PredDoc {
  const r = g as GoldDoc & { context?: unknown; query_date?: unknown };
  if (typeof r.text !== "string") throw new InputError({ input: goldFile, line, message: 'actor-resolution record has no "text"' });
  const date = readResolveDate(r.date ?? r.query_date);
  if (date === undefined) throw new InputError({ input: goldFile, line, message: `"date" is not a date: ${JSON.stringify(r.date ?? r.query_date)}` });
  const context = typeof r.context === "string" ? r.context : null;
  const actor = resolve({ text: r.text, context, date });
  return { id: g.id, text: r.text, actor } as unknown as PredDoc;
}
