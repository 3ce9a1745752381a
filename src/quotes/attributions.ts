// Reported speech without quotation marks — "X said (that) CLAUSE", "X told Y CLAUSE",
// "CLAUSE, X said", "X …, saying CLAUSE", "according to X, CLAUSE" — as attributions:
// a speaker, a cue and the token range of what was reported.
import type { QuoteContext } from "./quoteContext.js";
import { tokenAt } from "../model/tokens.js";
import { COMMA, SEMICOLON, cueLemma, isAccording, isMark, same } from "./quoteContext.js";
import { cueSpeaker, subjectAfter, type Speaker } from "./speakerSpan.js";

export interface Attribution {
  speaker: Speaker | null;
  cue: number;
  /** content tokens [from, to] inclusive */
  from: number;
  to: number;
}

const AUDIENCE_END = new Set(["reporters", "journalists", "lawmakers", "parliament", "supporters", "students", "delegates", "members", "viewers", "listeners", "readers", "crowd", "audience", "press", "broadcaster", "radio", "television", "tv", "newspaper", "agency", "officials", "colleagues", "counterparts", "him", "her", "them", "us", "me", "cnn", "bbc", "reuters"]);
const NARRATOR_CLAUSE = new Set(["after", "before", "as", "amid", "following", "despite", "while", "when", "since"]);
const NOT_CLAUSE = new Set(["to", "by", "for", "on", "in", "of", "about", "with", "at", ",", ".", ":", ";", "as", "from", "into", "upon", "and", "or", ")", "(", "out", "up", "off", "over", "so"]);

function sentenceBounds(c: QuoteContext, i: number): [number, number] {
  const t = c.doc.tokens!;
  const s = c.sentenceOf[i];
  return [t.sentenceTokenStart[s], t.sentenceTokenStart[s + 1] - 1];
}

/** Last content token of a sentence: drop final punctuation and closing marks. */
function contentEnd(c: QuoteContext, from: number, last: number): number {
  let e = last;
  while (e > from && !c.v.isWord(e) && c.v.kind(e) !== 2 /* Number */ && c.inMarks[e] < 0) e--;
  return e;
}

export function findAttributions(c: QuoteContext): Attribution[] {
  const { v } = c;
  const out: Attribution[] = [];
  for (let j = 0; j < v.count; j++) {
    if (c.inMarks[j] >= 0) continue;
    if (isAccording(c, j) && v.lower(j + 1) === "to") { const a = accordingTo(c, j); if (a) out.push(a); continue; }
    const lemma = cueLemma(c, j);
    if (!lemma) continue;
    const [ss, se] = sentenceBounds(c, j);
    // Attribution of a quotation ("…,” he said" / "he said: “…”") belongs to the direct finder.
    if (closesQuoteNearby(c, j, ss) || opensQuoteNext(c, j)) continue;
    const speaker = cueSpeaker(c, j);
    const last = contentEnd(c, j, se);
    // Tail attribution: "CLAUSE, X said." — the content is what came before.
    const opening = speaker ? speakerOpening(c, speaker, ss) : -1;
    if (last <= j + 1 && speaker && opening > ss && v.word(opening - 1) === ",") {
      const to = opening - 2;
      if (to - ss >= 2) out.push({ speaker, cue: j, from: ss, to });
      continue;
    }
    // A parenthetical attribution, "CLAUSE, X said, CLAUSE.": one report around it (as
    // annotators of reported speech mark it, like a quotation interrupted by its attribution).
    if (speaker && opening > ss && v.word(opening - 1) === "," && v.word(j + 1) === "," && last > j + 2 && opening - ss >= 3) {
      out.push({ speaker, cue: j, from: ss, to: reportEnd(c, j + 2, last) });
      continue;
    }
    if (!speaker && j - 1 > ss && v.word(j - 1) === ",") {
      // "CLAUSE, said X." / "CLAUSE, said X, a longtime adviser." with an inverted subject.
      const after = subjectAfter(c, j);
      if (after && (last <= j + 1 || phraseEndsAtComma(c, after, se))) { out.push({ speaker: after, cue: j, from: ss, to: j - 2 }); continue; }
    }
    if (last <= j + 1) continue;
    if (!speaker) continue;
    let from = j + 1;
    if (lemma === "tell" || lemma === "ask" || lemma === "warn" || lemma === "urge") from = skipAudience(c, from, last);
    // "said in an interview on Tuesday that …": an adjunct between the cue and "that".
    if (from <= last && ADJUNCT_START.has(v.lower(from))) from = thatAfterAdjunct(c, from, last);
    if (from > last || NOT_CLAUSE.has(v.lower(from))) continue;
    const to = reportEnd(c, from, last);
    if (to - from < 2) continue;
    out.push({ speaker, cue: j, from, to });
  }
  return out;
}

/** Prepositions that open an adjunct after a cue ("said in a statement", "told CNN on Sunday"). */
const ADJUNCT_START = new Set(["in", "on", "at", "during", "after", "before", "to", "with", "from", "by", "for", "through", "outside", "inside"]);

