// What the quote finders read: tokens with their sentences, which mention covers each
// token, which tokens are cues, and which lie inside quotation marks.
import type { Doc, MentionOut } from "../model/index.js";
import { TokenView } from "../actors/tokenView.js";
import type { CueLexicon } from "./cues.js";
import type { MarkSpan } from "./quoteMarks.js";

export interface QuoteContext {
  doc: Doc;
  v: TokenView;
  cues: CueLexicon;
  sentenceOf: Uint32Array;
  /** index into doc.mentions of the mention covering each token, or -1 (the longest wins) */
  mentionAt: Int32Array;
  /** index of the mark span a token lies inside (marks included), or -1 */
  inMarks: Int32Array;
  marks: MarkSpan[];
  /** 1 for tokens inside a time expression ("Tuesday", "last week"): never a speaker */
  inTime: Uint8Array;
  /** each token's cue lemma (index into cues.lemmas), -1 none, -2 not looked up yet: the finders ask about the same tokens many times */
  lemmaAt: Int16Array;
}

export function newQuoteContext(doc: Doc, cues: CueLexicon, marks: MarkSpan[]): QuoteContext {
  const t = doc.tokens!;
  const v = new TokenView(doc.text, t);
  const sentenceOf = new Uint32Array(t.count);
  for (let s = 0; s + 1 < t.sentenceTokenStart.length; s++) sentenceOf.fill(s, t.sentenceTokenStart[s], t.sentenceTokenStart[s + 1]);
  const mentionAt = new Int32Array(t.count).fill(-1);
  const mentions: MentionOut[] = doc.mentions ?? [];
  let ti = 0;
  const order = mentions.map((m, i) => i).sort((a, b) => mentions[a].start - mentions[b].start);
  for (const mi of order) {
    const m = mentions[mi];
    while (ti > 0 && t.starts[ti - 1] >= m.start) ti--;
    while (ti < t.count && t.ends[ti] <= m.start) ti++;
    for (let j = ti; j < t.count && t.starts[j] < m.end; j++) {
      const old = mentionAt[j];
      if (old < 0 || mentions[old].end - mentions[old].start < m.end - m.start) mentionAt[j] = mi;
    }
  }
  const inMarks = new Int32Array(t.count).fill(-1);
  marks.forEach((s, q) => inMarks.fill(q, s.open, s.close + 1));
  const inTime = new Uint8Array(t.count);
  let tj = 0;
  for (const tm of [...(doc.times ?? [])].sort((a, b) => a.start - b.start)) {
    while (tj > 0 && t.starts[tj - 1] >= tm.start) tj--;
    while (tj < t.count && t.ends[tj] <= tm.start) tj++;
    for (let j = tj; j < t.count && t.starts[j] < tm.end; j++) inTime[j] = 1;
  }
  return { doc, v, cues, sentenceOf, mentionAt, inMarks, marks, inTime, lemmaAt: new Int16Array(t.count).fill(-2) };
}

export function same(c: QuoteContext, i: number, j: number): boolean {
  return i >= 0 && j >= 0 && i < c.v.count && j < c.v.count && c.sentenceOf[i] === c.sentenceOf[j];
}

export function cueLemma(c: QuoteContext, i: number): string | undefined {
  if (i < 0 || i >= c.v.count) return undefined;
  let l = c.lemmaAt[i];
  if (l === -2) c.lemmaAt[i] = l = c.cues.lemmaIndex.get(c.v.lower(i)) ?? -1;
  return l >= 0 ? c.cues.lemmas[l] : undefined;
}
