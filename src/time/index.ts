// The time stage: time expressions resolved against the publication date, with their
// granularity — a day (YYYY-MM-DD), an ISO week (YYYY-Www) or a month (YYYY-MM).
// Weekdays are tense-aware: "on Saturday" in a report looks back, "would meet on Thursday"
// looks forward. Without a publication date nothing relative can be resolved, and only
// explicit dates with a year are given values.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Doc, TimeOut } from "../model/index.js";
import type { Stage } from "../pipeline.js";
import { TokenView } from "../actors/tokenView.js";
import { addDays, iso, isoMonth, isoWeek, parseIso, validDay, weekday } from "./calendar.js";

export interface TimeWords {
  weekdays: Record<string, number>;
  months: Record<string, number>;
  relativeDays: Record<string, number>;
  relativeUnits: Record<string, [string, number]>;
  futureMarkers: string[];
}

export function loadTimeWords(dataDir: string): TimeWords {
  const file = path.join(dataDir, "time", "words.json");
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`${file}: cannot read time words: ${(e as Error).message}`);
  }
}

const CLAUSE_BREAK = new Set([".", ";", ":", "”", "“", "\"", "but", "while", "although", "as", "which", "who"]);

/** The time words compiled once per stage: relative phrases by first word, future markers as a set. */
// Maps, not the JSON objects: any word is looked up, and "constructor" must not be a month.
interface CompiledTimeWords { w: TimeWords; phrases: Map<string, RelativePhrase[]>; future: ReadonlySet<string>; weekdays: Map<string, number>; months: Map<string, number> }

export function compileTimeWords(w: TimeWords): CompiledTimeWords {
  return { w, phrases: byFirstWord(w), future: new Set(w.futureMarkers), weekdays: new Map(Object.entries(w.weekdays)), months: new Map(Object.entries(w.months)) };
}

