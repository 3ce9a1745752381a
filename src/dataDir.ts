// Where the knowledge files live. The package ships data/ beside dist/; a user may point
// Parley at their own copy (PARLEY_DATA or the `dataDir` option) to add or replace entries.
import { fileURLToPath } from "node:url";
import path from "node:path";

export function defaultDataDir(): string {
  if (process.env.PARLEY_DATA) return path.resolve(process.env.PARLEY_DATA);
  // dist/src/dataDir.js -> <package>/data
  return fileURLToPath(new URL("../../data/", import.meta.url));
}
