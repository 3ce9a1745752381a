// The positions stage: who stands where. A stance cue ("agreed to", "ruled out", "called
// for", "pledged", "proposal") followed in its clause by an issue ("a ceasefire", "ceding
// territory", "sanctions") is a position of the cue's subject — or, inside a quotation,
// of the quotation's speaker when no subject is named there. "must"/"should" before the
// cue make it the speaker's demand; "not"/"never" turn acceptance into refusal; an
// "if"/"unless" clause after the issue makes it a condition, recorded as such.
import type { Doc, PositionOut, Stance } from "../model/index.js";
import { sentenceAt } from "../model/tokens.js";
import type { Stage } from "../pipeline.js";
import { newEventContext, type EventContext } from "../events/eventContext.js";
import { subjectsBefore } from "../events/eventArguments.js";
import { loadPositionKnowledge, type PositionKnowledge } from "./knowledge.js";

const NEGATORS = new Set(["not", "n't", "never", "no", "nor"]);
const OBLIGATION = new Set(["must", "should", "ought"]);
const OBLIGATION_PHRASES = [["has", "to"], ["have", "to"], ["need", "to"], ["needs", "to"]];
// Words that begin another clause; speech verbs ("said", "adding") do too, and come from data.
const CLAUSE_BREAK = new Set([";", "but", "while", "although", "though", "whereas", "because", "when", "after", "before", "since"]);
// Words that make a stance someone's guess rather than the holder's: "would probably require Ukraine to accept".
const HEDGES = new Set(["might", "may", "could", "probably", "possibly", "perhaps", "likely"]);
// An issue after these is where or when something happened, not what it is about ("agreed at talks").
const SETTING = new Set(["at", "during", "amid", "following", "after", "before"]);
// A cue after these is the complement of another word ("accused Putin of dragging his feet over agreeing to …").
const COMPLEMENT = new Set(["of", "over", "about", "for", "from", "against", "without", "by", "on"]);
const IMPERATIVE_OPENERS = new Set([",", "and", "“", "\"", ":", ";", "now", "so", "please"]);
const CONDITION_WORDS = new Set(["if", "unless", "provided", "providing"]);
const PREPOSITIONS = new Set(["to", "of", "on", "for", "with", "from", "in", "at", "by", "against", "about", "over", "into", "toward", "towards", "than", "between", "among"]);
const ISSUE_WINDOW = 14;
const ACCEPTING = new Set<Stance>(["accepts", "supports", "proposes", "commits"]);