/** The "that" closing an adjunct within a few words ("in an interview on Tuesday that"), or `from` unchanged. */
function thatAfterAdjunct(c: QuoteContext, from: number, last: number): number {
  const { v } = c;
  for (let k = from + 1; k <= Math.min(last, from + 12); k++) {
    if (c.inMarks[k] >= 0 || cueLemma(c, k)) break;
    if (v.lower(k) === "that") return k;
  }
  return from;
}

/**
 * Where a report starting at `from` ends: before a trailing attribution or aside ("…, he
 * said", "…, according to …"), a second report by the same speaker ("… but added …"), the
 * narrator's time clause ("…, after he …") or a semicolon (which joins a second statement
 * more often than it continues the report); else at `last`.
 */
function reportEnd(c: QuoteContext, from: number, last: number): number {
  const { v } = c;
  for (let k = from + 1; k <= last; k++) {
    if (c.inMarks[k] >= 0) continue;
    if (isMark(c, k, COMMA)) {
      if (cueLemma(c, k + 1) || cueLemma(c, k + 2) || isAccording(c, k + 1) || NARRATOR_CLAUSE.has(v.lower(k + 1))) return k - 1;
    } else if (isMark(c, k, SEMICOLON)) return k - 1;
    else if ((cueLemma(c, k + 1) || cueLemma(c, k + 2)) && v.is(k, "and", "but")) return k - 1;
  }
  return last;
}

/** The first token of a speaker's phrase, with a determiner before a name ("the Tax Foundation"). */
function speakerOpening(c: QuoteContext, sp: Speaker, ss: number): number {
  let k = tokenAt(c.doc.tokens!, sp.start);
  while (k - 1 > ss && SPEAKER_DETERMINERS.has(c.v.lower(k - 1))) k--;
  return k;
}
const SPEAKER_DETERMINERS = new Set(["the", "a", "an"]);

/** Does the phrase end the sentence or stop at a comma (an apposition follows)? */
function phraseEndsAtComma(c: QuoteContext, sp: Speaker, se: number): boolean {
  let k = tokenAt(c.doc.tokens!, sp.end);
  while (k <= se && !c.v.isWord(k) && c.v.word(k) !== ",") k++;
  return k > se || c.v.word(k) === ",";
}

function closesQuoteNearby(c: QuoteContext, j: number, ss: number): boolean {
  for (let k = j - 1; k >= Math.max(ss, j - 5); k--) {
    if (c.inMarks[k] >= 0) return c.marks[c.inMarks[k]].close === k;
  }
  return false;
}

function opensQuoteNext(c: QuoteContext, j: number): boolean {
  for (let k = j + 1; k <= j + 2 && k < c.v.count; k++) {
    if (c.inMarks[k] >= 0) return c.marks[c.inMarks[k]].open === k;
    if (![":", ","].includes(c.v.word(k))) return false;
  }
  return false;
}

/** "told reporters that …", "told a news conference …": the audience is not what was said. */
function skipAudience(c: QuoteContext, from: number, last: number): number {
  const { v } = c;
  for (let k = from; k <= Math.min(last, from + 8); k++) if (v.lower(k) === "that") return k;
  if (c.mentionAt[from] >= 0) {
    const m = c.doc.mentions![c.mentionAt[from]];
    let k = from;
    while (k <= last && v.start(k) < m.end) k++;
    return k;
  }
  for (let k = from; k <= Math.min(last, from + 5); k++) if (AUDIENCE_END.has(v.lower(k))) return k + 1;
  return from;
}

/** Up to six words from `from` that end at a comma or the sentence's end, as the source's text. */
function plainSource(c: QuoteContext, from: number, se: number): Speaker | null {
  const { v } = c;
  let to = from;
  while (to <= se && v.isWord(to) && c.inMarks[to] < 0 && to - from < 6) to++;
  if (to === from || !(to > se || [",", ".", ";"].includes(v.word(to)))) return null;
  return { actor: null, start: v.start(from), end: v.end(to - 1), text: c.doc.text.slice(v.start(from), v.end(to - 1)), token: from };
}

function accordingTo(c: QuoteContext, j: number): Attribution | null {
  const { v } = c;
  const [ss, se] = sentenceBounds(c, j);
  // "according to police", "according to exit polls": a plain noun phrase up to the comma or the end.
  const speaker = subjectAfter(c, j + 1) ?? plainSource(c, j + 2, se);
  if (!speaker) return null;
  let k = j + 2;
  while (k <= se && v.start(k) < speaker.end) k++;
  if (j === ss || (j === ss + 1 && !v.isWord(ss))) {
    // "According to X, CLAUSE."
    while (k <= se && v.word(k) !== ",") k++;
    const from = k + 1, to = contentEnd(c, from, se);
    return to - from >= 2 ? { speaker, cue: j, from, to } : null;
  }
  // "CLAUSE, according to X."
  const to = v.word(j - 1) === "," ? j - 2 : j - 1;
  return to - ss >= 2 ? { speaker, cue: j, from: ss, to } : null;
}
