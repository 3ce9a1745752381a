// Every `parley` sub-command, in the order `parley --help` lists them.
import type { Command } from "../command.js";
import { extractCommand } from "./extract.js";
import { evalCommand } from "./eval.js";

export const COMMANDS: Command[] = [
  extractCommand,
  evalCommand,
];
