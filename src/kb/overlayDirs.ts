// Which user knowledge folders a command uses: the ones given with --kb, else those in
// $PARLEY_KB (several joined with the path delimiter, ":" on Unix), else ./parley-kb when
// it exists. `parley kb add` and `import` write to the first of these (default ./parley-kb).
import { existsSync } from "node:fs";
import path from "node:path";

export const DEFAULT_KB_DIR = "parley-kb";

export interface OverlayChoice {
  dirs: string[];
  /** Where the folders came from, for messages ("--kb", "PARLEY_KB", "default"). */
  from: "--kb" | "PARLEY_KB" | "default";
}

/** Folders to read. Given folders must exist (the caller reports which does not); the default is used only if present. */
export function overlayDirsToRead(given: readonly string[] | undefined, env = process.env): OverlayChoice {
  if (given && given.length) return { dirs: given.map((d) => path.resolve(d)), from: "--kb" };
  if (env.PARLEY_KB) return { dirs: env.PARLEY_KB.split(path.delimiter).filter((d) => d !== "").map((d) => path.resolve(d)), from: "PARLEY_KB" };
  const dflt = path.resolve(DEFAULT_KB_DIR);
  return { dirs: existsSync(dflt) ? [dflt] : [], from: "default" };
}

/** The folder `kb add` / `kb import` write into (created when missing). */
export function overlayDirToWrite(given: string | undefined, env = process.env): string {
  if (given) return path.resolve(given);
  if (env.PARLEY_KB) return path.resolve(env.PARLEY_KB.split(path.delimiter)[0]);
  return path.resolve(DEFAULT_KB_DIR);
}

/** The first given folder that does not exist, if any. */
export function missingDir(choice: OverlayChoice): string | undefined {
  return choice.from === "default" ? undefined : choice.dirs.find((d) => !existsSync(d));
}
