// What every `parley` sub-command looks like. main.ts dispatches on the first argument;
// each command lives in commands/<name>.ts and is listed in commands/index.ts.

export interface CliIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  /** True when stdout is a terminal (progress bars, colours). */
  isTTY: boolean;
}

export const EXIT_OK = 0;
/** Bad input: something the user gave could not be read or analysed (others were still processed). */
export const EXIT_BAD_INPUT = 1;
/** Usage: unknown option, missing argument. */
export const EXIT_USAGE = 2;

export interface Command {
  name: string;
  /** One line for `parley --help`. */
  summary: string;
  /** Full text for `parley NAME --help`. */
  help: string;
  run(argv: string[], io: CliIO): Promise<number>;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