export function findPositions(doc: Doc, k: PositionKnowledge): void {
  // The events stage's reading of the document (mentions and quotations per token), with
  // lemmas from a lemmatiser that knows the stance words.
  const c = newEventContext(doc, k.events);
  const lemmas: (string | undefined)[] = new Array(c.v.count);
  c.lemma = (i) => (lemmas[i] ??= k.lemmas.lemma(c.v.word(i)));
  const { v } = c;
  const out: PositionOut[] = [];
  const seen = new Set<string>();
  const used = new Uint8Array(v.count); // issue and condition tokens already taken by a cue
  for (let i = 0; i < v.count; i++) {
    if (used[i] || !v.isWord(i) || !k.cuePrefixes.has(v.lower(i).slice(0, 3))) continue;
    const cue = cueAt(c, k, i);
    if (!cue || COMPLEMENT.has(v.lower(i - 1))) continue;
    const issue = issueAfter(c, k, cue.end, i);
    if (!issue || used[issue.start]) continue;
    const cond = conditionAfter(c, k, issue.end, i);
    if (!cond && hedgedBefore(c, i)) continue;
    let stance: Stance = cue.stance;
    if (negatedBefore(c, i)) {
      if (!ACCEPTING.has(stance)) continue;
      stance = "rejects";
    }
    const quoteIndex = c.quoteAt[i];
    const quote = quoteIndex >= 0 ? doc.quotes![quoteIndex] : null;
    let holders: string[];
    const obliged = obligedBefore(c, i) || (quote !== null && imperative(c, i));
    if (obliged) {
      // "Putin must agree to a ceasefire", "…and agree to a ceasefire now": the speaker
      // demands it. Outside a quotation the obligation is somebody else's view: no position.
      if (!quote?.speaker) continue;
      holders = [quote.speaker];
      stance = "demands";
    } else {
      holders = holdersOf(c, i, quote?.start ?? null);
      if (holders.length === 0 && quote?.speaker) holders = [quote.speaker];
    }
    if (holders.length === 0) continue;
    let end = issue.end;
    let condition: string | null = null;
    if (cond && ACCEPTING.has(stance)) {
      stance = "conditions";
      condition = doc.text.slice(v.start(cond.start), v.end(cond.end - 1));
      end = cond.end;
    }
    used.fill(1, issue.start, end);
    const evidence: [number, number] = [v.start(i), v.end(end - 1)];
    const date = dateOf(doc, evidence[0]);
    for (const actor of holders) {
      const key = `${actor}|${stance}|${issue.issue}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ actor, stance, issue: issue.issue, condition, detail: doc.text.slice(evidence[0], evidence[1]), date, evidence });
    }
  }
  doc.positions = out;
}

function cueAt(c: EventContext, k: PositionKnowledge, i: number): { stance: Stance; end: number } | null {
  for (const cue of k.cues.get(c.lemma(i)) ?? []) {
    let ok = true;
    for (let n = 1; ok && n < cue.words.length; n++) ok = i + n < c.v.count && c.sentenceOf[i + n] === c.sentenceOf[i] && c.lemma(i + n) === cue.words[n];
    if (ok) return { stance: cue.stance, end: i + cue.words.length };
  }
  return null;
}

/** The first issue named in the cue's clause, within a few words. */
function issueAfter(c: EventContext, k: PositionKnowledge, from: number, cue: number): { issue: string; start: number; end: number } | null {
  const { v } = c;
  for (let j = from; j < v.count && j < from + ISSUE_WINDOW && c.sentenceOf[j] === c.sentenceOf[cue]; j++) {
    const w = v.lower(j);
    if (CLAUSE_BREAK.has(w) || CONDITION_WORDS.has(w) || reportVerbAt(c, k, j)) return null;
    if (SETTING.has(v.lower(j - 1)) || (j >= 2 && SETTING.has(v.lower(j - 2)) && /^(the|a|an)$/.test(v.lower(j - 1)))) continue;
    for (const term of k.issues.get(w) ?? []) {
      let ok = true;
      for (let n = 1; ok && n < term.words.length; n++) ok = j + n < v.count && v.lower(j + n) === term.words[n];
      if (ok) return { issue: term.issue, start: j, end: j + term.words.length };
    }
  }
  return null;
}

/** A speech verb in lower case ("said", "adding"; not the "States" of "United States"). */
function reportVerbAt(c: EventContext, k: PositionKnowledge, j: number): boolean {
  return !c.v.isCap(j) && k.reportForms.has(c.v.lower(j));
}

function negatedBefore(c: EventContext, i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - 3 && c.sentenceOf[j] === c.sentenceOf[i]; j--) if (NEGATORS.has(c.v.lower(j))) return true;
  return false;
}

function hedgedBefore(c: EventContext, i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - 5 && c.sentenceOf[j] === c.sentenceOf[i]; j--) if (HEDGES.has(c.v.lower(j))) return true;
  return false;
}

/** A bare verb opening a clause inside a quotation: "…, and agree to a ceasefire now." */
function imperative(c: EventContext, i: number): boolean {
  const w = c.v.lower(i);
  if (c.lemma(i) !== w) return false;
  return i === 0 || c.sentenceOf[i - 1] !== c.sentenceOf[i] || IMPERATIVE_OPENERS.has(c.v.lower(i - 1));
}

function obligedBefore(c: EventContext, i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - 3 && c.sentenceOf[j] === c.sentenceOf[i]; j--) {
    const w = c.v.lower(j);
    if (OBLIGATION.has(w)) return true;
    if (OBLIGATION_PHRASES.some(([a, b]) => w === b && c.v.lower(j - 1) === a)) return true;
  }
  return false;
}

/** "… if Ukraine also agreed to …", "unless …", "on condition that …": to the sentence's end or the next clause break. */
function conditionAfter(c: EventContext, k: PositionKnowledge, from: number, cue: number): { start: number; end: number } | null {
  const { v } = c;
  for (let j = from; j < v.count && j < from + 6 && c.sentenceOf[j] === c.sentenceOf[cue]; j++) {
    const w = v.lower(j);
    const onCondition = w === "on" && v.lower(j + 1) === "condition";
    if (!CONDITION_WORDS.has(w) && !onCondition) continue;
    const start = onCondition ? j + 2 + (v.lower(j + 2) === "that" ? 1 : 0) : j + 1 + (v.lower(j + 1) === "that" ? 1 : 0);
    let end = start;
    while (end < v.count && c.sentenceOf[end] === c.sentenceOf[cue] && !CLAUSE_BREAK.has(v.lower(end)) && !reportVerbAt(c, k, end) && v.word(end) !== ".") end++;
    return end > start ? { start, end } : null;
  }
  return null;
}

/** The cue's subject and its coordinated partners; else the nearest actor before it in the clause that is not a prepositional object. */
function holdersOf(c: EventContext, i: number, quoteStart: number | null): string[] {
  const mentions = c.doc.mentions!;
  const subj = subjectsBefore(c, i);
  if (subj.mentions.length) return [...new Set(subj.mentions.map((m) => mentions[m].actor))];
  for (let j = i - 1; j >= 0 && c.sentenceOf[j] === c.sentenceOf[i]; j--) {
    if (quoteStart !== null && c.v.start(j) < quoteStart) break;
    const m = c.mentionAt[j];
    if (m < 0) continue;
    let first = j;
    while (first - 1 >= 0 && c.mentionAt[first - 1] === m) first--;
    if (!PREPOSITIONS.has(c.v.lower(first - 1))) return [mentions[m].actor];
    j = first;
  }
  return [];
}

/** The value of a time expression in the same sentence, else the publication date. */
function dateOf(doc: Doc, offset: number): string | null {
  const s = doc.sentences![sentenceAt(doc.sentences!, offset)];
  const t = s && (doc.times ?? []).find((x) => x.start >= s[0] && x.end <= s[1]);
  return t?.value ?? doc.published;
}

export function createPositionsStage(dataDir: string): Stage {
  const k = loadPositionKnowledge(dataDir);
  return { name: "positions", run: (doc) => findPositions(doc, k) };
}
