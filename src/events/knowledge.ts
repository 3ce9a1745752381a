// The events stage's knowledge: CAMEO codes with PLOVER type, mode, context and Goldstein
// score; triggers (lemma sequences → CAMEO); irregular verb forms; accusation phrases.
import { readFileSync } from "node:fs";
import path from "node:path";
import { Lemmatiser } from "./lemma.js";
import { loadTimeWords } from "../time/index.js";

export interface CameoEntry { code: string; plover: string; mode: string | null; context: string[]; goldstein: number }
export interface Trigger { words: string[]; pos: "verb" | "noun"; cameo: string; plover: string | null }

export interface EventKnowledge {
  cameo: Map<string, CameoEntry>;
  /** triggers by first lemma, longest first */
  triggers: Map<string, Trigger[]>;
  accusations: string[][];
  /** first lemmas of the accusation phrases, to skip every other token at once */
  accusationStarts: ReadonlySet<string>;
  /** verbs whose clause reports an actor's statement or decision ("said that …") */
  reportVerbs: ReadonlySet<string>;
  /** light verbs whose subject acts in the event noun they take ("issued an ultimatum") */
  supportVerbs: ReadonlySet<string>;
  /** phrases that look like a trigger but are news formulae ("asked not to be named") */
  nonEvents: string[][];
  /** weekday names, lower case (data/time/words.json): adverbials even where the time stage could not date them */
  weekdays: ReadonlySet<string>;
  /** "the government", "the authorities": a reported clause's subject that stands for the speaker's own government */
  ownGovernmentNouns: ReadonlySet<string>;
  /** nouns that pass a light verb's subject across a preposition ("claimed responsibility for the attack") */
  linkingNouns: ReadonlySet<string>;
  /** nouns for issued statements ("a declaration demanding …") */
  statementNouns: ReadonlySet<string>;
  /** verbs a noun phrase does not run over: report verbs and verb triggers */
  clauseVerbs: ReadonlySet<string>;
  /** "04|intent" → the CAMEO code an intention or refusal of that root becomes */
  recode: Map<string, { cameo: string; plover: string }>;
  /** "strike|noun" → the CAMEO code that trigger takes when an actor of one of `sectors` does it (source-sector-codes.tsv) */
  bySourceSector: Map<string, { sectors: ReadonlySet<string>; cameo: string }>;
  lemmas: Lemmatiser;
}

function readList(file: string): string[] {
  let raw: string;
  try { raw = readFileSync(file, "utf8"); } catch (e) { throw new Error(`${file}: cannot read: ${(e as Error).message}`); }
  return raw.split("\n").map((l) => l.trim().toLowerCase()).filter((l) => l !== "" && !l.startsWith("#"));
}

function readTsv(file: string, columns: number): Array<{ cols: string[]; line: number }> {
  let raw: string;
  try { raw = readFileSync(file, "utf8"); } catch (e) { throw new Error(`${file}: cannot read: ${(e as Error).message}`); }
  const out: Array<{ cols: string[]; line: number }> = [];
  raw.split("\n").forEach((l, i) => {
    if (l.trim() === "" || l.startsWith("#")) return;
    const cols = l.split("\t");
    if (cols.length < columns) throw new Error(`${file}:${i + 1}: expected ${columns} tab-separated columns, found ${cols.length}`);
    out.push({ cols: cols.map((c) => c.trim()), line: i + 1 });
  });
  return out;
}

export function loadEventKnowledge(dataDir: string): EventKnowledge {
  const dir = path.join(dataDir, "events");
  const cameo = new Map<string, CameoEntry>();
  for (const { cols, line } of readTsv(path.join(dir, "cameo.tsv"), 5)) {
    const [code, plover, mode, context, goldstein] = cols;
    if (!/^\d{2,4}$/.test(code)) throw new Error(`${path.join(dir, "cameo.tsv")}:${line} (code): not a CAMEO code: "${code}"`);
    cameo.set(code, { code, plover, mode: mode || null, context: context ? context.split(/\s+/) : [], goldstein: Number(goldstein) });
  }
  const triggers = new Map<string, Trigger[]>();
  const known = new Set<string>();
  const triggerFile = path.join(dir, "triggers.tsv");
  for (const { cols, line } of readTsv(triggerFile, 3)) {
    const [phrase, pos, code, plover] = cols;
    if (pos !== "verb" && pos !== "noun") throw new Error(`${triggerFile}:${line} (pos): must be verb or noun, got "${pos}"`);
    if (!cameo.has(code)) throw new Error(`${triggerFile}:${line} (cameo): unknown CAMEO code "${code}"`);
    const words = phrase.toLowerCase().split(/\s+/);
    words.forEach((w) => known.add(w));
    const list = triggers.get(words[0]) ?? [];
    list.push({ words, pos, cameo: code, plover: plover || null });
    triggers.set(words[0], list);
  }
  for (const list of triggers.values()) list.sort((a, b) => b.words.length - a.words.length);
  const irregular = new Map<string, string>();
  for (const { cols } of readTsv(path.join(dir, "irregular-verbs.tsv"), 2)) { irregular.set(cols[0], cols[1]); known.add(cols[1]); }
  const accusations = readList(path.join(dir, "accusation-phrases.tsv")).map((l) => l.split(/\s+/));
  accusations.flat().forEach((w) => known.add(w));
  const reportVerbs = new Set(readList(path.join(dir, "report-verbs.tsv")));
  const supportVerbs = new Set(readList(path.join(dir, "support-verbs.tsv")));
  const statementNouns = new Set(readList(path.join(dir, "statement-nouns.tsv")));
  const linkingNouns = new Set(readList(path.join(dir, "linking-nouns.tsv")));
  const ownGovernmentNouns = new Set(readList(path.join(dir, "own-government-nouns.tsv")));
  const weekdays = new Set(Object.keys(loadTimeWords(dataDir).weekdays).filter((w) => w.length > 3));
  const nonEvents = readList(path.join(dir, "non-events.tsv")).map((l) => l.split(/\s+/));
  for (const w of [...reportVerbs, ...supportVerbs]) known.add(w);
  const clauseVerbs = new Set(reportVerbs);
  for (const list of triggers.values()) for (const t of list) if (t.pos === "verb" && t.words.length === 1) clauseVerbs.add(t.words[0]);
  const recode = new Map<string, { cameo: string; plover: string }>();
  const recodeFile = path.join(dir, "intent-codes.tsv");
  for (const { cols, line } of readTsv(recodeFile, 4)) {
    const [root, when, code, plover] = cols;
    if (!cameo.has(code)) throw new Error(`${recodeFile}:${line} (cameo): unknown CAMEO code "${code}"`);
    recode.set(`${root}|${when}`, { cameo: code, plover });
  }
  const bySourceSector = new Map<string, { sectors: ReadonlySet<string>; cameo: string }>();
  const sectorFile = path.join(dir, "source-sector-codes.tsv");
  for (const { cols, line } of readTsv(sectorFile, 4)) {
    const [phrase, pos, sectors, code] = cols;
    if (!cameo.has(code)) throw new Error(`${sectorFile}:${line} (cameo): unknown CAMEO code "${code}"`);
    bySourceSector.set(`${phrase.toLowerCase()}|${pos}`, { sectors: new Set(sectors.split(/\s+/)), cameo: code });
  }
  return { cameo, triggers, accusations, accusationStarts: new Set(accusations.map((a) => a[0])), reportVerbs, supportVerbs, weekdays, linkingNouns, ownGovernmentNouns, statementNouns, nonEvents, clauseVerbs, recode, bySourceSector, lemmas: new Lemmatiser(irregular, known) };
}
