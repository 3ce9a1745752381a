// The quotes stage: who said what. Quotations in marks (direct or mixed) and reported
// speech without marks (indirect), each with its speaker's actor and span, its cue, and
// offsets into the text. Quotations and reports of one statement are merged. Rules
// propose quotations and the reports they know; a tagger trained on annotated reports
// (contentTagger.ts), reading the rules' findings as features, proposes the others and
// redraws the bounds of the rules' reports where it reads them differently.
import type { Doc, QuoteOut } from "../model/index.js";
import type { Stage } from "../pipeline.js";
import { loadCues, type CueLexicon } from "./cues.js";
import { findMarkSpans } from "./quoteMarks.js";
import { cueLemma, newQuoteContext, type QuoteContext } from "./quoteContext.js";
import { ScratchArrays } from "../actors/scratchArrays.js";
import { findAttributions, type Attribution } from "./attributions.js";
import { TokenKind, tokenAt } from "../model/tokens.js";
import { attributeMarkedQuotes, countWords } from "./markedQuotes.js";
import { groupInterruptedQuotes } from "./interruptedQuotes.js";
import type { Speaker } from "./speakerSpan.js";
import { loadContentModel, tagContent, type ContentModel } from "./contentTagger.js";
import { attributeContent } from "./contentAttribution.js";
import { ruleCodes } from "./contentFeatures.js";
import { findLabelledParagraphs, loadParagraphLabels } from "./labelledParagraphs.js";

interface Draft { start: number; end: number; type: QuoteOut["type"]; speaker: Speaker | null; cue: number | null }

