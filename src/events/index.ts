// The events stage: who did what to whom, when and where. Triggers from data propose
// events; arguments come from the actor mentions around them; each event carries its
// PLOVER type, CAMEO code, Goldstein score, modality, date, place and evidence span.
// Reported accusations ("X said Russia was playing for time") are events too.
import type { Doc, EventOut, LocationOut } from "../model/index.js";
import type { Stage } from "../pipeline.js";
import { loadEventKnowledge, type EventKnowledge, type Trigger } from "./knowledge.js";
import { newEventContext, same, type EventContext } from "./eventContext.js";
import { actorsOfPhrase, forwardPhraseEnd, passive, skipBack, subjectsBefore, targetAfter } from "./eventArguments.js";
import { modalityOf } from "./modality.js";
import { absorbComplements } from "./complementEvents.js";
import { reportedObligations } from "./reportedObligations.js";

const COMPLEMENT = new Set(["of", "to", "over", "for", "from", "about", "against"]);
const RECIPROCAL = new Set(["ASSAULT", "AGREE", "CONSULT", "COOPERATE"]);
/** CAMEO roots of cooperation (03–08): refusing them is a rejection. */
const COOPERATIVE_ROOTS = new Set(["03", "04", "05", "06", "07", "08"]);

export interface Proposal { trigger: number; end: number; t: Trigger; sources: number[]; target: number | null; subjectToken: number | null }

export function findEvents(doc: Doc, k: EventKnowledge): void {
  const c = newEventContext(doc, k);
  const proposals: Proposal[] = [];
  const { v } = c;
  for (let i = 0; i < v.count; i++) {
    if (!v.isWord(i)) continue;
    const match = matchTrigger(c, i);
    if (!match) continue;
    const { t, end } = match;
    // "accused Putin of dragging …", "agreeing to …": a verb complement is part of the event before it.
    if (t.pos === "verb" && COMPLEMENT.has(v.lower(i - 1)) && /ing$/.test(v.lower(i))) { i = end; continue; }
    let sources: number[] = [], target: number | null = null, subjectToken: number | null = null;
    const pas = t.pos === "verb" ? passive(c, i) : null;
    if (pas) { if (pas.source !== null) sources = [pas.source]; target = pas.target; }
    else if (t.pos === "verb") {
      const subj = subjectsBefore(c, i);
      sources = subj.mentions; subjectToken = subj.token;
    } else {
      const owner = nounOwner(c, i, end);
      sources = owner.sources; subjectToken = owner.subjectToken;
    }
    const exclude = new Set(sources.map((m) => doc.mentions![m].actor));
    if (target === null) target = targetAfter(c, end + 1, exclude);
    // An event noun needs its actor ("Russia's attack"); a verb without a subject is kept
    // only as a fallback for a sentence that has no other event.
    if (t.pos === "noun" && sources.length === 0) { i = end; continue; }
    if (sources.length === 0 && target === null) { i = end; continue; }
    proposals.push({ trigger: i, end, t, sources, target, subjectToken });
    i = end;
  }
  proposals.push(...reportedAccusations(c), ...imperativeRequests(c), ...reportedObligations(c));
  doc.events = toEvents(c, keepSubjectless(c, absorbComplements(c, proposals)));
}

/**
 * The actor of an event noun: its owner ("Russia's attack", "a US offer"), the agent after
 * "by" ("attacks by Hezbollah"), or the subject of the light verb that takes it ("Peru
 * issued an ultimatum", "students staged mass demonstrations").
 */
