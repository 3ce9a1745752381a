// `parley enqueue` and `parley worker`: the PostgreSQL scale-out.
import type { Command, CliIO } from "../command.js";
import { EXIT_BAD_INPUT, EXIT_OK, UsageError } from "../command.js";
import { parseOptions, oneOf } from "../parseOptions.js";
import { KB_OPTION_HELP, knowledgeDirs } from "../knowledgeDirsOption.js";
import { enqueue, runWorker } from "../../ingest/queue.js";
import { formatProblem } from "../../model/index.js";
import type { InputFormat } from "../../intake/index.js";

const needPostgres = (db: string | undefined, cmd: string): string => {
  if (!db || !/^postgres(ql)?:\/\//.test(db)) throw new UsageError(`parley ${cmd}: --db postgres://… is required (the queue lives in PostgreSQL)`);
  return db;
};

const ENQUEUE_HELP = `parley enqueue PATH… --db postgres://… [--schema NAME] [--input-format F] [--job-timeout S]

Puts one job per article into the durable queue in PostgreSQL (pg-boss). Enqueueing the same
article twice queues it once. Start any number of \`parley worker\` processes to work it off.`;

export const enqueueCommand: Command = {
  name: "enqueue",
  summary: "queue article jobs in PostgreSQL for parley worker processes",
  help: ENQUEUE_HELP,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseOptions(argv, { db: "string", schema: "string", "input-format": "string", "job-timeout": "string", published: "string" }, "enqueue");
    if (values.help) { io.stdout.write(ENQUEUE_HELP + "\n"); return EXIT_OK; }
    const url = needPostgres(values.db, "enqueue");
    if (positionals.length === 0) throw new UsageError("parley enqueue: give at least one PATH");
    const format = oneOf(values["input-format"], ["text", "html", "jsonl", "feed"] as const, "input-format", "enqueue") as InputFormat | undefined;
    const r = await enqueue(positionals, { url, schema: values.schema ?? "parley", format, published: values.published, jobTimeoutSeconds: values["job-timeout"] ? Number(values["job-timeout"]) : undefined },
      (p) => io.stderr.write(formatProblem(p) + "\n"));
    io.stdout.write(`${r.queued} articles queued; ${r.problems} problems\n`);
    return r.problems ? EXIT_BAD_INPUT : EXIT_OK;
  },
};

const WORKER_HELP = `parley worker --db postgres://… [--schema NAME] [--idle-exit S] [--job-timeout S] [--verbose]

Takes article jobs from the queue, analyses and stores them. Runs until stopped (Ctrl-C,
SIGTERM) or, with --idle-exit S, until no job came for S seconds. A job whose worker died
is retried by another after --job-timeout seconds (default 300); an article is never
stored twice.

${KB_OPTION_HELP}`;

export const workerCommand: Command = {
  name: "worker",
  summary: "process queued article jobs from PostgreSQL (run as many as you like)",
  help: WORKER_HELP,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values } = parseOptions(argv, { db: "string", schema: "string", "idle-exit": "string", "job-timeout": "string", verbose: "boolean", kb: "multiple" }, "worker");
    if (values.help) { io.stdout.write(WORKER_HELP + "\n"); return EXIT_OK; }
    const url = needPostgres(values.db, "worker");
    const kbDirs = knowledgeDirs(values.kb, "worker");
    const r = await runWorker({ url, knowledgeDirs: kbDirs, schema: values.schema ?? "parley", idleExitSeconds: values["idle-exit"] ? Number(values["idle-exit"]) : undefined,
      jobTimeoutSeconds: values["job-timeout"] ? Number(values["job-timeout"]) : undefined, log: values.verbose ? (l) => io.stdout.write(l + "\n") : undefined });
    io.stdout.write(`worker stopped: ${r.processed} jobs processed\n`);
    return EXIT_OK;
  },
};
