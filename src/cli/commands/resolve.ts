// `parley resolve`: short actor texts to actors (name, country, sector, CAMEO-style code).
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import type { Command, CliIO } from "../command.js";
import { EXIT_BAD_INPUT, EXIT_OK, UsageError } from "../command.js";
import { oneOf, parseOptions } from "../parseOptions.js";
import { createActorResolver, type ActorResolver, type ResolvedActor } from "../../actors/resolveText.js";
import { normalisePublished } from "../../intake/index.js";
import { formatProblem, type InputProblem } from "../../model/index.js";
import { writeLine } from "../writeOut.js";
import { toTable } from "../tableFormat.js";
import { KB_OPTION_HELP, knowledgeDirs } from "../knowledgeDirsOption.js";

const HELP = `parley resolve TEXT… | --input-format jsonl|lines FILE|- [options]

Resolves short texts that name an actor ("President Duterte", "Mexican authorities",
"the PRI", "Nato") to one actor with its country (ISO 3166 alpha-3), sector (GOV MIL
PTY COP …) and CAMEO-style code, using the same knowledge base and finders as extract.

Input
  TEXT…                     texts given as arguments, one result each
  --input-format jsonl      one JSON object a line: {"id", "text", "context"?, "date"?}
                            ("query_date" is read as "date"); output lines keep the id
  --input-format lines      one text a line
  FILE|-                    the file to read (- or nothing: standard input)

Options
  --context TEXT            text around the actor for every input (a country, a sentence);
                            a jsonl line's own "context" wins
  --date D                  whoever held an office on that day (YYYY-MM-DD or a written
                            date such as "10 May 2015") or "today"; none: the day is
                            unknown, so nobody is called former and people take their
                            latest office; a jsonl line's own "date" wins
  --format jsonl|table      jsonl (default): {"id", "text", "actor": {…} | null} a line
${KB_OPTION_HELP}

Exit codes: 0 ok; 1 some line could not be read (reported on stderr as "input:line:
problem"; the other lines were still resolved); 2 usage.`;

interface ResolveLine {
  id: string | number | null;
  text: string;
  context: string | null;
  date: string | null;
}

export const resolveCommand: Command = {
  name: "resolve",
  summary: "resolve short actor texts to country, sector and CAMEO-style code",
  help: HELP,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseOptions(argv, { "input-format": "string", context: "string", date: "string", format: "string", kb: "multiple" }, "resolve");
    if (values.help) { io.stdout.write(HELP + "\n"); return EXIT_OK; }
    const inputFormat = oneOf(values["input-format"], ["jsonl", "lines"] as const, "input-format", "resolve");
    const format = oneOf(values.format, ["jsonl", "table"] as const, "format", "resolve") ?? "jsonl";
    const defaultDate = values.date !== undefined ? readResolveDate(values.date) : null;
    if (defaultDate === undefined) throw new UsageError(`parley resolve: --date must be a date such as 2025-03-16 or "10 May 2015" (got "${values.date}")`);
    if (!inputFormat && positionals.length === 0) throw new UsageError("parley resolve: give TEXT arguments, or --input-format jsonl|lines with a FILE or -");
    if (inputFormat && positionals.length > 1) throw new UsageError("parley resolve: give one FILE (or -) with --input-format");

    const resolve = createActorResolver({ knowledgeDirs: knowledgeDirs(values.kb, "resolve") });
    const rows: Array<Record<string, unknown>> = [];
    const emit = async (line: ResolveLine): Promise<void> => {
      const actor = resolve({ text: line.text, context: line.context ?? values.context ?? null, date: line.date ?? defaultDate });
      if (format === "table") rows.push({ text: line.text, actor: actor?.name ?? "—", country: actor?.country, sector: actor?.sector, code: actor?.code });
      else await writeLine(io.stdout, JSON.stringify({ id: line.id, text: line.text, actor: actor && publicView(actor) }) + "\n");
    };

    let problems = 0;
    if (!inputFormat) {
      for (const [i, text] of positionals.entries()) await emit({ id: i + 1, text, context: null, date: null });
    } else {
      const input = positionals[0] ?? "-";
      const stream: Readable = input === "-" ? (io.stdin as Readable) : createReadStream(input);
      try {
        for await (const item of readResolveLines(stream, input, inputFormat)) {
          if ("problem" in item) { problems++; io.stderr.write(formatProblem(item.problem) + "\n"); continue; }
          await emit(item);
        }
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        if (!err.code) throw e;
        io.stderr.write(formatProblem({ input, message: `cannot read: ${err.message}` }) + "\n");
        return EXIT_BAD_INPUT;
      }
    }
    if (format === "table") io.stdout.write(toTable(rows));
    return problems ? EXIT_BAD_INPUT : EXIT_OK;
  },
};

function publicView(a: ResolvedActor) {
  return { name: a.name, country: a.country, sector: a.sector, code: a.code, kind: a.kind, kb: a.kb, matched: a.matched };
}

/**
 * A date as YYYY-MM-DD: "today" or "now" is the day of the run (UTC), so a sitting holder
 * is sitting and someone out of office is former; null when none is given (the day is
 * unknown); undefined when unreadable.
 */
export function readResolveDate(v: unknown, now: Date = new Date()): string | null | undefined {
  if (v === undefined || v === null) return null;
  if (typeof v !== "string") return undefined;
  const s = v.trim();
  if (s === "") return null;
  if (/^(today|now)$/i.test(s)) return now.toISOString().slice(0, 10);
  return normalisePublished(s) ?? undefined;
}

async function* readResolveLines(stream: Readable, input: string, format: "jsonl" | "lines"): AsyncGenerator<ResolveLine | { problem: InputProblem }> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  for await (const raw of lines) {
    n++;
    if (raw.trim() === "") continue;
    if (format === "lines") { yield { id: n, text: raw.trim(), context: null, date: null }; continue; }
    const fail = (message: string) => ({ problem: { input, line: n, message } });
    let v: unknown;
    try { v = JSON.parse(raw); } catch (e) { yield fail(`not JSON: ${(e as Error).message}`); continue; }
    if (typeof v !== "object" || v === null || Array.isArray(v)) { yield fail("not a JSON object"); continue; }
    const o = v as Record<string, unknown>;
    if (typeof o.text !== "string" || o.text.trim() === "") { yield fail(o.text === undefined ? 'no "text" field' : '"text" must be a non-empty string'); continue; }
    if (o.context !== undefined && o.context !== null && typeof o.context !== "string") { yield fail('"context" must be a string'); continue; }
    const date = readResolveDate(o.date ?? o.query_date);
    if (date === undefined) { yield fail(`"date" is not a date: ${JSON.stringify(o.date ?? o.query_date)}`); continue; }
    const id = typeof o.id === "string" || typeof o.id === "number" ? o.id : null;
    yield { id, text: o.text, context: (o.context as string | undefined) ?? null, date };
  }
}