export function findQuotes(doc: Doc, cues: CueLexicon, model: ContentModel, labels: ReadonlySet<string> = new Set(), scratch: ScratchArrays | null = null): void {
  const t = doc.tokens!;
  const marks = findMarkSpans(doc.text, t, doc.paragraphs ?? []);
  const c = newQuoteContext(doc, cues, marks, scratch);
  const indirect = findAttributions(c);
  const marked = attributeMarkedQuotes(c, indirect);
  const drafts: Draft[] = [];
  const groups = groupInterruptedQuotes(c, marked);
  const phrases: Draft[] = [];
  for (const g of groups) {
    const q = marked[g.parts[0]];
    const first = marks[q.span], last = marks[marked[g.parts[g.parts.length - 1]].span];
    // "Cruz says that “…”": the complementizer opens the reported content, as PolNeAR
    // marks it (on its training split, 2,435 non-direct contents start with "that"; 29
    // start just after one).
    const from = q.type === "mixed" && c.v.lower(first.open - 1) === "that" && c.inMarks[first.open - 1] < 0 ? first.open - 1 : first.open;
    const d: Draft = { start: t.starts[from], end: t.ends[last.close], type: q.type, speaker: q.speaker, cue: q.cue };
    if (q.type === "mixed" && g.parts.length === 1 && !standsAlone(c, q.speaker, q.cue, first.open, first.close)) phrases.push(d);
    else drafts.push(d);
  }
  // Tokens already inside a direct quotation (a quoted phrase is part of a report, not
  // one), and inside a rule-found report.
  const bytes = (n: number) => (scratch ? scratch.uint8(n) : new Uint8Array(n));
  const inDirect = bytes(t.count), inReport = bytes(t.count);
  for (const g of groups) {
    if (marked[g.parts[0]].type !== "direct") continue;
    for (let k = marks[marked[g.parts[0]].span].open; k <= marks[marked[g.parts[g.parts.length - 1]].span].close; k++) inDirect[k] = 1;
  }
  // The tagger (contentTagger.ts) reads every sentence with a likely cue, except where its
  // reading is known not to pay (see untaggedSentences); it sees the rule-found reports as
  // features, and where it finds content overlapping one of them, its bounds replace the
  // rule's (on the PolNeAR training split it bounds them better). Its other spans add the
  // reports the rules do not know (other cues, other constructions); a span is kept when it
  // has a speaker, lies outside direct quotations and is mostly new.
  const tagged = attributeContent(c, tagContent(c, model, ruleCodes(c, indirect, bytes(t.count)), untaggedSentences(c, indirect, inDirect, scratch)), model, indirect);
  const inTagged = bytes(t.count);
  for (const a of tagged) if (a.speaker) inTagged.fill(1, a.from, a.to + 1);
  for (const a of indirect) {
    const from = a.from, to = a.to;
    // A report that is exactly one quotation is that quotation, already found.
    const qFrom = c.inMarks[from], qTo = c.inMarks[to];
    if (qFrom >= 0 && qFrom === qTo && marks[qFrom].open === from && marks[qFrom].close === to) continue;
    let overlapped = false;
    for (let k = from; k <= to && !overlapped; k++) overlapped = inTagged[k] === 1;
    if (overlapped) continue;
    drafts.push({ start: t.starts[from], end: t.ends[to], type: "indirect", speaker: a.speaker, cue: a.cue });
    inReport.fill(1, from, to + 1);
  }
  // A span the tagger found without a cue of its own in its sentence most often goes on
  // with what the last speaker said (the next sentence of their statement): it is theirs
  // when that speaker was reported in the same sentence or the one before; otherwise it is
  // left out. On the PolNeAR training split this moved F1 from 0.564 to 0.566 (dev 0.583 to
  // 0.585), at a small cost in attribution; reaching further back cost more attribution
  // than it gained.
  const spoken = drafts.filter((d) => d.speaker !== null).sort((x, y) => x.start - y.start);
  for (const a of tagged) {
    let speaker = a.speaker, cue = a.cue;
    if (!speaker) {
      // A span running up to a cue ("…, Lammy added:") holds that cue's subject: misread.
      if (a.to + 1 < t.count && cueLemma(c, a.to + 1)) continue;
      const prior = lastSpeakerBefore(c, spoken, a.from);
      if (!prior) continue;
      speaker = prior.speaker; cue = null;
    }
    let direct = 0, reported = 0;
    for (let k = a.from; k <= a.to; k++) { direct += inDirect[k]; reported += inReport[k]; }
    if (direct > 0 || reported * 2 > a.to - a.from + 1) continue;
    drafts.push({ start: t.starts[a.from], end: t.ends[a.to], type: "indirect", speaker, cue });
  }
  // "Name: text" paragraphs (labelledParagraphs.ts): the whole text after the label is the
  // statement, replacing reports found within it (parts of a transcript turn), unless a
  // quotation in marks or a report reaching outside it holds part of it.
  for (const l of findLabelledParagraphs(doc, labels)) {
    const within = drafts.filter((d) => d.start < l.end && l.start < d.end);
    if (within.some((d) => d.type === "direct" || d.start < l.start || d.end > l.end)) continue;
    for (const d of within) drafts.splice(drafts.indexOf(d), 1);
    drafts.push({ start: l.start, end: l.end, type: "indirect", speaker: l.speaker, cue: tokenAt(t, l.cue) });
  }
  // A quoted phrase that is no statement of its own makes the report holding it a mixed
  // quotation (the source's words within reported speech), as annotators of reported
  // speech mark it; outside any report it is left out.
  for (const p of phrases) {
    const report = drafts.find((d) => d.type === "indirect" && d.start <= p.start && p.end <= d.end);
    if (report) report.type = "mixed";
  }
  drafts.sort((x, y) => x.start - y.start || y.end - x.end);
  const out: QuoteOut[] = [];
  let last: Draft | null = null;
  for (const d of drafts) {
    // Sorted, so a span found twice comes right after its first finding.
    if (last && last.start === d.start && last.end === d.end) continue;
    last = d;
    // A speaker found by phrase alone must name someone: "to" or "of the" name nobody.
    if (d.speaker && !d.speaker.actor && !namesSomeone(d.speaker.text)) d.speaker = null;
    const cueText = d.cue !== null ? doc.text.slice(t.starts[d.cue], t.ends[d.cue]) : null;
    const q: QuoteOut = {
      id: `q${out.length + 1}`, start: d.start, end: d.end, text: doc.text.slice(d.start, d.end), type: d.type,
      speaker: d.speaker?.actor ?? null,
      speakerStart: d.speaker?.start ?? null, speakerEnd: d.speaker?.end ?? null,
      cue: cueText, cueStart: d.cue !== null ? t.starts[d.cue] : null,
    };
    if (d.speaker && !d.speaker.actor) q.speakerText = d.speaker.text;
    out.push(q);
  }
  doc.quotes = out;
}

/**
 * Sentences the tagger need not read (1 by sentence), as it is the costly part of the
 * stage: those wholly inside a direct quotation (its spans there are dropped), and those
 * whose one rule-found report has the plainest form, "X said (that) CLAUSE." running from
 * the cue to the sentence's end or "CLAUSE, X said." from its start to the cue. There the
 * tagger mostly agrees with the rule (reading them too moved PolNeAR dev F1 only from
 * 0.573 to 0.576), while in news they hold most of the text, so reading them would about
 * double the stage's cost.
 */