function nounOwner(c: EventContext, i: number, end: number): { sources: number[]; subjectToken: number | null } {
  const { v } = c;
  const before = c.mentionAt[i - 1];
  if (before >= 0 && same(c, i - 1, i) && c.timeAt[i - 1] < 0) return { sources: [before], subjectToken: i - 1 };
  if (v.is(end + 1, "by") && c.mentionAt[end + 2] >= 0) {
    const agent = actorsOfPhrase(c, forwardPhraseEnd(c, end + 2), i);
    if (agent) return { sources: agent.mentions.slice(0, 1), subjectToken: null };
  }
  for (let k = i - 1; k >= 0 && k >= i - 6 && same(c, k, i); k--) {
    const w = v.lower(k);
    if (w === "," || w === ";" || w === "that" || c.mentionAt[k] >= 0) break;
    if (c.k.supportVerbs.has(c.lemma(k)) && !v.is(k - 1, "the", "a", "an")) {
      const subj = subjectsBefore(c, k);
      if (subj.mentions.length) return { sources: subj.mentions, subjectToken: subj.token };
      const pas = passive(c, k);
      if (pas?.source != null) return { sources: [pas.source], subjectToken: null };
      break;
    }
  }
  return { sources: [], subjectToken: null };
}

/** Subject-less proposals survive only in sentences where nothing else was found (the first of them). */
function keepSubjectless(c: EventContext, proposals: Proposal[]): Proposal[] {
  const withSource = new Set(proposals.filter((p) => p.sources.length).map((p) => c.sentenceOf[p.trigger]));
  const taken = new Set<number>();
  return proposals.filter((p) => {
    if (p.sources.length) return true;
    const s = c.sentenceOf[p.trigger];
    if (withSource.has(s) || taken.has(s)) return false;
    taken.add(s);
    return true;
  });
}

/**
 * "… let the guns fall silent, … and agree to a ceasefire now.”": an imperative in a
 * speaker's quotation requests something of the person they are talking about.
 */
