// Quotations in marks: who says each and whether it is direct speech (“…,” X said),
// a phrase quoted inside reported speech (X said “new commitments” had been made), or
// not speech at all (a name or scare quote: the “coalition of the willing”).
import type { QuoteType } from "../model/index.js";
import type { QuoteContext } from "./quoteContext.js";
import { COMMA, cueLemma, isAccording, isMark, same } from "./quoteContext.js";
import { cueSpeaker, modifiedSubjectAfter, nounPhraseAt, subjectAfter, subjectBefore, type Speaker } from "./speakerSpan.js";

const DASHES = new Set(["―", "—", "–"]);
import type { Attribution } from "./attributions.js";

export interface MarkedQuote { span: number; type: QuoteType; speaker: Speaker | null; cue: number | null }

/** Words before a short quoted phrase that make it a name, title or label rather than speech. */
const NAMING = new Set(["the", "a", "an", "so-called", "called", "dubbed", "named", "titled", "entitled", "as", "term", "word", "phrase", "slogan", "its", "their", "his", "her", "this", "our"]);

export function attributeMarkedQuotes(c: QuoteContext, indirect: Attribution[]): MarkedQuote[] {
  const { v } = c;
  const out: MarkedQuote[] = [];
  // Speakers in text order, from both quotations and reported speech, for continuations.
  const recent: Array<{ token: number; paragraphEnd: number; speaker: Speaker }> = indirect.filter((a) => a.speaker).map((a) => ({ token: a.cue, paragraphEnd: 0, speaker: a.speaker! }));
  const lastSpeakerBefore = (tok: number): Speaker | null => {
    let best: { token: number; speaker: Speaker } | null = null;
    for (const r of recent) if (r.token < tok && (!best || r.token > best.token)) best = r;
    return best?.speaker ?? null;
  };
  c.marks.forEach((m, span) => {
    const words = countWords(c, m.open, m.close);
    if (words === 0) return;
    let speaker: Speaker | null = null, cue: number | null = null;
    // After the closing mark: ",” the prime minister said" / ",” said Lammy" / ",” Lael
    // Brainard, a Fed governor, said" — the first cue of the rest of the sentence.
    const attributionEnd = attributionLimit(c, m.close);
    for (let k = m.close + 1; k <= attributionEnd && c.inMarks[k] < 0; k++) {
      if (!cueLemma(c, k) && !(k === m.close + 1 && c.cues.afterQuote.has(v.lower(k)))) continue;
      const before = subjectBefore(c, k);
      speaker = before && before.token > m.close ? before : subjectAfter(c, k) ?? modifiedSubjectAfter(c, k);
      if (!speaker && c.mentionAt[m.close + 1] >= 0 || !speaker && v.word(m.close + 1) === ",") speaker = firstMentionAfter(c, m.close, k);
      // ",” Senate leader Mitch McConnell, R-Ky., said Tuesday": the phrase after the quotation.
      if (!speaker) speaker = nounPhraseAt(c, m.close + 1, k);
      if (speaker) cue = k;
      break;
    }
    // A byline dash after the closing mark: "“…” ― Jacklyn Ashley".
    if (!speaker && m.close + 2 < v.count && DASHES.has(v.word(m.close + 1)) && !/\n/.test(c.doc.text.slice(v.end(m.close), v.start(m.close + 2)))) {
      speaker = nounPhraseAt(c, m.close + 2, v.count);
      if (speaker && speaker.actor === null && !v.isCap(m.close + 2)) speaker = null;
      if (speaker) cue = m.close + 1;
    }
    // Before the opening mark: "Lammy added: “…”", "he said, “…”".
    if (!speaker) {
      for (let k = m.open - 1; k >= m.open - 3 && same(c, k, m.open) && c.inMarks[k] < 0; k--) {
        if (!cueLemma(c, k)) { if ([":", ","].includes(v.word(k))) continue; break; }
        // "X confirmed it and said, “…”": the subject of the sentence's earlier report.
        speaker = cueSpeaker(c, k) ?? subjectAfter(c, k) ?? earlierReportSpeaker(c, k, indirect);
        if (speaker) { cue = k; break; }
      }
    }
    // "According to Limbaugh, “…”": the source named at the sentence's start; "As The
    // Post's Dana Milbank puts it, “…”": the source of the clause before the comma.
    if (!speaker) {
      const a = accordingOpening(c, m.open) ?? asItWereOpening(c, m.open) ?? invertedOpening(c, m.open);
      if (a) ({ speaker, cue } = a);
    }
    // A quotation after a lead-in and a comma, closed by a comma and attributed after it —
    // "Yet, “it is hard …,” added Zarate" — is a statement like one opening its sentence.
    // A title in capitals after a comma ("In his book, “Make Your Kid a Millionaire,” he …") is no statement.
    const afterLeadIn = cue !== null && cue > m.close && isMark(c, m.open - 1, COMMA) && isMark(c, m.close - 1, COMMA) && !isTitle(c, m.open, m.close);
    const startsSentence = c.sentenceOf[m.open] !== c.sentenceOf[m.open - 1] || m.open === 0 || [":", "—", "–", "("].includes(v.word(m.open - 1)) || cue !== null && cue < m.open || afterLeadIn;
    const fullClause = startsSentence && (words >= 4 || endsWithPunctuation(c, m.close));
    if (speaker && fullClause) {
      out.push({ span, type: "direct", speaker, cue });
      recent.push({ token: m.open, paragraphEnd: 0, speaker });
      return;
    }
    if (!speaker && fullClause) {
      // No attribution in its sentence: a quotation opening its paragraph continues the
      // speaker before it; others stay unattributed rather than guessed.
      const paragraph = (c.doc.paragraphs ?? []).find(([ps, pe]) => ps <= v.start(m.open) && v.start(m.open) < pe);
      const opensParagraph = paragraph !== undefined && paragraph[0] === v.start(m.open);
      const sameParagraphSpeaker = out.length > 0 && paragraph !== undefined && v.start(c.marks[out[out.length - 1].span].open) >= paragraph[0] ? out[out.length - 1].speaker : null;
      const prev = labelSpeaker(c, m.open, paragraph) ?? sameParagraphSpeaker ?? (opensParagraph ? lastSpeakerBefore(m.open) ?? previousSubject(c, m.open) : null);
      out.push({ span, type: "direct", speaker: prev, cue: null });
      if (prev) recent.push({ token: m.open, paragraphEnd: 0, speaker: prev });
      return;
    }
    // Whole sentences quoted at the end of a sentence that they do not open — "Trump
    // issued a statement, “Last night … . My deepest sympathy … .”", "Flea shared the
    // news, writing “… .”" — are a statement even without a cue verb: the sentence's
    // subject says them.
    if (!speaker && holdsSentences(c, m.open, m.close) && endsItsSentence(c, m.close)) {
      const governing = governingCue(c, m.open);
      const sp = (governing !== null ? speakerOfCue(c, governing, indirect) : null) ?? sentenceOpener(c, m.open);
      if (sp) {
        out.push({ span, type: "direct", speaker: sp, cue: governing });
        recent.push({ token: m.open, paragraphEnd: 0, speaker: sp });
        return;
      }
    }
    // A digest item: a headline in capitals opening its paragraph, then the quoted lead of
    // the story it sums up ("EBOLA SURVIVORS, THROUGH THE LENS “It’s about …” [HuffPost.]").
    if (!speaker && words >= MIN_DIGEST_WORDS) {
      const headline = headlineBefore(c, m.open);
      if (headline) {
        out.push({ span, type: "direct", speaker: headline, cue: null });
        return;
      }
    }
    // A phrase inside a sentence: speech only if a cue in that sentence reports it.
    if (words <= 5 && NAMING.has(v.lower(m.open - 1))) return;
    const governing = governingCue(c, m.open);
    if (governing === null) return;
    // A part after an inverted attribution ("“…,” said X, a spokesman, “and …”") speaks
    // through the cue that already gave the quotation before it its speaker.
    const sp = out.find((q) => q.cue === governing && q.type === "direct")?.speaker ?? speakerOfCue(c, governing, indirect);
    if (!sp) return;
    out.push({ span, type: "mixed", speaker: sp, cue: governing });
  });
  return out;
}

