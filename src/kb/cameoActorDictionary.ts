// Reads a CAMEO actor dictionary in the TABARI/PETRARCH text format (the format of the
// Phoenix/CountryInfo .actors files). A record is
//
//   HAMID_KARZAI_  [AFGELI]          primary phrase, words joined by _ or blanks, optional codes
//   +KARZAI_                          a synonym (one per line, starting with +)
//       [AFGGOV 011222-141004]        date restrictions, one or more a line, usually indented:
//       [AFGGOV >011222]              >D from D on, <D up to D, D1-D2 between (inclusive),
//       [AFGELI]                      D- from D on; no date: the default code; [---] no code
//
// Dates are YYYYMMDD or YYMMDD (YY 00-30 is 20YY, else 19YY, as KEDS/TABARI read them).
// Comments: # or ; to the end of the line, <!-- … --> (also over several lines). A line
// ---STOP--- ends the dictionary. A primary phrase without any code shares the codes of
// the next record that has some (how PETRARCH reads consecutive code-less entries), but
// stays a separate actor here. Anything else is an error naming the file and line.
import { KnowledgeError } from "./types.js";
import { isRealDay, isoDate } from "./isoDate.js";

export interface DictPhrase { text: string; line: number }

export interface DictCode {
  /** null for the null code [---] (the phrase is known but not coded). */
  code: string | null;
  /** First day (inclusive), or null: open towards the past. */
  from: string | null;
  /** Last day (inclusive), or null: open towards the future. */
  to: string | null;
  line: number;
}

export interface DictEntry {
  primary: DictPhrase;
  synonyms: DictPhrase[];
  codes: DictCode[];
  /** True when the codes were taken from the next record (the entry had none of its own). */
  sharedCodes: boolean;
  /** True when one of the record's lines could not be read: the record is left out (its other lines are still checked). */
  bad?: boolean;
}

const CODE_TEXT = /^[A-Z]+$/;

export interface ParsedDictionary {
  entries: DictEntry[];
  /** Lines that could not be read, each with file, line and what is wrong; their records are marked bad. */
  problems: KnowledgeError[];
}

export function parseCameoActorDictionary(text: string, file: string): ParsedDictionary {
  const entries: DictEntry[] = [];
  const problems: KnowledgeError[] = [];
  const bad = new Set<DictEntry>();
  let current: DictEntry | null = null;
  let inComment = false;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    let raw = lines[i];
    if (i === 0) raw = raw.replace(/^\uFEFF/, "");
    // XML-style comments, possibly spanning lines.
    if (inComment) {
      const close = raw.indexOf("-->");
      if (close < 0) continue;
      raw = raw.slice(close + 3);
      inComment = false;
    }
    raw = raw.replace(/<!--.*?-->/g, " ");
    const open = raw.indexOf("<!--");
    if (open >= 0) { raw = raw.slice(0, open); inComment = true; }
    if (raw.includes("---STOP---")) break;
    const body = stripLineComment(raw).trim();
    if (body === "") continue;
    try {
      current = readLine(body, current, file, line, entries);
    } catch (e) {
      if (!(e instanceof KnowledgeError)) throw e;
      problems.push(e);
      // A bad line leaves its whole record out (half a record would code the missing periods wrongly);
      // a bad entry line takes its synonyms and codes with it rather than lending them to the entry before.
      if (!body.startsWith("+") && !body.startsWith("[")) current = { primary: { text: "", line }, synonyms: [], codes: [], sharedCodes: false };
      if (current) bad.add(current);
    }
  }
  if (inComment) problems.push(new KnowledgeError({ file, line: lines.length, message: "a <!-- comment is never closed" }));
  for (const e of bad) e.bad = true;
  // Code-less entries take the codes of the next entry that has some.
  let next: DictCode[] = [];
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i];
    if (e.bad) continue;
    if (e.codes.length) next = e.codes;
    else if (next.length) { e.codes = next; e.sharedCodes = true; }
  }
  return { entries, problems };
}

