// The --kb DIR option of the commands that analyse text (extract, ingest, worker, eval) and
// of `parley kb`: which user knowledge folders to load after the built-in data. A folder
// named with --kb or $PARLEY_KB must exist; ./parley-kb is used only when it does.
import { UsageError } from "./command.js";
import { missingDir, overlayDirsToRead } from "../kb/overlayDirs.js";

export const KB_OPTION_HELP = `  --kb DIR                 a knowledge folder of your own actors (parley kb add/import),
                           loaded after the built-in data; repeatable (default: $PARLEY_KB,
                           else ./parley-kb when it exists)`;

export function knowledgeDirs(given: string[] | undefined, command: string): string[] {
  const choice = overlayDirsToRead(given);
  const missing = missingDir(choice);
  if (missing) throw new UsageError(`parley ${command}: ${choice.from === "--kb" ? "--kb" : "PARLEY_KB"}: no folder ${missing}`);
  return choice.dirs;
}
