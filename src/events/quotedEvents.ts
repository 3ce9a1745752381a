// Events told in quotations: an imperative addressed to someone ("… and agree to a
// ceasefire now.”) requests it of them; what a speaker says another actor does ("Zelenskyy
// said Russia was playing for time") accuses that actor; "X must …" in a speaker's words
// requests it of X.
import type { EventContext } from "./eventContext.js";
import type { Trigger } from "./knowledge.js";
import type { Proposal } from "./proposal.js";
import { subjectsBefore } from "./eventArguments.js";

/**
 * "… let the guns fall silent, … and agree to a ceasefire now.”": an imperative in a
 * speaker's quotation requests something of the person they are talking about.
 */
export function imperativeRequests(c: EventContext): Proposal[] {
  const out: Proposal[] = [];
  const doc = c.doc, v = c.v;
  const request: Trigger = { words: ["request"], pos: "verb", cameo: "100", plover: "REQUEST" };
  for (const q of doc.quotes ?? []) {
    if (q.type !== "direct" || !q.speaker) continue;
    const speakerMention = (doc.mentions ?? []).findIndex((m) => m.actor === q.speaker && m.start === q.speakerStart);
    let first = -1;
    for (let i = firstTokenAt(c, q.start); i < v.count; i++) if (v.start(i) >= q.start && v.end(i) <= q.end) { first = i; break; }
    if (first < 0) continue;
    let found = -1;
    for (let i = first; i < v.count && v.end(i) <= q.end; i++) {
      const prev = v.word(i - 1);
      const clauseStart = i === first + 1 || [":", ";", "."].includes(prev) || (v.is(i - 1, "and") && v.word(i - 2) === ",");
      if (clauseStart && (v.is(i, "let") || (c.lemma(i) === v.lower(i) && c.k.triggers.has(v.lower(i)) && !v.isCap(i)))) { found = i; break; }
    }
    if (found < 0) continue;
    // The addressee: the last other person the speaker was talking about, before the quotation.
    const people = new Set((doc.actors ?? []).filter((a) => a.kind === "person").map((a) => a.id));
    let addressee = -1;
    (doc.mentions ?? []).forEach((m, mi) => { if (m.start < q.start && m.actor !== q.speaker && people.has(m.actor) && q.start - m.start < 400) addressee = mi; });
    if (addressee < 0) continue;
    const sources = speakerMention >= 0 ? [speakerMention] : [];
    if (!sources.length) continue;
    out.push({ trigger: found, end: found, t: request, sources, target: addressee, subjectToken: null });
  }
  return out;
}

/**
 * What a speaker says of another actor: "Zelenskyy said Russia was playing for time" accuses
 * Russia; "Straw said Sudan must reach an agreement" is a request of Sudan.
 */
export function reportedAccusations(c: EventContext): Proposal[] {
  const out: Proposal[] = [];
  const doc = c.doc;
  const trigger: Trigger = { words: ["accuse"], pos: "verb", cameo: "112", plover: null };
  const obligation: Trigger = { words: ["must"], pos: "verb", cameo: "100", plover: "REQUEST" };
  (doc.quotes ?? []).forEach((q) => {
    const speakerMention = q.speaker ? (doc.mentions ?? []).findIndex((m) => m.start === q.speakerStart && m.actor === q.speaker) : unnamedSpeaker(c, q.cueStart);
    if (speakerMention < 0) return;
    const speaker = doc.mentions![speakerMention].actor;
    for (let i = firstTokenAt(c, q.start); i < c.v.count && c.v.start(i) < q.end; i++) {
      if (c.v.start(i) < q.start || c.v.end(i) > q.end) continue;
      if (c.v.is(i, "must")) {
        const obliged = subjectsBefore(c, i).mentions.find((m) => doc.mentions![m].actor !== speaker);
        if (obliged !== undefined) out.push({ trigger: i, end: i, t: obligation, sources: [speakerMention], target: obliged, subjectToken: null });
      }
      if (!c.k.accusationStarts.has(c.lemma(i))) continue;
      for (const phrase of c.k.accusations) {
        if (c.lemma(i) !== phrase[0]) continue;
        let j = i, ok = true;
        for (let w = 1; w < phrase.length && ok; w++) { j++; ok = c.lemma(j) === phrase[w] || c.v.lower(j) === phrase[w]; }
        if (!ok) continue;
        const subj = subjectsBefore(c, i);
        const accused = subj.mentions.find((m) => doc.mentions![m].actor !== speaker);
        if (accused === undefined) continue;
        out.push({ trigger: i, end: j, t: trigger, sources: [speakerMention], target: accused, subjectToken: null });
      }
    }
  });
  return out;
}

/**
 * "The Obama administration declared that Russia must …": a quotation the quotes stage gave
 * no speaker still has the subject of its cue verb, read as the events stage reads subjects.
 */
function unnamedSpeaker(c: EventContext, cueStart: number | null): number {
  if (cueStart === null) return -1;
  const cue = firstTokenAt(c, cueStart);
  if (cue >= c.v.count || c.v.start(cue) !== cueStart) return -1;
  return subjectsBefore(c, cue).mentions[0] ?? -1;
}

/** The first token that ends after offset (binary search): quotations are read from there, not from the text's start. */
function firstTokenAt(c: EventContext, offset: number): number {
  let lo = 0, hi = c.v.count;
  while (lo < hi) { const mid = (lo + hi) >>> 1; if (c.v.end(mid) <= offset) lo = mid + 1; else hi = mid; }
  return lo;
}
