// `parley kb import FILE`: brings actors from a file into the user's knowledge folder.
// Parley's own formats (actor TSV, organisations JSON, country-names JSON) are checked by
// loading them exactly as the pipeline will and then copied; a CAMEO/PETRARCH actor
// dictionary is read (cameoActorDictionary.ts) and converted (cameoImport.ts). Either way
// every problem names the input file and line, and nothing is written unless the folder
// still loads afterwards. Importing the same file again replaces what it brought before.
import { readFileSync } from "node:fs";
import path from "node:path";
import { KnowledgeError, type KnowledgeBase } from "./types.js";
import { loadActorTsv, loadCountryExtras, loadKnowledge, loadOrganisations } from "./loadKnowledge.js";
import { parseCameoActorDictionary } from "./cameoActorDictionary.js";
import { convertCameoEntries, type ImportKind } from "./cameoImport.js";
import { loadCameoScheme } from "./cameoCode.js";
import { capitalNames } from "./dictionaryNameCase.js";
import { actorTsvText, countriesJsonText, organisationsJsonText, overlayFileNames, writeFilesChecked } from "./overlayFiles.js";
import { slug } from "./slug.js";

export type ImportFormat = "parley" | "cameo" | "petrarch";

export interface ImportOptions {
  file: string;
  format?: ImportFormat;
  kind?: ImportKind;
  /** Write the good entries even when some lines are bad (the bad ones are still reported). */
  skipBad?: boolean;
  dataDir: string;
  /** Folders loaded before the target (other overlays) and the folder written to. */
  readDirs: readonly string[];
  targetDir: string;
}

export interface ImportSummary {
  written: string[];
  removed: string[];
  problems: KnowledgeError[];
  notes: string[];
  /** What loading the folder afterwards warned about the written files (a code that disagrees with the built-in one …). */
  warnings: string[];
  counts: { persons: number; organisations: number; countryNames: number };
}

/** parley for .tsv and .json, otherwise a CAMEO/PETRARCH dictionary. */
export function guessFormat(file: string): ImportFormat {
  return /\.(tsv|json)$/i.test(file) ? "parley" : "cameo";
}

/** "Phoenix.Countries.actors.txt" -> "phoenix-countries": the name the overlay files take. */
export function importBaseName(file: string): string {
  return slug(path.basename(file).replace(/\.[^.]*$/, "").replace(/\.actors?$/i, "")) || "imported";
}

export function importKnowledge(o: ImportOptions): ImportSummary {
  const format = o.format ?? guessFormat(o.file);
  let text: string;
  try { text = readFileSync(o.file, "utf8"); } catch (e) { throw new KnowledgeError({ file: o.file, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` }); }
  const others = o.readDirs.filter((d) => path.resolve(d) !== path.resolve(o.targetDir));
  const kb = loadKnowledge(o.dataDir, others);
  const names = overlayFileNames(o.targetDir, importBaseName(o.file));
  const files = new Map<string, string | null>([[names.actors, null], [names.organisations, null], [names.countries, null]]);
  const summary: ImportSummary = { written: [], removed: [], problems: [], notes: [], warnings: [], counts: { persons: 0, organisations: 0, countryNames: 0 } };
  const note = `Imported by parley kb import from ${path.basename(o.file)}`;

  if (format === "parley") {
    copyParleyFile(o.file, text, kb, names, files, summary);
  } else {
    const parsed = parseCameoActorDictionary(text, o.file);
    const converted = convertCameoEntries(parsed.entries, { file: o.file, kb, scheme: loadCameoScheme(o.dataDir), capitals: capitalNames(kb), kind: o.kind ?? "auto" });
    summary.problems.push(...parsed.problems, ...converted.problems);
    summary.problems.sort((a, b) => (a.problem.line ?? 0) - (b.problem.line ?? 0));
    summary.notes.push(...converted.notes);
    summary.counts = converted.counts;
    const c = converted.content;
    if (c.actorRows.length) files.set(names.actors, actorTsvText(c.actorRows, `${note} (CAMEO actor dictionary); the line above each person is where they are in it`));
    if (c.organisations.length) files.set(names.organisations, organisationsJsonText(c.organisations, `${note} (CAMEO actor dictionary)`));
    if (c.countries.size) files.set(names.countries, countriesJsonText(c.countries, `${note} (CAMEO actor dictionary)`));
  }
  if (summary.problems.length && !o.skipBad) return summary;
  writeFilesChecked(o.targetDir, files, () => {
    const after = loadKnowledge(o.dataDir, [...others, o.targetDir]);
    const written = [...files].filter(([, t]) => t !== null).map(([f]) => f);
    summary.warnings.push(...after.warnings.filter((w) => written.some((f) => w.startsWith(f))));
  });
  for (const [f, t] of files) (t === null ? summary.removed : summary.written).push(f);
  return summary;
}

/** Checks one of Parley's own files against the knowledge base and queues it for copying under the import's name. */
function copyParleyFile(file: string, text: string, kb: KnowledgeBase, names: ReturnType<typeof overlayFileNames>, files: Map<string, string | null>, summary: ImportSummary): void {
  const count = (kind: "persons" | "organisations" | "countryNames", n: number) => { summary.counts[kind] += n; };
  try {
    if (/\.tsv$/i.test(file)) {
      const persons = new Set([...kb.entities.keys()]);
      loadActorTsv(file, kb);
      count("persons", [...kb.entities.keys()].filter((k) => !persons.has(k)).length);
      files.set(names.actors, text);
      return;
    }
    let json: Record<string, unknown>;
    try { json = JSON.parse(text); } catch (e) { throw new KnowledgeError({ file, message: `not valid JSON: ${(e as Error).message}` }); }
    if (!Array.isArray(json.organisations) && (typeof json.countries !== "object" || json.countries === null)) {
      throw new KnowledgeError({ file, message: 'expected an "organisations" list (organisations.json format) or a "countries" object (country-extras.json format)' });
    }
    if (Array.isArray(json.organisations)) {
      loadOrganisations(file, kb);
      count("organisations", (json.organisations as unknown[]).length);
      files.set(names.organisations, JSON.stringify({ _source: json._source ?? `Imported from ${path.basename(file)}`, organisations: json.organisations }, null, 1) + "\n");
    }
    if (json.countries && typeof json.countries === "object") {
      loadCountryExtras(file, kb, 0);
      count("countryNames", Object.keys(json.countries).length);
      files.set(names.countries, JSON.stringify({ _source: json._source ?? `Imported from ${path.basename(file)}`, countries: json.countries }, null, 1) + "\n");
    }
  } catch (e) {
    if (!(e instanceof KnowledgeError)) throw e;
    summary.problems.push(e);
  }
}
