// Who reports each content span the tagger found, and through which cue: a reported-speech
// finding that covers the span lends its own; otherwise the nearest likely cue before the
// span in its sentence ("X said CONTENT", "X called for CONTENT") or, failing that, after it
// ("CONTENT, X said"), with that cue's subject.
import { cueLemma, isAccording, type QuoteContext } from "./quoteContext.js";
import type { ContentSpan } from "./contentTagger.js";
import type { Attribution } from "./attributions.js";
import { ANCHOR, bucketAt, type FeatureLexicon } from "./contentFeatures.js";
import { cueSpeaker, subjectAfter, subjectBefore, type Speaker } from "./speakerSpan.js";

export interface AttributedContent extends ContentSpan {
  speaker: Speaker | null;
  cue: number | null;
}

function isCue(c: QuoteContext, lex: FeatureLexicon, i: number): boolean {
  if (c.inMarks[i] >= 0) return false;
  return cueLemma(c, i) !== undefined || bucketAt(c, lex, i) >= ANCHOR;
}

/** "Kerr Putney, the city's police chief, said …": the noun phrase opening the sentence, up to its first comma. */
function openingNounPhrase(c: QuoteContext, ss: number, cue: number): Speaker | null {
  const { v } = c;
  let from = ss;
  while (from < cue && !v.isWord(from)) from++;
  if (from >= cue || !v.isCap(from) || CLAUSE_OPENERS.has(v.lower(from))) return null;
  if (c.mentionAt[from] >= 0) {
    const m = c.doc.mentions![c.mentionAt[from]];
    return { actor: m.actor, start: m.start, end: m.end, text: c.doc.text.slice(m.start, m.end), token: from };
  }
  let to = from;
  while (to + 1 < cue && to - from < 6 && v.word(to + 1) !== "," && c.inMarks[to + 1] < 0) to++;
  if (v.word(to + 1) !== "," && to + 1 !== cue) return null;
  return { actor: null, start: v.start(from), end: v.end(to), text: c.doc.text.slice(v.start(from), v.end(to)), token: from };
}

/** Words that open a sentence with a clause or an adverbial rather than its subject. */
const CLAUSE_OPENERS = new Set(["but", "and", "or", "so", "yet", "in", "on", "at", "after", "before", "when", "while", "if", "as", "since", "although", "though", "because", "during", "for", "with", "without", "by", "from", "to", "of", "under", "over", "despite", "still", "also", "meanwhile", "however", "then", "now", "here", "there", "it", "this", "that", "these", "those", "what", "why", "how", "where", "who", "asked", "speaking", "according"]);

/** The speaker of a cue that comes before the content: never a phrase inside that content. */
function speakerBefore(c: QuoteContext, k: number, sp: ContentSpan, ss: number): Speaker | null {
  const contentStart = c.v.start(sp.from);
  if (isAccording(c, k)) {
    const s = subjectAfter(c, k + 1);
    return s && s.end <= contentStart ? s : null;
  }
  const before = cueSpeaker(c, k);
  if (before) return before;
  const after = subjectAfter(c, k);
  if (after && after.end <= contentStart) return after;
  return openingNounPhrase(c, ss, k);
}

export function attributeContent(c: QuoteContext, spans: ContentSpan[], lex: FeatureLexicon, reported: Attribution[]): AttributedContent[] {
  const t = c.doc.tokens!;
  const out: AttributedContent[] = [];
  // Reported-speech findings by sentence, so each span looks only at its own sentence's.
  const bySentence = new Map<number, Attribution[]>();
  for (const a of reported) {
    const s = c.sentenceOf[a.from];
    const list = bySentence.get(s);
    if (list) list.push(a); else bySentence.set(s, [a]);
  }
  for (const sp of spans) {
    const s = c.sentenceOf[sp.from];
    const inSentence = bySentence.get(s) ?? [];
    // A reported-speech finding whose content overlaps most of this span.
    let best: Attribution | null = null, bestOverlap = 0;
    for (const a of inSentence) {
      const o = Math.min(a.to, sp.to) - Math.max(a.from, sp.from) + 1;
      if (o > bestOverlap) { best = a; bestOverlap = o; }
    }
    if (best && bestOverlap * 2 >= sp.to - sp.from + 1) { out.push({ from: sp.from, to: sp.to, speaker: best.speaker, cue: best.cue }); continue; }
    const ss = t.sentenceTokenStart[s], se = t.sentenceTokenStart[s + 1] - 1;
    let speaker: Speaker | null = null, cue: number | null = null;
    for (let k = sp.from - 1; k >= ss && !speaker; k--) {
      if (!isCue(c, lex, k)) continue;
      speaker = speakerBefore(c, k, sp, ss);
      if (speaker) cue = k;
    }
    for (let k = sp.to + 1; k <= se && !speaker; k++) {
      if (!isCue(c, lex, k)) continue;
      speaker = isAccording(c, k) ? subjectAfter(c, k + 1) : subjectBefore(c, k) ?? subjectAfter(c, k);
      if (speaker && speaker.token <= sp.to) speaker = subjectAfter(c, k);
      if (speaker) cue = k;
    }
    out.push({ from: sp.from, to: sp.to, speaker, cue });
  }
  return out;
}