function imperativeRequests(c: EventContext): Proposal[] {
  const out: Proposal[] = [];
  const doc = c.doc, v = c.v;
  const request: Trigger = { words: ["request"], pos: "verb", cameo: "100", plover: "REQUEST" };
  for (const q of doc.quotes ?? []) {
    if (q.type !== "direct" || !q.speaker) continue;
    const speakerMention = (doc.mentions ?? []).findIndex((m) => m.actor === q.speaker && m.start === q.speakerStart);
    let first = -1;
    for (let i = 0; i < v.count; i++) if (v.start(i) >= q.start && v.end(i) <= q.end) { first = i; break; }
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

/** A word after these prepositions is a noun, not a verb ("in order to", "of attack"). */
const NOUN_PREPOSITION = ["in", "of", "on", "with", "by", "from", "into", "under", "after", "during"];
const DETERMINER = new Set(["the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those", "any", "no"]);

/**
 * Noun triggers are not verb forms ("Zelenskyy called" is not the noun "call"); a verb
 * trigger after a determiner is a noun ("the attack"), and a sentence-opening participle
 * ("Asked whether …") has no subject of its own.
 */
function fitsPartOfSpeech(c: EventContext, i: number, t: Trigger): boolean {
  const { v } = c;
  const w = v.lower(i), first = t.words[0];
  if (t.pos === "noun") return w === first || !(w.endsWith("ed") || (w.endsWith("ing") && !first.endsWith("ing")));
  if (v.is(i - 1, ...DETERMINER) || v.is(i - 1, ...NOUN_PREPOSITION)) return false;
  const sentenceStart = i === 0 || !same(c, i - 1, i);
  return !(sentenceStart && (w.endsWith("ed") || w.endsWith("ing")));
}

function matchTrigger(c: EventContext, i: number): { t: Trigger; end: number } | null {
  const { v } = c;
  const lemma = c.lemma(i);
  const list = c.k.triggers.get(lemma) ?? c.k.triggers.get(v.lower(i));
  if (!list) return null;
  for (const t of list) {
    if (!fitsPartOfSpeech(c, i, t)) continue;
    let j = i, ok = true;
    for (let w = 1; w < t.words.length && ok; w++) {
      // Up to two words may stand between ("launched drone attacks", "imposed new sanctions").
      let found = -1;
      for (let g = j + 1; g <= j + 3 && g < v.count && same(c, g, i); g++) {
        if (c.lemma(g) === t.words[w] || c.k.lemmas.hasForm(v.word(g), t.words[w])) { found = g; break; }
        if (!v.isWord(g) && v.word(g) !== "-") break;
      }
      if (found < 0) ok = false; else j = found;
    }
    if (ok) return { t, end: j };
  }
  return null;
}

/**
 * What a speaker says of another actor: "Zelenskyy said Russia was playing for time" accuses
 * Russia; "Straw said Sudan must reach an agreement" is a request of Sudan.
 */
function reportedAccusations(c: EventContext): Proposal[] {
  const out: Proposal[] = [];
  const doc = c.doc;
  const trigger: Trigger = { words: ["accuse"], pos: "verb", cameo: "112", plover: null };
  const obligation: Trigger = { words: ["must"], pos: "verb", cameo: "100", plover: "REQUEST" };
  (doc.quotes ?? []).forEach((q) => {
    if (!q.speaker) return;
    const speakerMention = (doc.mentions ?? []).findIndex((m) => m.start === q.speakerStart && m.actor === q.speaker);
    if (speakerMention < 0) return;
    for (let i = 0; i < c.v.count; i++) {
      if (c.v.start(i) < q.start || c.v.end(i) > q.end) continue;
      if (c.v.is(i, "must")) {
        const obliged = subjectsBefore(c, i).mentions.find((m) => doc.mentions![m].actor !== q.speaker);
        if (obliged !== undefined) out.push({ trigger: i, end: i, t: obligation, sources: [speakerMention], target: obliged, subjectToken: null });
      }
      for (const phrase of c.k.accusations) {
        if (c.lemma(i) !== phrase[0]) continue;
        let j = i, ok = true;
        for (let w = 1; w < phrase.length && ok; w++) { j++; ok = c.lemma(j) === phrase[w] || c.v.lower(j) === phrase[w]; }
        if (!ok) continue;
        const subj = subjectsBefore(c, i);
        const accused = subj.mentions.find((m) => doc.mentions![m].actor !== q.speaker);
        if (accused === undefined) continue;
        out.push({ trigger: i, end: j, t: trigger, sources: [speakerMention], target: accused, subjectToken: null });
      }
    }
  });
  return out;
}

function toEvents(c: EventContext, proposals: Proposal[]): EventOut[] {
  const doc = c.doc;
  const m = doc.mentions ?? [];
  const seen = new Set<string>();
  const events: EventOut[] = [];
  proposals.sort((a, b) => a.trigger - b.trigger);
  for (const p of proposals) {
    const flags = modalityOf(c, p.trigger, p.subjectToken);
    const { modality, quote } = flags;
    const { code, type } = recoded(c, p.t, flags);
    const entry = c.k.cameo.get(code)!;
    const date = dateOf(c, p.trigger);
    const location = placeOf(c, p.trigger);
    // Several subjects and no object: each acts on the others ("both Russia and Ukraine launched attacks").
    const pairs: Array<[number | null, number | null]> = [];
    if (p.sources.length > 1 && p.target === null && RECIPROCAL.has(type)) {
      for (const s of p.sources) for (const o of p.sources) if (s !== o && m[s].actor !== m[o].actor) pairs.push([s, o]);
      if (type !== "ASSAULT") pairs.splice(1); // agreements and meetings are one symmetric event
    } else pairs.push([p.sources[0] ?? null, p.target]);
    // PLOVER codes a compound actor ("the US and Britain accused …") as one event whose actor lists every member.
    const members = [...new Set(p.sources.map((x) => m[x].actor))];
    for (const [s, o] of pairs) {
      const source = s !== null ? m[s].actor : null, target = o !== null ? m[o].actor : null;
      const key = `${type}|${source}|${target}|${c.sentenceOf[p.trigger]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // Evidence: the trigger with whichever arguments stand in its sentence.
      const [ss, se] = doc.sentences![c.sentenceOf[p.trigger]];
      const inSentence = (x: number | null) => x !== null && m[x].start >= ss && m[x].end <= se;
      const starts = [c.v.start(p.trigger), ...(inSentence(s) ? [m[s!].start] : []), ...(inSentence(o) ? [m[o!].start] : [])];
      const ends = [c.v.end(p.end), ...(inSentence(s) ? [m[s!].end] : []), ...(inSentence(o) ? [m[o!].end] : [])];
      events.push({
        id: `e${events.length + 1}`, type, mode: entry.mode, context: entry.context, cameo: code,
        source, target, date: date.value, ...(date.fromPublication ? { dateFromPublication: true } : {}),
        ...(members.length > 1 && !(pairs.length > 1 || (p.target === null && RECIPROCAL.has(type))) ? { sources: members } : {}),
        location, modality, quote, goldstein: entry.goldstein,
        evidence: [Math.min(...starts), Math.max(...ends)],
      } as EventOut);
    }
  }
  return events;
}

/**
 * The PLOVER manual codes an announced or conditional intention by what it promises:
 * future meetings, support, cooperation and aid are AGREE, future retreats CONCEDE, a
 * future use of force or sanction THREATEN; a refusal of cooperation ("will not accept")
 * is REJECT. The recoding table is data (intent-codes.tsv).
 */
function recoded(c: EventContext, t: Trigger, flags: { negated: boolean; future: boolean; conditional: boolean }): { code: string; type: string } {
  const root = t.cameo.slice(0, 2);
  const when = flags.negated ? ((flags.future || flags.conditional || root === "03") && COOPERATIVE_ROOTS.has(root) ? "refusal" : null)
    : flags.future || flags.conditional ? "intent" : null;
  const r = when ? c.k.recode.get(`${root}|${when}`) : undefined;
  // A trigger that already names the intention ("pledge", "meet" as 036) keeps its code.
  if (r && !(when === "intent" && (root === "03" || root === "13"))) return { code: r.cameo, type: r.plover };
  return { code: t.cameo, type: t.plover ?? c.k.cameo.get(t.cameo)!.plover };
}

/** The event's own time expression (nearest in its sentence), else the publication date, flagged. */
function dateOf(c: EventContext, trigger: number): { value: string | null; fromPublication: boolean } {
  const times = c.doc.times ?? [];
  const s = c.sentenceOf[trigger];
  const [ss, se] = c.doc.sentences![s];
  let best: { value: string; d: number } | null = null;
  for (const t of times) {
    if (t.start < ss || t.end > se) continue;
    const d = Math.abs(t.start - c.v.start(trigger));
    if (!best || d < best.d) best = { value: t.value, d };
  }
  if (best) return { value: best.value, fromPublication: false };
  return { value: c.doc.published, fromPublication: c.doc.published !== null };
}

/** "in London", "in Saudi Arabia": a place or country named after "in" in the event's sentence. */
function placeOf(c: EventContext, trigger: number): LocationOut | null {
  const { v } = c;
  const doc = c.doc;
  for (let j = trigger + 1; j < v.count && same(c, j, trigger); j++) {
    if (!v.is(j, "in", "at") || c.mentionAt[j + 1] < 0) continue;
    const mention = doc.mentions![c.mentionAt[j + 1]];
    const actor = doc.actors!.find((a) => a.id === mention.actor)!;
    if (mention.kind === "place" || actor.kind === "country") {
      return { name: doc.text.slice(mention.start, mention.end), country: actor.country, lat: null, lon: null };
    }
  }
  return null;
}

export function createEventsStage(dataDir: string): Stage {
  const k = loadEventKnowledge(dataDir);
  return { name: "events", run: (doc) => findEvents(doc, k) };
}
