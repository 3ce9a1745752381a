// `parley kb add`: a person or an organisation into the user's knowledge folder.
import type { Command, CliIO } from "../../command.js";
import { EXIT_BAD_INPUT, EXIT_OK, UsageError } from "../../command.js";
import { parseOptions, oneOf } from "../../parseOptions.js";
import { defaultDataDir } from "../../../dataDir.js";
import { loadKnowledge } from "../../../kb/loadKnowledge.js";
import { planOrganisation, planPerson, type AddPlan, type AddProblem } from "../../../kb/addActor.js";
import { writeFilesChecked } from "../../../kb/overlayFiles.js";
import { DEFAULT_KB_DIR } from "../../../kb/overlayDirs.js";
import { existsSync } from "node:fs";
import { writeTarget } from "./kbContext.js";

const HELP = `parley kb add --name NAME [options]

Adds an actor to your knowledge folder (not to Parley's package): people go to
user.actors.tsv, organisations to user.organisations.json, in the formats of data/actors/.
\`parley extract\`, \`ingest\` and \`worker\` load the folder after the built-in data.

A person (the default --kind):
  --name NAME            full name as news writes it ("Jane Doe")
  --alias NAME           another name; repeatable
  --gender m|f
  --country ISO3         country of the person and the office (GBR, USA …; must be known)
  --sector XXX           CAMEO sector: GOV MIL OPP REB LEG JUD … (required for someone new)
  --role ROLE            office held ("foreign secretary"); a known role phrase maps to its
                         office, so "the foreign secretary" finds the holder on a date
  --org ID               the organisation whose office it is (org:nato …)
  --start YYYY-MM-DD     first day in office (empty: always)
  --end YYYY-MM-DD       last day in office (empty: still in office)
  --code CODE            the full CAMEO code for this tenure, when it is not country+sector

An organisation (--kind organisation):
  --name NAME, --alias NAME
  --code CODE            CAMEO code (GBRGOV, IGOUNO …), required
  --sector XXX           default: from the code (GBRGOV -> GOV, IGOUNO -> IGO)
  --country ISO3         default: from the code when it starts with a country
  --id ID                default: org:<name in lower case with hyphens>

  --kb DIR               the folder to write (default: $PARLEY_KB, else ./${DEFAULT_KB_DIR};
                         created when missing)

Adding the same thing twice changes nothing. Each bad value is reported as one line
"--option: problem" and nothing is written.
Exit codes: 0 added (or already there); 1 a value was refused; 2 usage.`;

export const kbAddCommand: Command = {
  name: "add",
  summary: "add a person or organisation to your knowledge folder",
  help: HELP,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseOptions(argv, {
      kind: "string", name: "string", alias: "multiple", gender: "string", country: "string", sector: "string", role: "string",
      org: "string", start: "string", end: "string", code: "string", id: "string", kb: "string",
    }, "kb add");
    if (values.help) { io.stdout.write(HELP + "\n"); return EXIT_OK; }
    if (positionals.length) throw new UsageError(`parley kb add: unexpected argument "${positionals[0]}" (put the name after --name)`);
    const kind = oneOf(values.kind, ["person", "organisation"] as const, "kind", "kb add") ?? "person";
    if (values.name === undefined) throw new UsageError("parley kb add: --name is required");
    const personOnly = (["gender", "role", "org", "start", "end"] as const).filter((k) => values[k] !== undefined);
    if (kind === "organisation" && personOnly.length) throw new UsageError(`parley kb add: --${personOnly[0]} is for a person, not an organisation`);
    if (kind === "person" && values.id !== undefined) throw new UsageError("parley kb add: --id is for an organisation (a person's id comes from the name)");

    const { target, others } = writeTarget(values.kb);
    const dataDir = defaultDataDir();
    const readDirs = [...others, ...(existsSync(target) ? [target] : [])];
    const kb = loadKnowledge(dataDir, readDirs);
    const aliases = values.alias ?? [];
    const plan: AddPlan | AddProblem[] = kind === "person"
      ? planPerson(kb, target, { name: values.name, aliases, gender: values.gender, country: values.country, sector: values.sector, role: values.role, org: values.org, start: values.start, end: values.end, code: values.code })
      : planOrganisation(kb, target, { name: values.name, aliases, code: values.code, sector: values.sector, country: values.country, id: values.id });
    if (Array.isArray(plan)) {
      for (const p of plan) io.stderr.write(`parley kb add: ${p.field}: ${p.message}\n`);
      return EXIT_BAD_INPUT;
    }
    if (plan.text === null) {
      io.stdout.write(`${plan.id} is already there: ${plan.file}${plan.line ? `:${plan.line}` : ""}\n`);
      return EXIT_OK;
    }
    // The folder must still load as the pipeline will load it; otherwise nothing is kept.
    writeFilesChecked(target, new Map([[plan.file, plan.text]]), () => { loadKnowledge(dataDir, [...others, target]); });
    io.stdout.write(`added ${values.name} (${plan.id}, ${plan.note}): ${plan.file}${plan.line ? `:${plan.line}` : ""}\n`);
    return EXIT_OK;
  },
};
