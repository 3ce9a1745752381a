// `parley kb`: look up, add, import and export the actors Parley knows. The sub-commands
// live in commands/kb/; this file only dispatches and turns a bad knowledge file into one
// line naming it (file:line (field): problem) and exit code 1.
import type { Command, CliIO } from "../command.js";
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE } from "../command.js";
import { KnowledgeError } from "../../kb/types.js";
import { kbSearchCommand } from "./kb/kbSearch.js";
import { kbShowCommand } from "./kb/kbShow.js";
import { kbAddCommand } from "./kb/kbAdd.js";
import { kbImportCommand } from "./kb/kbImport.js";
import { kbExportCommand } from "./kb/kbExport.js";

const SUBCOMMANDS: Command[] = [kbSearchCommand, kbShowCommand, kbAddCommand, kbImportCommand, kbExportCommand];

const HELP = `parley kb <sub-command> [options]      parley kb <sub-command> --help for its options

The knowledge base: the people (with their offices over time), organisations and countries
Parley recognises and codes. Yours live in a folder of your own (--kb DIR, $PARLEY_KB, or
./parley-kb), loaded after the built-in data by extract, ingest and worker.

${SUBCOMMANDS.map((c) => `  ${c.name.padEnd(7)}  ${c.summary}`).join("\n")}

Exit codes: 0 ok; 1 bad input (a refused value, a bad line, no such entity); 2 usage.`;

export const kbCommand: Command = {
  name: "kb",
  summary: "search, show, add, import and export the actors Parley knows",
  help: HELP,
  async run(argv: string[], io: CliIO): Promise<number> {
    const [name, ...rest] = argv;
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
      io.stdout.write(HELP + "\n");
      return name === undefined ? EXIT_USAGE : EXIT_OK;
    }
    const sub = SUBCOMMANDS.find((c) => c.name === name);
    if (!sub) {
      io.stderr.write(`parley kb: unknown sub-command "${name}"\n\n${HELP}\n`);
      return EXIT_USAGE;
    }
    try {
      return await sub.run(rest, io);
    } catch (e) {
      if (!(e instanceof KnowledgeError)) throw e;
      io.stderr.write(e.message + "\n");
      return EXIT_BAD_INPUT;
    }
  },
};
