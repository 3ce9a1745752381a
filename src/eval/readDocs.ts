// Reads a gold or prediction file: one JSON document, a JSON array, or JSON Lines. A bad
// line is an error naming the file and line.
import { readFileSync } from "node:fs";
import { InputError } from "../model/index.js";

export function readJsonDocuments<T>(file: string): T[] {
  let raw: string;
  try {
    raw = readFileSync(file, "utf8").trim();
  } catch (e) {
    throw new InputError({ input: file, message: `cannot read: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}` });
  }
  if (raw === "") return [];
  if (raw.startsWith("[")) {
    try { return JSON.parse(raw) as T[]; } catch (e) { throw new InputError({ input: file, message: `not JSON: ${(e as Error).message}` }); }
  }
  try {
    return [JSON.parse(raw) as T];
  } catch {
    return raw.split("\n").flatMap((line, i) => {
      if (line.trim() === "") return [];
      try {
        return [JSON.parse(line) as T];
      } catch (e) {
        throw new InputError({ input: file, line: i + 1, message: `not JSON: ${(e as Error).message}` });
      }
    });
  }
}
