#!/usr/bin/env node
// The `parley` command line: dispatches to src/cli/commands/*. Exit codes: 0 ok, 1 bad
// input (reported one line per problem), 2 usage.
import { COMMANDS } from "./commands/index.js";
import { EXIT_BAD_INPUT, EXIT_USAGE, UsageError, type CliIO } from "./command.js";

function topHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "parley — who said what, who did what to whom, and who stands where, from news text",
    "",
    "Usage: parley <command> [options]      parley <command> --help for its options",
    "",
    "Commands",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
  ].join("\n");
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(topHelp());
    return name === undefined ? EXIT_USAGE : 0;
  }
  if (name === "--version") {
    io.stdout.write("parley 0.1.0\n");
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`parley: unknown command "${name}"\n\n${topHelp()}`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`${e.message}\n(see parley ${name} --help)\n`);
      return EXIT_USAGE;
    }
    io.stderr.write(`parley ${name}: ${(e as Error).message}\n`);
    return EXIT_BAD_INPUT;
  }
}

// A reader that stops early (| head) is not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => { if (e.code === "EPIPE") process.exit(process.exitCode ?? 0); else throw e; });

const io: CliIO = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, isTTY: Boolean(process.stdout.isTTY) };
main(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
}, (e) => {
  process.stderr.write(`parley: ${(e as Error).stack ?? e}\n`);
  process.exitCode = 1;
});
