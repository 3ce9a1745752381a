// `parley kb import FILE`: Parley TSV/JSON or a CAMEO/PETRARCH actor dictionary into the
// user's knowledge folder.
import type { Command, CliIO } from "../../command.js";
import { EXIT_BAD_INPUT, EXIT_OK, UsageError } from "../../command.js";
import { parseOptions, oneOf } from "../../parseOptions.js";
import { defaultDataDir } from "../../../dataDir.js";
import { importKnowledge } from "../../../kb/importKnowledge.js";
import { DEFAULT_KB_DIR } from "../../../kb/overlayDirs.js";
import { writeTarget } from "./kbContext.js";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

const overlayFilesOf = (dir: string) => (existsSync(dir) ? readdirSync(dir).map((f) => path.join(dir, f)) : []);

const HELP = `parley kb import FILE [--format parley|cameo|petrarch] [--kind auto|person|organisation] [--skip-bad]

Brings actors from FILE into your knowledge folder, where extract/ingest/worker find them.

  --format parley    Parley's own files: an actor TSV (name, aliases, gender, country,
                     sector, role, org, start, end[, code]), an organisations JSON
                     ({"organisations": […]}) or a country-names JSON ({"countries": {…}});
                     checked and copied. Default for .tsv and .json files.
  --format cameo|petrarch
                     a CAMEO actor dictionary in the TABARI/PETRARCH text format (default
                     for other files): an entry line NAME_WITH_UNDERSCORES [CODE], synonym
                     lines +OTHER_NAME, date-restricted codes [CODE 20000507-20080507],
                     [CODE >20080507], [CODE <19991231] or [CODE 20000507-] on their own
                     (indented) lines, YYMMDD or YYYYMMDD dates, comments after # or ;.
                     Codes are split into country (the first three letters when they are a
                     known ISO3 country) and sector (the next three); IGO/NGO/MNC codes get
                     no country and that type as sector. Entries with date-restricted codes
                     become people with one tenure per period (the full code is kept),
                     entries with one code organisations, entries coded with a bare country
                     code more names for that country.
  --kind auto|person|organisation
                     what plain-coded entries are (default auto: see above)
  --skip-bad         write the good entries even when some lines are bad
  --kb DIR           the folder to write (default: $PARLEY_KB, else ./${DEFAULT_KB_DIR})

The files written are named after FILE (ukraine.actors.txt -> ukraine.actors.tsv …);
importing FILE again replaces them. Every bad line is reported as "file:line: problem".
Exit codes: 0 imported; 1 some lines were bad (nothing written unless --skip-bad); 2 usage.`;

export const kbImportCommand: Command = {
  name: "import",
  summary: "import Parley TSV/JSON or a CAMEO/PETRARCH actor dictionary",
  help: HELP,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseOptions(argv, { format: "string", kind: "string", "skip-bad": "boolean", kb: "string" }, "kb import");
    if (values.help) { io.stdout.write(HELP + "\n"); return EXIT_OK; }
    if (positionals.length !== 1) throw new UsageError("parley kb import: give exactly one FILE");
    const format = oneOf(values.format, ["parley", "cameo", "petrarch"] as const, "format", "kb import");
    const kind = oneOf(values.kind, ["auto", "person", "organisation"] as const, "kind", "kb import");
    const { target, others } = writeTarget(values.kb);
    const existed = new Set([...overlayFilesOf(target)]);
    const s = importKnowledge({ file: positionals[0], format, kind, skipBad: values["skip-bad"], dataDir: defaultDataDir(), readDirs: others, targetDir: target });
    for (const p of s.problems) io.stderr.write(p.message + "\n");
    for (const n of s.notes) io.stderr.write(`note: ${n}\n`);
    for (const w of s.warnings) io.stderr.write(`warning: ${w}\n`);
    const wrote = s.written.length > 0;
    if (wrote) {
      io.stdout.write(`imported ${positionals[0]}: ${s.counts.persons} people, ${s.counts.organisations} organisations, ${s.counts.countryNames} country names\n`);
      for (const f of s.written) io.stdout.write(`  wrote ${f}\n`);
    } else if (s.problems.length) {
      io.stderr.write(`parley kb import: nothing written (${s.problems.length} bad line${s.problems.length > 1 ? "s" : ""}; fix them or use --skip-bad)\n`);
    } else {
      io.stdout.write(`imported ${positionals[0]}: nothing to import\n`);
    }
    for (const f of s.removed.filter((f) => existed.has(f))) io.stdout.write(`  removed ${f} (this import has nothing for it)\n`);
    return s.problems.length ? EXIT_BAD_INPUT : EXIT_OK;
  },
};