function untaggedSentences(c: QuoteContext, reports: readonly Attribution[], inDirect: Uint8Array, scratch: ScratchArrays | null): Uint8Array {
  const t = c.doc.tokens!, starts = t.sentenceTokenStart;
  const n = starts.length;
  const skip = scratch ? scratch.uint8(n) : new Uint8Array(n);
  for (let si = 0; si + 1 < starts.length; si++) {
    let k = starts[si];
    while (k < starts[si + 1] && (inDirect[k] || !c.v.isWord(k))) k++;
    if (k === starts[si + 1]) skip[si] = 1;
  }
  const count = scratch ? scratch.uint16(n) : new Uint16Array(n), plain = scratch ? scratch.uint16(n) : new Uint16Array(n);
  for (const a of reports) {
    const si = c.sentenceOf[a.from];
    count[si]++;
    let last = starts[si + 1] - 1;
    while (last > a.from && !c.v.isWord(last) && c.v.kind(last) !== TokenKind.Number) last--;
    if ((a.from > a.cue && a.to >= last) || (a.to < a.cue && a.from === starts[si])) plain[si]++;
  }
  for (let si = 0; si + 1 < starts.length; si++) if (count[si] === 1 && plain[si] === 1) skip[si] = 1;
  return skip;
}

/** The last spoken draft starting before token `from`, when it lies in the same sentence or the one before. */
function lastSpeakerBefore(c: QuoteContext, spoken: readonly Draft[], from: number): Draft | null {
  const t = c.doc.tokens!, at = t.starts[from];
  let best: Draft | null = null;
  for (const d of spoken) {
    if (d.start >= at) break;
    best = d;
  }
  if (!best) return null;
  return c.sentenceOf[from] - c.sentenceOf[tokenAt(t, best.start)] <= 1 ? best : null;
}

/** Words from which a quoted phrase inside a sentence is a statement by itself. */
const MIN_PHRASE_WORDS = 18;
/**
 * Words from which a known actor's quoted phrase is a statement by itself: one or two
 * quoted words ("soft", "top secret") are a borrowed term or a scare quote, and on the
 * PolNeAR training split under one in twenty such phrases matched an annotated quotation.
 */
const MIN_ACTOR_PHRASE_WORDS = 3;

/**
 * Is a quoted phrase inside a sentence a quotation of its own? When it is all its cue
 * reports ("said “…”"), a quoted sentence after a comma or colon (", “That makes me
 * smart,” when …"), long, or three words or more of a known actor. Other phrases — a few words
 * quoted within reported speech or a scare quote near a cue — belong to the report around
 * them: as quotations of their own, only about one in ten matched an annotated quotation
 * on the PolNeAR training split.
 */
function standsAlone(c: QuoteContext, speaker: Speaker | null, cue: number | null, open: number, close: number): boolean {
  if (cue !== null && open - cue <= 1) return true;
  if ([",", ":"].includes(c.v.word(open - 1)) && [",", ".", "?", "!"].includes(c.v.word(close - 1))) return true;
  const words = countWords(c, open, close);
  return (speaker?.actor != null && words >= MIN_ACTOR_PHRASE_WORDS) || words >= MIN_PHRASE_WORDS;
}


// Words that can never be a speaker by themselves (a pronoun such as "it" or "this" can).
const FUNCTION_WORDS = new Set(["to", "the", "a", "an", "of", "and", "or", "in", "on", "at", "for", "with", "by", "from", "as", "be", "been", "is", "was", "were", "are", "then", "so", "not", "no"]);

function namesSomeone(text: string): boolean {
  // A plain scan of the words (letters, then letters, apostrophes and hyphens): a regular
  // expression's match list costs more than the rest of the quote's output.
  for (let i = 0; i < text.length;) {
    if (!isLetter(text, i)) { i++; continue; }
    let j = i + 1;
    while (j < text.length && (isLetter(text, j) || "'’-".includes(text[j]))) j++;
    if (!FUNCTION_WORDS.has(text.slice(i, j).toLowerCase())) return true;
    i = j;
  }
  return false;
}

const LETTER = /\p{L}/u;
function isLetter(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER.test(text[i]);
}

export function createQuotesStage(dataDir: string): Stage {
  const cues = loadCues(dataDir);
  const model = loadContentModel(dataDir);
  const labels = loadParagraphLabels(dataDir);
  // Kept from document to document: the per-document arrays of the quote context are
  // views onto its buffer (see newQuoteContext).
  const scratch = new ScratchArrays();
  return { name: "quotes", run: (doc) => { scratch.reset(); findQuotes(doc, cues, model, labels, scratch); } };
}
