// A thin layer over node:util parseArgs: options are declared as { name: "string" |
// "boolean" | "multiple" }, values come back typed, and parse errors become UsageError
// (exit 2), so every command reports bad usage the same way.
import { parseArgs } from "node:util";
import { UsageError } from "./command.js";

export type OptionSpec = Record<string, "string" | "boolean" | "multiple">;
export type OptionValues<S extends OptionSpec> = {
  [K in keyof S]?: S[K] extends "boolean" ? boolean : S[K] extends "multiple" ? string[] : string;
} & { help?: boolean };

export function parseOptions<S extends OptionSpec>(argv: string[], spec: S, command: string): { values: OptionValues<S>; positionals: string[] } {
  const options: Record<string, { type: "string" | "boolean"; multiple?: boolean; short?: string }> = { help: { type: "boolean", short: "h" } };
  for (const [name, kind] of Object.entries(spec)) {
    options[name] = kind === "multiple" ? { type: "string", multiple: true } : { type: kind };
  }
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: values as OptionValues<S>, positionals };
  } catch (e) {
    throw new UsageError(`parley ${command}: ${(e as Error).message.replace(/\. To specify a positional argument.*$/s, "")}`);
  }
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string, command: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`parley ${command}: --${option} must be one of ${allowed.join(", ")} (got "${value}")`);
  }
  return value as T;
}
