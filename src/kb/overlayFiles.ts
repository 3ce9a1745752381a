// Writing a user's knowledge folder: the file texts for people (actor TSV), organisations
// and extra country names, in the formats data/actors/ uses, and writes that can be undone
// when the folder no longer loads afterwards.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { OVERLAY_SUFFIXES } from "./overlayFolder.js";

export interface OrganisationRecord {
  id: string;
  name: string;
  aliases: string[];
  sector: string;
  code: string;
  country: string | null;
  /** Where it came from (file:line). */
  source?: string;
}

export interface OverlayContent {
  /** Actor TSV rows (ten columns), with the input line they came from for a comment above them. */
  actorRows: Array<{ cols: string[]; origin?: string }>;
  organisations: OrganisationRecord[];
  /** ISO3 -> names to add. */
  countries: Map<string, string[]>;
}

export const ACTOR_TSV_HEADER = "# name\taliases (|)\tgender\tcountry\tsector\trole\torg\tstart\tend\tcode";

export function actorTsvText(rows: OverlayContent["actorRows"], note: string): string {
  const lines = [`# ${note}`, ACTOR_TSV_HEADER];
  for (const r of rows) {
    if (r.origin) lines.push(`# ${r.origin}`);
    lines.push(r.cols.join("\t"));
  }
  return lines.join("\n") + "\n";
}

export function organisationsJsonText(orgs: readonly OrganisationRecord[], note: string): string {
  const organisations = orgs.map((o) => ({
    id: o.id, name: o.name, aliases: o.aliases, sector: o.sector, code: o.code, country: o.country,
    ...(o.source ? { source: o.source } : {}),
  }));
  return JSON.stringify({ _source: note, organisations }, null, 1) + "\n";
}

export function countriesJsonText(countries: ReadonlyMap<string, string[]>, note: string): string {
  const out: Record<string, { aliases: string[] }> = {};
  for (const iso3 of [...countries.keys()].sort()) out[iso3] = { aliases: countries.get(iso3)! };
  return JSON.stringify({ _source: note, countries: out }, null, 1) + "\n";
}

/** The overlay file names for content imported from one source ("ukraine.actors.txt" -> "ukraine"). */
export function overlayFileNames(dir: string, base: string): { actors: string; organisations: string; countries: string } {
  return {
    actors: path.join(dir, base + OVERLAY_SUFFIXES.actors),
    organisations: path.join(dir, base + OVERLAY_SUFFIXES.organisations),
    countries: path.join(dir, base + OVERLAY_SUFFIXES.countries),
  };
}

/**
 * Writes (text) or removes (null) each file, then runs check; if check throws, every file is
 * put back as it was and the error is passed on.
 */
export function writeFilesChecked(dir: string, files: ReadonlyMap<string, string | null>, check: () => void): void {
  const before = new Map<string, string | null>();
  for (const f of files.keys()) before.set(f, existsSync(f) ? readFileSync(f, "utf8") : null);
  const dirExisted = existsSync(dir);
  mkdirSync(dir, { recursive: true });
  const put = (f: string, text: string | null) => { if (text === null) rmSync(f, { force: true }); else writeFileSync(f, text); };
  try {
    for (const [f, text] of files) put(f, text);
    check();
  } catch (e) {
    for (const [f, text] of before) put(f, text);
    if (!dirExisted) rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
