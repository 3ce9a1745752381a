// What every `parley kb` sub-command shares: the knowledge base as the pipeline would load
// it (built-in data, then the user's folders), the folder add/import write to, and
// problems printed one line each.
import { existsSync } from "node:fs";
import path from "node:path";
import type { CliIO } from "../../command.js";
import { UsageError } from "../../command.js";
import { defaultDataDir } from "../../../dataDir.js";
import { loadKnowledge } from "../../../kb/loadKnowledge.js";
import { overlayDirsToRead, overlayDirToWrite } from "../../../kb/overlayDirs.js";
import { knowledgeDirs } from "../../knowledgeDirsOption.js";
import { isCalendarDate, todayUtc } from "../../../kb/isoDate.js";
import type { KnowledgeBase } from "../../../kb/types.js";

export interface LoadedKb { kb: KnowledgeBase; dataDir: string; dirs: string[] }

/** Built-in data plus the folders --kb / $PARLEY_KB / ./parley-kb name; warnings about those folders go to stderr. */
export function loadKbForReading(given: string[] | undefined, command: string, io: CliIO): LoadedKb {
  const dataDir = defaultDataDir();
  const dirs = knowledgeDirs(given, command);
  const kb = loadKnowledge(dataDir, dirs);
  printOverlayWarnings(kb, dirs, io);
  return { kb, dataDir, dirs };
}

export function printOverlayWarnings(kb: KnowledgeBase, dirs: readonly string[], io: CliIO): void {
  for (const w of kb.warnings) if (dirs.some((d) => w.startsWith(d + path.sep))) io.stderr.write(`warning: ${w}\n`);
}

/** The folder to write into, and the other folders to read with it. */
export function writeTarget(given: string | undefined): { target: string; others: string[] } {
  const target = overlayDirToWrite(given);
  const others = given ? [] : overlayDirsToRead(undefined).dirs.filter((d) => d !== target && existsSync(d));
  return { target, others };
}

export function dateOption(value: string | undefined, command: string): string {
  if (value === undefined) return todayUtc();
  if (!isCalendarDate(value)) throw new UsageError(`parley ${command}: --date must be a date YYYY-MM-DD (got "${value}")`);
  return value;
}
