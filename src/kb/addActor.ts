// `parley kb add`: one person (a row of user.actors.tsv) or one organisation (an entry of
// user.organisations.json) in the user's knowledge folder. Every value is checked against
// the knowledge base first (the country exists, the organisation id exists, dates are real
// days), and every problem is reported with the option it came from.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { KnowledgeError, type KnowledgeBase } from "./types.js";
import { isCalendarDate } from "./isoDate.js";
import { slug } from "./slug.js";
import { ACTOR_TSV_HEADER, organisationsJsonText, type OrganisationRecord } from "./overlayFiles.js";
import { CAMEO_CODE } from "./cameoCode.js";

export interface AddProblem { field: string; message: string }

export interface PersonInput {
  name: string; aliases: string[]; gender?: string; country?: string; sector?: string;
  role?: string; org?: string; start?: string; end?: string; code?: string;
}

export interface OrganisationInput { name: string; id?: string; aliases: string[]; code?: string; sector?: string; country?: string }

/** The file to write and its new text, or nothing to do (already there). */
export interface AddPlan { file: string; text: string | null; id: string; line?: number; note: string }

export const USER_ACTORS = "user.actors.tsv";
export const USER_ORGANISATIONS = "user.organisations.json";

const SECTOR = /^[A-Z]{3}$/;

function checkText(p: AddProblem[], field: string, v: string | undefined): void {
  if (v !== undefined && /[\t\r\n|]/.test(v)) p.push({ field, message: `must not contain tabs, line breaks or | (got ${JSON.stringify(v)})` });
}

function checkCountry(p: AddProblem[], kb: KnowledgeBase, v: string | undefined): void {
  if (v === undefined) return;
  if (!/^[A-Z]{3}$/.test(v)) p.push({ field: "--country", message: `must be an ISO 3166-1 alpha-3 code in capitals such as GBR (got "${v}")` });
  else if (kb.entities.get(`country:${v}`)?.kind !== "country") p.push({ field: "--country", message: `no country ${v} in the knowledge base (see parley kb search --kind country)` });
}

function checkSector(p: AddProblem[], v: string | undefined): void {
  if (v !== undefined && !SECTOR.test(v)) p.push({ field: "--sector", message: `must be three capital letters such as GOV, MIL, OPP (got "${v}")` });
}

function checkCode(p: AddProblem[], v: string | undefined): void {
  if (v !== undefined && !CAMEO_CODE.test(v)) p.push({ field: "--code", message: `must be a CAMEO code, capital letters in groups of three such as GBRGOV or IGOUNO (got "${v}")` });
}

export function planPerson(kb: KnowledgeBase, dir: string, input: PersonInput): AddPlan | AddProblem[] {
  const p: AddProblem[] = [];
  if (input.name.trim() === "") p.push({ field: "--name", message: "is empty" });
  checkText(p, "--name", input.name);
  for (const a of input.aliases) checkText(p, "--alias", a);
  checkText(p, "--role", input.role);
  if (input.gender !== undefined && input.gender !== "m" && input.gender !== "f") p.push({ field: "--gender", message: `must be m or f (got "${input.gender}")` });
  checkCountry(p, kb, input.country);
  const id = `person:${slug(input.name)}`;
  const known = kb.entities.get(id);
  // Adding names or an office to someone already known may reuse their sector.
  const sector = input.sector ?? known?.sector ?? undefined;
  if (sector === undefined) p.push({ field: "--sector", message: "is required for a new person (GOV, MIL, OPP …)" });
  checkSector(p, input.sector);
  for (const [field, v] of [["--start", input.start], ["--end", input.end]] as const) {
    if (v !== undefined && !isCalendarDate(v)) p.push({ field, message: `must be a date YYYY-MM-DD (got "${v}")` });
  }
  if (input.start && input.end && isCalendarDate(input.start) && isCalendarDate(input.end) && input.end < input.start) p.push({ field: "--end", message: `is before --start (${input.start})` });
  if ((input.start || input.end || input.org || input.code) && !input.role) p.push({ field: "--role", message: "is required with --start, --end, --org or --code (they describe a tenure)" });
  if (input.org !== undefined && kb.entities.get(input.org)?.kind !== "organisation") p.push({ field: "--org", message: `no organisation "${input.org}" in the knowledge base (give its id, e.g. org:nato)` });
  checkCode(p, input.code);
  if (p.length) return p;

  const file = path.join(dir, USER_ACTORS);
  // A known person's country carries over, so their new office is filed under it.
  const country = input.country ?? known?.country ?? "";
  const row = [input.name.trim(), input.aliases.join("|"), input.gender ?? "", country, sector!, input.role ?? "", input.org ?? "", input.start ?? "", input.end ?? "", input.code ?? ""].join("\t");
  const old = existsSync(file) ? readFileSync(file, "utf8") : `# People added with parley kb add\n${ACTOR_TSV_HEADER}\n`;
  const lines = old.replace(/\n$/, "").split("\n");
  const same = lines.findIndex((l) => l === row);
  if (same >= 0) return { file, text: null, id, line: same + 1, note: "already there" };
  // A role Parley has no phrase for still makes a tenure, but only the name will find the person.
  const unknownRole = input.role && !kb.offices.has(input.role.toLowerCase()) ? `; "${input.role}" is not a role phrase Parley knows (data/actors/roles.json), so "the ${input.role}" will not find them` : "";
  return { file, text: [...lines, row].join("\n") + "\n", id, line: lines.length + 1, note: (known ? "added to a known person" : "new person") + unknownRole };
}

