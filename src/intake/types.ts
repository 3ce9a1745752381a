// What intake yields: for every article found in the inputs, either the article ready for
// analysis or a problem naming where it was (path, or path:line) and what is wrong.
import type { ArticleInput, InputProblem } from "../model/index.js";

export type InputFormat = "text" | "html" | "jsonl" | "feed";

export type IntakeItem =
  | { ok: true; article: ArticleInput; input: string; line?: number; format: InputFormat }
  | { ok: false; problem: InputProblem };

export interface IntakeOptions {
  /** Force a format instead of guessing from the file name. */
  format?: InputFormat;
  /** Largest article accepted, in bytes of UTF-8 (default 10 MiB). */
  maxBytes?: number;
  /** Publication date for inputs that do not carry their own (plain text). */
  published?: string;
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
