// `npm run eval`: runs `parley eval` over every gold set in ../shared/eval and prints the
// figures, one block per set. The gold data is not part of the package.
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const evalDir = path.resolve(root, "../shared/eval");
const SETS = [
  "seed/ceasefire-summit.gold.json",
  "quotes/polnear.dev.jsonl",
  "events/plover-gsr.dev.jsonl",
  "events/conflibert-cameo.train.jsonl",
  "actors/ngec-actors.dev.jsonl",
];

if (!existsSync(evalDir)) {
  console.log(`no gold data: ${evalDir} is absent`);
  process.exit(0);
}
let failed = 0;
for (const set of SETS) {
  const gold = path.join(evalDir, set);
  if (!existsSync(gold)) { console.log(`${set}: absent, skipped`); continue; }
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [path.join(root, "dist/src/cli/main.js"), "eval", "--gold", gold], { encoding: "utf8", maxBuffer: 1 << 26 });
  console.log(`== ${set} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  process.stdout.write(r.stdout.replace(/^/gm, "  "));
  if (r.status !== 0) { failed++; process.stdout.write(r.stderr.replace(/^/gm, "  ! ")); }
}
process.exitCode = failed ? 1 : 0;
