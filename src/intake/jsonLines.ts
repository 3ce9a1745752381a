// JSON Lines batches: one article a line, {"id", "text", "date"|"published", "url", "title"}.
// Lines are read as a stream so a batch of any size fits in memory; every bad line is
// reported with its number and the rest go on.
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import type { IntakeItem } from "./types.js";
import { checkText } from "./decodeText.js";
import { normalisePublished } from "./publishedDate.js";

export async function* readJsonLines(stream: Readable, input: string, maxBytes: number): AsyncGenerator<IntakeItem> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  for await (const raw of lines) {
    n++;
    if (raw.trim() === "") continue;
    yield parseJsonLine(raw, input, n, maxBytes);
  }
}

export function parseJsonLine(raw: string, input: string, line: number, maxBytes: number): IntakeItem {
  const fail = (message: string): IntakeItem => ({ ok: false, problem: { input, line, message } });
  if (raw.length > maxBytes) return fail(`line too large: ${raw.length} characters (the limit is ${maxBytes})`);
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch (e) {
    return fail(`not JSON: ${(e as Error).message}`);
  }
  if (typeof v !== "object" || v === null || Array.isArray(v)) return fail("not a JSON object");
  const o = v as Record<string, unknown>;
  if (typeof o.text !== "string") return fail(o.text === undefined ? 'no "text" field' : '"text" is not a string');
  const checked = checkText(o.text, maxBytes);
  if (!checked.ok) return fail(checked.message);
  const published = normalisePublished(o.published ?? o.date);
  const id = typeof o.id === "string" || typeof o.id === "number" ? String(o.id) : undefined;
  return {
    ok: true,
    input,
    line,
    format: "jsonl",
    article: {
      text: checked.text,
      ...(id !== undefined ? { id } : {}),
      published,
      ...(typeof o.url === "string" ? { url: o.url } : {}),
      ...(typeof o.title === "string" ? { title: o.title } : {}),
    },
  };
}

export function openJsonLines(path: string, maxBytes: number): AsyncGenerator<IntakeItem> {
  return readJsonLines(createReadStream(path), path, maxBytes);
}