export function findTimes(doc: Doc, compiled: CompiledTimeWords): void {
  const { w, phrases, future, weekdays, months } = compiled;
  const v = new TokenView(doc.text, doc.tokens!);
  const pub = doc.published ? parseIso(doc.published) : null;
  const out: TimeOut[] = [];
  const push = (from: number, to: number, value: string | null) => {
    if (value) out.push({ start: v.start(from), end: v.end(to), text: doc.text.slice(v.start(from), v.end(to)), value });
  };
  for (let i = 0; i < v.count; i++) {
    // Every time word is a word; most tokens are not, and are passed without a lookup.
    if (!v.isWord(i)) continue;
    const word = v.lower(i);
    // Relative phrases: "last week", "earlier this month", "overnight".
    const rel = phrases.get(word)?.find((p) => p.words.every((x, k) => v.lower(i + k) === x));
    if (rel) {
      const end = i + rel.words.length - 1;
      if (pub) {
        if (rel.kind === "day") push(i, end, iso(addDays(pub, w.relativeDays[rel.phrase])));
        else {
          const [unit, n] = w.relativeUnits[rel.phrase];
          if (unit === "week") {
            // A Sunday paper's "last week" is the week just ending; otherwise the week before this one.
            const ref = n === -1 && weekday(pub) === 7 ? addDays(pub, -1) : addDays(pub, 7 * n);
            push(i, end, isoWeek(ref));
          } else if (unit === "month") push(i, end, isoMonth(pub.getUTCFullYear(), pub.getUTCMonth() + 1 + n));
          // A year ("last year") is coarser than the contract's granularities (day, week,
          // month): it is recognised, so its words are not read again, but given no value.
        }
      }
      i = end;
      continue;
    }
    // Weekdays: "on Saturday", "Saturday’s meeting", "on Thursday" after "would meet".
    const wd = v.isCap(i) ? weekdays.get(v.stemLower(i)) : undefined;
    if (wd && v.word(i).length > 3) {
      const from = v.is(i - 1, "on", "last", "next", "this") ? i - 1 : i;
      if (pub) {
        const forward = v.is(i - 1, "next") || (!v.is(i - 1, "last") && looksForward(v, doc, i, future));
        const today = weekday(pub);
        let delta = forward ? (wd - today + 7) % 7 || 7 : -((today - wd + 7) % 7);
        if (!forward && v.is(i - 1, "last") && delta === 0) delta = -7;
        // "Saturday’s meeting": the possessive ending is not part of the date.
        const end = v.end(i) - v.possessive(i);
        out.push({ start: v.start(from), end, text: doc.text.slice(v.start(from), end), value: iso(addDays(pub, delta)) });
      }
      continue;
    }
    // Explicit dates: "March 3", "3 March 2024", "Sept. 11, 2001", "in March".
    const month = months.get(word);
    if (month && v.isCap(i) && (word.length > 3 || v.word(i + 1) === ".")) {
      // "Sept." keeps its period; "June." ends a sentence.
      const abbreviated = word.length <= 4 && !["june", "july", "may"].includes(word);
      let j = i + (abbreviated && v.word(i + 1) === "." && v.touches(i, i + 1) ? 1 : 0);
      let day: number | null = null, year: number | null = null;
      if (/^\d{1,2}$/.test(v.word(j + 1))) { day = +v.word(j + 1); j++; }
      else if (/^\d{1,2}$/.test(v.word(i - 1))) { day = +v.word(i - 1); }
      if (v.word(j + 1) === "," && /^\d{4}$/.test(v.word(j + 2))) { year = +v.word(j + 2); j += 2; }
      else if (/^\d{4}$/.test(v.word(j + 1))) { year = +v.word(j + 1); j++; }
      if (day === null && year === null && !v.is(i - 1, "in", "since", "until", "by", "early", "late", "mid", "last", "next")) continue;
      const from = day !== null && /^\d{1,2}$/.test(v.word(i - 1)) ? i - 1 : i;
      // Without a year: the nearest such date on or before publication (news reports the past).
      let y = year ?? pub?.getUTCFullYear() ?? null;
      if (y === null) continue;
      if (year === null && pub && day !== null) {
        const candidate = validDay(y, month, day);
        if (candidate && candidate > iso(addDays(pub, 31))) y--;
      } else if (year === null && pub && month > pub.getUTCMonth() + 1 && !looksForward(v, doc, i, future)) {
        y--; // "talks in June" told in May looks back to last June unless the clause is about the future
      }
      push(from, j, day !== null ? validDay(y, month, day) : isoMonth(y, month));
      i = j;
    }
  }
  doc.times = out;
}

interface RelativePhrase { words: string[]; phrase: string; kind: "day" | "unit" }

/** Relative phrases keyed by their first word, longest first, so each token costs one lookup. */
function byFirstWord(w: TimeWords): Map<string, RelativePhrase[]> {
  const m = new Map<string, RelativePhrase[]>();
  const all: RelativePhrase[] = [
    ...Object.keys(w.relativeDays).map((p) => ({ words: p.split(" "), phrase: p, kind: "day" as const })),
    ...Object.keys(w.relativeUnits).map((p) => ({ words: p.split(" "), phrase: p, kind: "unit" as const })),
  ];
  for (const p of all) m.set(p.words[0], [...(m.get(p.words[0]) ?? []), p]);
  for (const list of m.values()) list.sort((a, b) => b.words.length - a.words.length);
  return m;
}

/** Does the clause before a weekday speak of the future ("would meet", "is due to", "will vote")? */
function looksForward(v: TokenView, doc: Doc, i: number, future: ReadonlySet<string>): boolean {
  const sentence = sentenceStartToken(doc, i);
  for (let k = i - 1; k >= sentence; k--) {
    const w = v.lower(k);
    if (CLAUSE_BREAK.has(w)) break;
    if (future.has(w)) return true;
  }
  return false;
}

function sentenceStartToken(doc: Doc, i: number): number {
  const starts = doc.tokens!.sentenceTokenStart;
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) { const mid = (lo + hi + 1) >>> 1; if (starts[mid] <= i) lo = mid; else hi = mid - 1; }
  return starts[lo];
}

export function createTimeStage(dataDir: string): Stage {
  const w = loadTimeWords(dataDir);
  const compiled = compileTimeWords(w);
  return { name: "time", run: (doc) => findTimes(doc, compiled) };
}