/** The speaker of a report whose cue comes before token `k` in its sentence ("X confirmed … and said"). */
function earlierReportSpeaker(c: QuoteContext, k: number, indirect: Attribution[]): Speaker | null {
  let best: Attribution | null = null;
  for (const a of indirect) if (a.speaker && a.cue < k && same(c, a.cue, k) && (!best || a.cue > best.cue)) best = a;
  return best?.speaker ?? null;
}

/** Tokens from a quotation's close to the first cue of a following attribution. */
const ATTRIBUTION_AFTER_SPLIT = 6;

/**
 * The last token that may hold the attribution after a quotation's closing mark: the end
 * of its sentence, or — when a question or exclamation closes the quotation and the
 * sentence splitter cut there ("“Is that all?” Trump said.") — the first few tokens of
 * the next sentence.
 */
function attributionLimit(c: QuoteContext, close: number): number {
  const t = c.doc.tokens!;
  const s = c.sentenceOf[close];
  const end = t.sentenceTokenStart[s + 1] - 1;
  if (end !== close || close + 1 >= c.v.count || !["?", "!"].includes(c.v.word(close - 1))) return end;
  if (/\n/.test(c.doc.text.slice(c.v.end(close), c.v.start(close + 1)))) return end;
  return Math.min(t.sentenceTokenStart[s + 2] - 1, close + ATTRIBUTION_AFTER_SPLIT);
}

