// Intake: paths (files, folders, "-" for stdin) in, articles or located problems out, in a
// deterministic order (folders are walked sorted). Nothing here analyses text.
import { createReadStream } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { ArticleInput } from "../model/index.js";
import { DEFAULT_MAX_BYTES, type InputFormat, type IntakeItem, type IntakeOptions } from "./types.js";
import { decodeArticleBytes } from "./decodeText.js";
import { extractHtmlArticle } from "./html.js";
import { readJsonLines } from "./jsonLines.js";
import { readFeed } from "./feed.js";

export * from "./types.js";
export { decodeArticleBytes, checkText } from "./decodeText.js";
export { extractHtmlArticle } from "./html.js";
export { parseJsonLine } from "./jsonLines.js";
export { normalisePublished, isIsoDate } from "./publishedDate.js";

const BY_EXTENSION: Record<string, InputFormat> = {
  ".txt": "text", ".text": "text",
  ".html": "html", ".htm": "html", ".xhtml": "html",
  ".jsonl": "jsonl", ".ndjson": "jsonl",
  ".rss": "feed", ".atom": "feed", ".xml": "feed",
};

/** Every article in the given paths, in order. Problems are yielded, never thrown. */
export async function* readInputs(paths: string[], options: IntakeOptions = {}): AsyncGenerator<IntakeItem> {
  for (const p of paths) {
    if (p === "-") { yield* readStdin(options); continue; }
    let info;
    try {
      info = await stat(p);
    } catch (e) {
      yield { ok: false, problem: { input: p, message: `cannot read: ${describeFsError(e)}` } };
      continue;
    }
    if (info.isDirectory()) {
      // In a folder only files that look like articles count (no index.json, no README.md);
      // a file named on the command line is read whatever its name.
      for await (const file of walk(p)) {
        const ext = path.extname(file).toLowerCase();
        if (ext === "" || BY_EXTENSION[ext] || options.format) yield* readFileInput(file, options);
      }
    } else {
      yield* readFileInput(p, options, info.size);
    }
  }
}

async function* walk(dir: string): AsyncGenerator<string> {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith("."));
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(full);
    else if (e.isFile()) yield full;
  }
}

async function* readFileInput(file: string, options: IntakeOptions, knownSize?: number): AsyncGenerator<IntakeItem> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const format = options.format ?? BY_EXTENSION[path.extname(file).toLowerCase()];
  if (format === "jsonl") {
    yield* readJsonLines(createReadStream(file), file, maxBytes);
    return;
  }
  const size = knownSize ?? (await stat(file).then((s) => s.size, () => -1));
  if (size > maxBytes) {
    yield { ok: false, problem: { input: file, message: `too large: ${(size / 1024 / 1024).toFixed(1)} MiB (the limit is ${(maxBytes / 1024 / 1024).toFixed(1)} MiB; raise it with --max-bytes)` } };
    return;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    yield { ok: false, problem: { input: file, message: `cannot read: ${describeFsError(e)}` } };
    return;
  }
  yield* fromBytes(bytes, file, format, options);
}

async function* readStdin(options: IntakeOptions): AsyncGenerator<IntakeItem> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (options.format === "jsonl") {
    yield* readJsonLines(process.stdin, "<stdin>", maxBytes);
    return;
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) {
      yield { ok: false, problem: { input: "<stdin>", message: `too large: more than ${maxBytes} bytes on standard input` } };
      return;
    }
    chunks.push(chunk);
  }
  yield* fromBytes(Buffer.concat(chunks), "<stdin>", options.format, options);
}

function* fromBytes(bytes: Uint8Array, input: string, format: InputFormat | undefined, options: IntakeOptions): Generator<IntakeItem> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const decoded = decodeArticleBytes(bytes, maxBytes);
  if (!decoded.ok) { yield { ok: false, problem: { input, message: decoded.message } }; return; }
  const kind = format ?? sniffFormat(decoded.text);
  if (kind === "feed") { yield* readFeed(decoded.text, input, maxBytes); return; }
  if (kind === "jsonl") {
    // Only reached for stdin/sniffed content; files go through the streaming reader.
    let line = 0;
    for (const raw of decoded.text.split("\n")) {
      line++;
      if (raw.trim() === "") continue;
      yield parseLine(raw, input, line, maxBytes);
    }
    return;
  }
  if (kind === "html") {
    const page = extractHtmlArticle(decoded.text);
    if ("error" in page) { yield { ok: false, problem: { input, message: page.error } }; return; }
    const article: ArticleInput = {
      text: page.text,
      published: options.published ?? page.published,
      ...(page.title ? { title: page.title } : {}),
      ...(page.url ? { url: page.url } : {}),
    };
    yield { ok: true, input, format: "html", article };
    return;
  }
  yield { ok: true, input, format: "text", article: { text: decoded.text, published: options.published ?? null } };
}

import { parseJsonLine as parseLine } from "./jsonLines.js";

/** Content sniffing for files without a telling extension. */
export function sniffFormat(text: string): InputFormat {
  const head = text.slice(0, 512).trimStart().toLowerCase();
  if (head.startsWith("<?xml") && /<(rss|feed)[\s>]/.test(text.slice(0, 2048).toLowerCase())) return "feed";
  if (head.startsWith("<rss") || head.startsWith("<feed")) return "feed";
  if (head.startsWith("<!doctype html") || head.startsWith("<html") || /^<(head|body|article|div|p)[\s>]/.test(head)) return "html";
  return "text";
}

function describeFsError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === "ENOENT") return "no such file or folder";
  if (err.code === "EACCES") return "permission denied";
  if (err.code === "EISDIR") return "is a folder";
  return err.message ?? String(e);
}
