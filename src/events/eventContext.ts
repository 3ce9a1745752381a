// What the event finders read: tokens with lemmas (cached), the mention covering each
// token, sentence and quotation membership, and the document's time expressions.
import type { ActorOut, Doc } from "../model/index.js";
import { TokenView } from "../actors/tokenView.js";
import type { EventKnowledge } from "./knowledge.js";

export interface EventContext {
  doc: Doc;
  v: TokenView;
  k: EventKnowledge;
  sentenceOf: Uint32Array;
  mentionAt: Int32Array;
  /** quote index (into doc.quotes) whose span holds the token, or -1 */
  quoteAt: Int32Array;
  /**
   * time expression index (into doc.times) whose span holds the token, or -1; a weekday the
   * time stage could not date (no publication date) gets an index past doc.times, so it is
   * still skipped as an adverbial ("Trump on Tuesday reneged …").
   */
  timeAt: Int32Array;
  lemma(i: number): string;
  /** the actor a mention (index into doc.mentions) names */
  actorOf(m: number): ActorOut | undefined;
}

export function newEventContext(doc: Doc, k: EventKnowledge): EventContext {
  const t = doc.tokens!;
  const v = new TokenView(doc.text, t);
  const sentenceOf = new Uint32Array(t.count);
  for (let s = 0; s + 1 < t.sentenceTokenStart.length; s++) sentenceOf.fill(s, t.sentenceTokenStart[s], t.sentenceTokenStart[s + 1]);
  const mentionAt = new Int32Array(t.count).fill(-1);
  const quoteAt = new Int32Array(t.count).fill(-1);
  const tokenRange = (start: number, end: number): [number, number] => {
    let lo = 0, hi = t.count;
    while (lo < hi) { const mid = (lo + hi) >>> 1; if (t.ends[mid] <= start) lo = mid + 1; else hi = mid; }
    let e = lo;
    while (e < t.count && t.starts[e] < end) e++;
    return [lo, e];
  };
  (doc.mentions ?? []).forEach((m, mi) => {
    const [a, b] = tokenRange(m.start, m.end);
    for (let j = a; j < b; j++) {
      const old = mentionAt[j];
      if (old < 0 || doc.mentions![old].end - doc.mentions![old].start < m.end - m.start) mentionAt[j] = mi;
    }
  });
  (doc.quotes ?? []).forEach((q, qi) => {
    const [a, b] = tokenRange(q.start, q.end);
    for (let j = a; j < b; j++) if (quoteAt[j] < 0) quoteAt[j] = qi;
  });
  const timeAt = new Int32Array(t.count).fill(-1);
  (doc.times ?? []).forEach((x, xi) => {
    const [a, b] = tokenRange(x.start, x.end);
    for (let j = a; j < b; j++) timeAt[j] = xi;
  });
  const undated = (doc.times ?? []).length;
  for (let j = 0; j < t.count; j++) {
    if (timeAt[j] >= 0 || !v.isCap(j) || !k.weekdays.has(v.lower(j))) continue;
    timeAt[j] = undated + j;
    if (j + 1 < t.count && /^(morning|afternoon|evening|night)$/.test(v.lower(j + 1))) timeAt[j + 1] = undated + j;
  }
  const cache: (string | undefined)[] = new Array(t.count);
  const actors = new Map((doc.actors ?? []).map((a) => [a.id, a]));
  return {
    actorOf: (m) => actors.get(doc.mentions![m].actor),
    doc, v, k, sentenceOf, mentionAt, quoteAt, timeAt,
    lemma: (i) => (cache[i] ??= k.lemmas.lemmaOfLower(v.lower(i))),
  };
}

export function same(c: EventContext, i: number, j: number): boolean {
  return i >= 0 && j >= 0 && i < c.v.count && j < c.v.count && c.sentenceOf[i] === c.sentenceOf[j];
}