export function planOrganisation(kb: KnowledgeBase, dir: string, input: OrganisationInput): AddPlan | AddProblem[] {
  const p: AddProblem[] = [];
  if (input.name.trim() === "") p.push({ field: "--name", message: "is empty" });
  checkText(p, "--name", input.name);
  for (const a of input.aliases) checkText(p, "--alias", a);
  if (input.code === undefined) p.push({ field: "--code", message: "is required for an organisation (a CAMEO code such as IGOUNO or GBRGOV)" });
  checkCode(p, input.code);
  checkCountry(p, kb, input.country);
  checkSector(p, input.sector);
  const id = input.id ?? `org:${slug(input.name)}`;
  if (!/^[a-z]+:[a-z0-9][a-z0-9-]*$/.test(id)) p.push({ field: "--id", message: `must look like org:name-in-lower-case (got "${id}")` });
  const known = kb.entities.get(id);
  if (known && known.kind !== "organisation") p.push({ field: "--id", message: `${id} is a ${known.kind}, not an organisation` });
  else if (known && input.code && known.code !== input.code) p.push({ field: "--code", message: `${id} (${known.name}) is already known with code ${known.code}; give another --id to add a different organisation` });
  if (p.length) return p;

  // The sector defaults to what the code says: GBRGOV -> GOV, IGOUNO -> IGO.
  const code = input.code!;
  const country = input.country ?? (kb.entities.get(`country:${code.slice(0, 3)}`)?.kind === "country" ? code.slice(0, 3) : null);
  const sector = input.sector ?? (country && code.length >= 6 ? code.slice(3, 6) : code.slice(0, 3));
  const file = path.join(dir, USER_ORGANISATIONS);
  const list = existsSync(file) ? readOrganisations(file) : [];
  const old = list.find((o) => o.id === id);
  if (old) {
    const before = JSON.stringify(old);
    for (const a of [input.name.trim(), ...input.aliases]) if (a !== old.name && !(old.aliases ??= []).includes(a)) old.aliases.push(a);
    if (JSON.stringify(old) === before) return { file, text: null, id, note: "already there" };
  } else {
    list.push({ id, name: input.name.trim(), aliases: input.aliases, sector, code, country });
  }
  return { file, text: organisationsJsonText(list, "Organisations added with parley kb add"), id, note: old ? "names added" : known ? "names added to a known organisation" : "new organisation" };
}

function readOrganisations(file: string): OrganisationRecord[] {
  let json: { organisations?: unknown };
  try { json = JSON.parse(readFileSync(file, "utf8")); } catch (e) { throw new KnowledgeError({ file, message: `not valid JSON: ${(e as Error).message}` }); }
  if (json.organisations !== undefined && !Array.isArray(json.organisations)) throw new KnowledgeError({ file, field: "organisations", message: "must be a list" });
  return (json.organisations as OrganisationRecord[] | undefined) ?? [];
}