/** Reads one non-blank line into the records; returns the record later lines belong to. */
function readLine(body: string, current: DictEntry | null, file: string, line: number, entries: DictEntry[]): DictEntry {
  if (body.startsWith("+")) {
    if (!current) throw new KnowledgeError({ file, line, message: "a synonym (+…) before any entry" });
    const { phrase, rest } = splitPhrase(body.slice(1), file, line);
    if (rest !== "") throw new KnowledgeError({ file, line, message: `a synonym line takes no code (found "${rest}"); put codes on the entry or an indented [CODE …] line` });
    if (phrase === "") throw new KnowledgeError({ file, line, message: "empty synonym" });
    current.synonyms.push({ text: phrase, line });
    return current;
  }
  if (body.startsWith("[")) {
    if (!current) throw new KnowledgeError({ file, line, message: "a code restriction ([…]) before any entry" });
    current.codes.push(...parseBrackets(body, file, line));
    return current;
  }
  const { phrase, rest } = splitPhrase(body, file, line);
  if (phrase === "") throw new KnowledgeError({ file, line, field: "phrase", message: "an entry needs a name before its codes" });
  const entry: DictEntry = { primary: { text: phrase, line }, synonyms: [], codes: rest === "" ? [] : parseBrackets(rest, file, line), sharedCodes: false };
  entries.push(entry);
  return entry;
}

/** Drops a # or ; comment (the legacy KEDS/TABARI form). Neither occurs inside names or codes. */
function stripLineComment(s: string): string {
  const at = s.search(/[#;]/);
  return at < 0 ? s : s.slice(0, at);
}

/** The phrase before any [code], with underscores and runs of blanks as single spaces. */
function splitPhrase(s: string, file: string, line: number): { phrase: string; rest: string } {
  const at = s.indexOf("[");
  const head = at < 0 ? s : s.slice(0, at);
  const rest = at < 0 ? "" : s.slice(at).trim();
  if (/[\]{}]/.test(head)) throw new KnowledgeError({ file, line, field: "phrase", message: `unexpected "${head.match(/[\]{}]/)![0]}" in "${head.trim()}"` });
  const phrase = head.replace(/[_\s]+/g, " ").trim();
  if (phrase !== "" && !/\p{L}/u.test(phrase)) throw new KnowledgeError({ file, line, field: "phrase", message: `"${head.trim()}" has no letters` });
  return { phrase, rest };
}

/** One or more [CODE restriction] groups, nothing else on the line. */
function parseBrackets(s: string, file: string, line: number): DictCode[] {
  const out: DictCode[] = [];
  let rest = s.trim();
  while (rest !== "") {
    if (!rest.startsWith("[")) throw new KnowledgeError({ file, line, message: `unexpected "${rest}" after the codes` });
    const close = rest.indexOf("]");
    if (close < 0) throw new KnowledgeError({ file, line, message: `"${rest}" has no closing ]` });
    out.push(parseCode(rest.slice(1, close).trim(), file, line));
    rest = rest.slice(close + 1).trim();
  }
  return out;
}

function parseCode(inside: string, file: string, line: number): DictCode {
  const space = inside.search(/\s/);
  const code = space < 0 ? inside : inside.slice(0, space);
  const restriction = space < 0 ? "" : inside.slice(space).trim();
  if (code === "") throw new KnowledgeError({ file, line, field: "code", message: "empty [ ]" });
  const isNull = /^-+$/.test(code);
  if (!isNull && !CODE_TEXT.test(code)) throw new KnowledgeError({ file, line, field: "code", message: `"${code}" is not a code (capital letters, or --- for none)` });
  const c: DictCode = { code: isNull ? null : code, from: null, to: null, line };
  if (restriction === "") return c;
  let m: RegExpExecArray | null;
  if ((m = /^<\s*(\d+)$/.exec(restriction))) c.to = dictDate(m[1], file, line);
  else if ((m = /^>\s*(\d+)$/.exec(restriction))) c.from = dictDate(m[1], file, line);
  else if ((m = /^(\d+)\s*-\s*(\d+)?$/.exec(restriction))) {
    c.from = dictDate(m[1], file, line);
    if (m[2] !== undefined) c.to = dictDate(m[2], file, line);
    if (c.to !== null && c.to < c.from) throw new KnowledgeError({ file, line, field: "date", message: `the range ${restriction} ends before it starts` });
  } else throw new KnowledgeError({ file, line, field: "date", message: `"${restriction}" is not a date restriction (<DATE, >DATE, DATE-DATE or DATE-)` });
  return c;
}

/** YYYYMMDD or YYMMDD to YYYY-MM-DD; YY 00-30 is 20YY, otherwise 19YY. */
export function dictDate(s: string, file: string, line: number): string {
  if (s.length !== 6 && s.length !== 8) throw new KnowledgeError({ file, line, field: "date", message: `"${s}" is not a date (YYYYMMDD or YYMMDD)` });
  let year = Number(s.slice(0, s.length - 4));
  if (s.length === 6) year += year <= 30 ? 2000 : 1900;
  const month = Number(s.slice(-4, -2)), day = Number(s.slice(-2));
  if (!isRealDay(year, month, day)) throw new KnowledgeError({ file, line, field: "date", message: `"${s}" is not a real day` });
  return isoDate(year, month, day);
}
