// Shared test plumbing: where the repo and ../shared live, and a skip helper that says why.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** dist/test/helpers.js -> repo root */
export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
export const sharedDir = path.resolve(repoRoot, "../shared");
export const hasShared = existsSync(path.join(sharedDir, "eval", "score.mjs"));
export const cliPath = path.join(repoRoot, "dist", "src", "cli", "main.js");

/** The reason to skip a test that reads ../shared, printed by the runner; false when it is there. */
export function needsShared(): string | false {
  if (hasShared) return false;
  const reason = `skipped: ${sharedDir} is absent (evaluation data lives outside the repo)`;
  console.log(reason);
  return reason;
}

export const seedPath = path.join(sharedDir, "eval", "seed", "ceasefire-summit.txt");