/** "According to X," (or "According to X:") right before a quotation that it opens. */
function accordingOpening(c: QuoteContext, open: number): { speaker: Speaker; cue: number } | null {
  const { v } = c;
  let k = open - 1;
  if (!(isMark(c, k, COMMA) || v.word(k) === ":")) return null;
  const ss = c.doc.tokens!.sentenceTokenStart[c.sentenceOf[open]];
  if (!isAccording(c, ss) || !v.is(ss + 1, "to") || k - ss > 10) return null;
  for (let j = ss + 2; j < k; j++) if (c.inMarks[j] >= 0 || v.word(j) === ",") return null;
  const speaker = subjectAfter(c, ss + 1) ?? nounPhraseAt(c, ss + 2, k);
  return speaker ? { speaker, cue: ss } : null;
}

/** Small words that a title leaves in lower case ("Make Your Kid a Millionaire"). */
const TITLE_SMALL = new Set(["a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at", "by", "with"]);

/** Is the text between two marks a title: every word capitalised but the small ones? */
function isTitle(c: QuoteContext, open: number, close: number): boolean {
  let caps = 0;
  for (let k = open + 1; k < close; k++) {
    if (!c.v.isWord(k)) continue;
    if (c.v.isCap(k)) caps++;
    else if (!TITLE_SMALL.has(c.v.lower(k))) return false;
  }
  return caps > 0;
}

/** Does a quotation hold a whole sentence and more: does a sentence end inside it? */
function holdsSentences(c: QuoteContext, open: number, close: number): boolean {
  return c.sentenceOf[open] !== c.sentenceOf[close - 1] || c.sentenceOf[open + 1] !== c.sentenceOf[close - 1];
}

/** Does a closing mark end its sentence (or its sentence's last words, "… .”" then "."?) */
function endsItsSentence(c: QuoteContext, close: number): boolean {
  if (close + 1 >= c.v.count || c.sentenceOf[close + 1] !== c.sentenceOf[close]) return true;
  return [".", "?", "!"].includes(c.v.word(close + 1)) && (close + 2 >= c.v.count || c.sentenceOf[close + 2] !== c.sentenceOf[close]);
}

/** Words from which a quotation after a headline is the quoted lead of a digest item. */
const MIN_DIGEST_WORDS = 8;

