// Every `parley` sub-command, in the order `parley --help` lists them.
import type { Command } from "../command.js";
import { extractCommand } from "./extract.js";
import { ingestCommand } from "./ingest.js";
import { queryCommand } from "./query.js";
import { exportCommand } from "./export.js";
import { statsCommand } from "./stats.js";
import { demoCommand } from "./demo.js";
import { resolveCommand } from "./resolve.js";
import { evalCommand } from "./eval.js";
import { enqueueCommand, workerCommand } from "./queue.js";
import { kbCommand } from "./kb.js";
import { serveCommand } from "./serve.js";

export const COMMANDS: Command[] = [
  demoCommand,
  extractCommand,
  ingestCommand,
  queryCommand,
  exportCommand,
  statsCommand,
  serveCommand,
  enqueueCommand,
  workerCommand,
  resolveCommand,
  evalCommand,
  kbCommand,
];
