// The positions stage's knowledge: stance cues (lemma sequences → stance) and issues
// (word sequences → the issue's name), both keyed by their first word, longest first.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Stance } from "../model/index.js";
import { Lemmatiser } from "../events/lemma.js";
import { loadEventKnowledge, type EventKnowledge } from "../events/knowledge.js";
import { loadCues } from "../quotes/cues.js";

export interface StanceCue { words: string[]; stance: Stance }
export interface IssueTerm { words: string[]; issue: string }

export interface PositionKnowledge {
  cues: Map<string, StanceCue[]>;
  issues: Map<string, IssueTerm[]>;
  lemmas: Lemmatiser;
  /** First three letters of every form a cue's first word takes: most words are passed without lemmatising. */
  cuePrefixes: Set<string>;
  /** The events stage's knowledge, for its reading of subjects. */
  events: EventKnowledge;
  /** Forms of speech verbs that take no stance ("said", "adding"): a new clause begins there. */
  reportForms: Set<string>;
}

const STANCES = new Set<Stance>(["proposes", "supports", "accepts", "demands", "conditions", "commits", "rejects"]);

function byFirstWord<T extends { words: string[] }>(items: T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) m.set(it.words[0], [...(m.get(it.words[0]) ?? []), it]);
  for (const list of m.values()) list.sort((a, b) => b.words.length - a.words.length);
  return m;
}

function dataLines(file: string): Array<{ cols: string[]; line: number }> {
  let raw: string;
  try { raw = readFileSync(file, "utf8"); } catch (e) { throw new Error(`${file}: cannot read: ${(e as Error).message}`); }
  return raw.split("\n").map((l, i) => ({ l, line: i + 1 })).filter(({ l }) => l.trim() !== "" && !l.startsWith("#"))
    .map(({ l, line }) => ({ cols: l.split("\t").map((c) => c.trim()), line }));
}

export function loadPositionKnowledge(dataDir: string): PositionKnowledge {
  const stanceFile = path.join(dataDir, "positions", "stances.tsv");
  const cues: StanceCue[] = [];
  for (const { cols, line } of dataLines(stanceFile)) {
    const [phrase, stance] = cols;
    if (!phrase) throw new Error(`${stanceFile}:${line} (phrase): empty`);
    if (!STANCES.has(stance as Stance)) throw new Error(`${stanceFile}:${line} (stance): must be one of ${[...STANCES].join(", ")}, got "${stance ?? ""}"`);
    cues.push({ words: phrase.toLowerCase().split(/\s+/), stance: stance as Stance });
  }

  const issueFile = path.join(dataDir, "positions", "issues.json");
  let raw: { issues?: unknown };
  try { raw = JSON.parse(readFileSync(issueFile, "utf8")); } catch (e) { throw new Error(`${issueFile}: not valid JSON: ${(e as Error).message}`); }
  if (!Array.isArray(raw.issues)) throw new Error(`${issueFile} (issues): must be a list of lists of words`);
  const terms: IssueTerm[] = [];
  raw.issues.forEach((entry: unknown, i: number) => {
    if (!Array.isArray(entry) || entry.length === 0 || !entry.every((w) => typeof w === "string" && w.trim() !== "")) {
      throw new Error(`${issueFile} (issues[${i}]): must be a non-empty list of words, the first being the issue's name`);
    }
    for (const phrase of entry as string[]) {
      const words = phrase.toLowerCase().split(/\s+/);
      terms.push({ words, issue: entry[0] });
      // Single nouns also in the plural ("truces", "elections" is listed as said).
      if (words.length === 1 && !words[0].endsWith("s")) terms.push({ words: [words[0] + "s"], issue: entry[0] });
    }
  });

  // The lemmatiser knows the cue words, so "agreed" → "agree" and "ruled" → "rule".
  const known = new Set(cues.flatMap((c) => c.words));
  const irregular = new Map<string, string>();
  for (const { cols } of dataLines(path.join(dataDir, "events", "irregular-verbs.tsv"))) if (cols.length >= 2) { irregular.set(cols[0], cols[1]); known.add(cols[1]); }
  const firstWords = new Set(cues.map((c) => c.words[0]));
  const cuePrefixes = new Set([...firstWords].map((w) => w.slice(0, 3)));
  for (const [form, lemma] of irregular) if (firstWords.has(lemma)) cuePrefixes.add(form.slice(0, 3));
  // Speech verbs (data/quotes/cues.json) other than the stance cues themselves.
  const reportForms = new Set<string>();
  for (const [form, lemma] of loadCues(dataDir).forms) if (!firstWords.has(lemma)) reportForms.add(form);
  return { cues: byFirstWord(cues), issues: byFirstWord(terms), lemmas: new Lemmatiser(irregular, known), cuePrefixes, events: loadEventKnowledge(dataDir), reportForms };
}