/** The headline in capitals (two words or more) from its paragraph's start to token `open`, if all of it is one. */
function headlineBefore(c: QuoteContext, open: number): Speaker | null {
  const { v } = c;
  const at = v.start(open);
  const paragraph = (c.doc.paragraphs ?? []).find(([ps, pe]) => ps <= at && at < pe);
  if (!paragraph) return null;
  let first = open, words = 0;
  while (first - 1 >= 0 && v.start(first - 1) >= paragraph[0]) {
    first--;
    if (c.inMarks[first] >= 0) return null;
    if (v.isWord(first)) {
      const w = v.word(first);
      if (w !== w.toUpperCase() || w === w.toLowerCase()) return null;
      words++;
    } else if (v.kind(first) !== 2 && ![",", ":", "-", "–", "—", "&"].includes(v.word(first))) return null;
  }
  if (words < 2) return null;
  return { actor: null, start: v.start(first), end: v.end(open - 1), text: c.doc.text.slice(v.start(first), v.end(open - 1)), token: first };
}

/** Tokens up to which a name before a colon opening its paragraph labels what follows. */
const MAX_LABEL_TOKENS = 10;

/**
 * The speaker a transcript-style label names: a paragraph opening with a name and a colon,
 * then the quotation ("Rep. Trey Gowdy (R-S.C.): “…”"). The label holds no cue and no
 * lower-case word but small ones.
 */
function labelSpeaker(c: QuoteContext, open: number, paragraph: readonly [number, number] | undefined): Speaker | null {
  const { v } = c;
  if (!paragraph || v.word(open - 1) !== ":") return null;
  let first = open - 1;
  while (first - 1 >= 0 && v.start(first - 1) >= paragraph[0]) first--;
  if (open - 1 - first > MAX_LABEL_TOKENS || !v.isCap(first)) return null;
  for (let k = first; k < open - 1; k++) {
    if (c.inMarks[k] >= 0 || cueLemma(c, k)) return null;
    if (v.isWord(k) && !v.isCap(k) && !LABEL_SMALL.has(v.lower(k))) return null;
  }
  const mention = firstMentionAfter(c, first - 1, open - 1);
  return mention ?? { actor: null, start: v.start(first), end: v.end(open - 2), text: c.doc.text.slice(v.start(first), v.end(open - 2)), token: first };
}

/** Lower-case words a speaker's label may hold ("secretary of state Hillary Clinton"). */
const LABEL_SMALL = new Set(["of", "the", "and", "for", "former", "secretary", "state", "rep", "sen", "gov", "president", "senator", "governor"]);

/** "Said Comey, “…”", "Continued Stone: “…”": a sentence opening with its cue, then the speaker and a comma or colon. */
function invertedOpening(c: QuoteContext, open: number): { speaker: Speaker; cue: number } | null {
  const { v } = c;
  if (!isMark(c, open - 1, COMMA) && v.word(open - 1) !== ":") return null;
  const ss = c.doc.tokens!.sentenceTokenStart[c.sentenceOf[open]];
  if (ss >= open - 2 || !cueLemma(c, ss) || !v.isCap(ss)) return null;
  const speaker = subjectAfter(c, ss) ?? modifiedSubjectAfter(c, ss);
  return speaker ? { speaker, cue: ss } : null;
}

/** Tokens from "as" to the comma before the quotation in "as X put it, “…”". */
const AS_CLAUSE_TOKENS = 12;

/**
 * "As X put it, “…”" / "as X said in 2008, “…”" right before a quotation: X says it. The
 * clause opens with "as" and holds a cue or a verb of putting things ("put it").
 */
function asItWereOpening(c: QuoteContext, open: number): { speaker: Speaker; cue: number } | null {
  const { v } = c;
  const comma = open - 1;
  if (!isMark(c, comma, COMMA)) return null;
  for (let a = comma - 2; a >= comma - AS_CLAUSE_TOKENS && same(c, a, open) && c.inMarks[a] < 0; a--) {
    if (v.word(a) === "," || v.word(a) === ".") return null;
    if (!v.is(a, "as")) continue;
    for (let k = a + 2; k < comma; k++) {
      if (!(cueLemma(c, k) || c.cues.asItWere.has(v.lower(k)) && v.is(k + 1, "it"))) continue;
      const speaker = subjectBefore(c, k);
      return speaker && speaker.token > a ? { speaker, cue: k } : null;
    }
    return null;
  }
  return null;
}

/** Words and numbers between two marks. */
export function countWords(c: QuoteContext, open: number, close: number): number {
  let n = 0;
  for (let k = open + 1; k < close; k++) if (c.v.isWord(k) || c.v.kind(k) === 2) n++;
  return n;
}

function endsWithPunctuation(c: QuoteContext, close: number): boolean {
  return [",", ".", "?", "!", "…", "..."].includes(c.v.word(close - 1));
}

/** The nearest reporting cue before a token in its sentence, outside quotation marks. */
function governingCue(c: QuoteContext, at: number): number | null {
  for (let k = at - 1; k >= 0 && same(c, k, at); k--) {
    if (c.inMarks[k] >= 0) continue;
    if (cueLemma(c, k)) return k;
  }
  return null;
}

/** The first person named in the sentence before a token: who a bare quotation paragraph continues. */
function previousSubject(c: QuoteContext, at: number): Speaker | null {
  const t = c.doc.tokens!;
  const s = c.sentenceOf[at];
  if (s === 0) return null;
  const people = new Set((c.doc.actors ?? []).filter((a) => a.kind === "person").map((a) => a.id));
  for (let j = t.sentenceTokenStart[s - 1]; j < t.sentenceTokenStart[s]; j++) {
    const mi = c.mentionAt[j];
    if (mi >= 0 && people.has(c.doc.mentions![mi].actor)) {
      const m = c.doc.mentions![mi];
      return { actor: m.actor, start: m.start, end: m.end, text: c.doc.text.slice(m.start, m.end), token: j };
    }
  }
  return null;
}

/** Who a sentence is about: its first mention before token `at`, else the capitalised name opening it. */
function sentenceOpener(c: QuoteContext, at: number): Speaker | null {
  const ss = c.doc.tokens!.sentenceTokenStart[c.sentenceOf[at]];
  const mention = firstMentionAfter(c, ss - 1, at);
  if (mention || !c.v.isCap(ss) || c.inMarks[ss] >= 0) return mention;
  let e = ss;
  while (e + 1 < at && c.v.isCap(e + 1) && e - ss < 4) e++;
  return { actor: null, start: c.v.start(ss), end: c.v.end(e), text: c.doc.text.slice(c.v.start(ss), c.v.end(e)), token: ss };
}

function firstMentionAfter(c: QuoteContext, from: number, to: number): Speaker | null {
  for (let j = from + 1; j < to; j++) {
    const mi = c.mentionAt[j];
    if (mi >= 0) {
      const m = c.doc.mentions![mi];
      return { actor: m.actor, start: m.start, end: m.end, text: c.doc.text.slice(m.start, m.end), token: j };
    }
  }
  return null;
}

function speakerOfCue(c: QuoteContext, cue: number, indirect: Attribution[]): Speaker | null {
  const a = indirect.find((x) => x.cue === cue);
  if (a?.speaker) return a.speaker;
  const before = cueSpeaker(c, cue);
  if (before) return before;
  // "… and said it should be …": the sentence's subject.
  const t = c.doc.tokens!;
  const s0 = t.sentenceTokenStart[c.sentenceOf[cue]];
  for (let j = s0; j < cue; j++) {
    const mi = c.mentionAt[j];
    if (mi >= 0 && c.inMarks[j] < 0) {
      const m = c.doc.mentions![mi];
      return { actor: m.actor, start: m.start, end: m.end, text: c.doc.text.slice(m.start, m.end), token: j };
    }
  }
  return null;
}
