// The events stage: who did what to whom, when and where. Triggers from data propose
// events; arguments come from the actor mentions around them; refiners resolve them in one
// place; each event carries its PLOVER type, CAMEO code, Goldstein score, modality, date,
// place and evidence span. Events told in quotations and reported speech are events too.
import type { Doc, EventOut } from "../model/index.js";
import type { Stage } from "../pipeline.js";
import { loadEventKnowledge, type EventKnowledge } from "./knowledge.js";
import { newEventContext, same, type EventContext } from "./eventContext.js";
import { nounOwner, passive, subjectsBefore, targetAfter, conditionTarget, finiteVerbBefore } from "./eventArguments.js";
import { modalityOf } from "./modality.js";
import { matchTrigger } from "./triggerMatch.js";
import { recoded } from "./intentRecoding.js";
import { imperativeRequests, reportedAccusations } from "./quotedEvents.js";
import { reportedObligations } from "./reportedObligations.js";
import { refine } from "./refineEvents.js";
import type { Proposal } from "./proposal.js";
import { placeOf, documentPlaces, type DocumentPlaces } from "./eventPlace.js";
import { loadGazetteer, type Gazetteer } from "../places/index.js";

export type { Proposal } from "./proposal.js";

const COMPLEMENT = new Set(["of", "to", "over", "for", "from", "about", "against"]);
const RECIPROCAL = new Set(["ASSAULT", "AGREE", "CONSULT", "COOPERATE"]);
/** Auxiliaries before a participle ("is fighting"); without one, "rebels fighting" is a modifier. */
const AUXILIARY = new Set(["is", "are", "was", "were", "be", "been", "being", "am", "'s", "’s", "has", "have", "had", "to", ",", "and", "not", "n't", "also", "still", "now", "again", "once", "already"]);

/** CAMEO roots of acts only a state's authorities do (16 sanctions, expulsions; 17 arrests, bans). */
const STATE_POWER_ROOTS = new Set(["16", "17"]);

/** The country named by "in"/"from" + a place or country right after a trigger ("arrested in Rwanda"), as a mention, or null. */
function placeAfter(c: EventContext, trigger: number): number | null {
  const { v } = c;
  let j = trigger + 1;
  while (j < v.count && same(c, j, trigger) && c.timeAt[j] >= 0) j++;
  if (!v.is(j, "in", "from")) return null;
  if (v.is(j + 1, "the")) j++;
  const m = c.mentionAt[j + 1];
  if (m < 0 || !same(c, j + 1, trigger)) return null;
  const a = c.actorOf(m);
  return (c.doc.mentions![m].kind === "place" || a?.kind === "country") && a?.country ? m : null;
}

const DETERMINER_AFTER = new Set(["the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those"]);

export function findEvents(doc: Doc, k: EventKnowledge, g: Gazetteer): void {
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
    // "inspectors probing suspect sites": a participle after a noun describes it.
    let statementSubject: number[] | null = null;
    // "issued a statement Monday calling on …": a time may stand between the noun and its participle.
    let noun = i - 1;
    while (noun > 0 && c.timeAt[noun] >= 0 && same(c, noun, i)) noun--;
    if (t.pos === "verb" && /ing$/.test(v.lower(i)) && modifiesNoun(c, noun)) {
      // "issued a declaration demanding …": the statement's content is the issuer's event.
      const verb = k.statementNouns.has(c.lemma(noun)) ? finiteVerbBefore(c, noun - 1, i) : -1;
      statementSubject = verb >= 0 ? subjectsBefore(c, verb).mentions : [];
      if (!statementSubject.length) { i = end; continue; }
    }
    // "gave Putin a stern warning", "sent a protest note": a light verb's event noun carries the event.
    if (t.pos === "verb" && t.words.length === 1 && k.supportVerbs.has(t.words[0]) && eventNounAhead(c, end + 1)) continue;
    // A word inside a name ("Amnesty International", "the Warsaw Pact") is no event.
    if (insideName(c, i) || (t.pos === "noun" && v.isCap(i) && same(c, i - 1, i) && v.isCap(i - 1))) { i = end; continue; }
    let sources: number[] = [], target: number | null = null, subjectToken: number | null = null;
    let light = false;
    const pas = t.pos === "verb" && !statementSubject ? passive(c, i) : null;
    if (statementSubject) sources = statementSubject;
    else if (pas) {
      // "was arrested in Rwanda": without an agent, the state where it happened exercised its power.
      const state = pas.source === null && STATE_POWER_ROOTS.has(t.cameo.slice(0, 2)) ? placeAfter(c, i) : null;
      if (pas.source !== null) sources = [pas.source]; else if (state !== null) sources = [state];
      target = pas.target;
    }
    else if (t.pos === "verb") {
      const subj = subjectsBefore(c, i);
      sources = subj.mentions; subjectToken = subj.token;
    } else {
      const owner = nounOwner(c, i, end);
      sources = owner.sources; subjectToken = owner.subjectToken; light = owner.lightVerb;
    }
    const exclude = new Set(sources.map((m) => doc.mentions![m].actor));
    if (target === null) target = targetAfter(c, end + 1, exclude);
    if (target === null) target = conditionTarget(c, end + 1, exclude);
    const p: Proposal = { trigger: i, end, t, sources, target, subjectToken };
    // An event noun needs its actor ("Russia's attack") or a light verb ("staged a hunger
    // strike"); a verb without a subject is kept only as a fallback for a sentence that has
    // no other event. Either way a verbal trigger still governs its complement.
    if (t.pos === "noun" && sources.length === 0 && !light) p.silent = true;
    // Without any actor, an event inside a direct quotation is too loosely told to code.
    if (sources.length === 0 && target === null && c.quoteAt[i] >= 0 && doc.quotes![c.quoteAt[i]].type === "direct") p.silent = true;
    // "demonstrate their willingness", "rallied the troops": with an object these are not protests.
    if (t.cameo === "141" && t.pos === "verb" && DETERMINER_AFTER.has(v.lower(end + 1))) { i = end; continue; }
    proposals.push(p);
    i = end;
  }
  proposals.push(...reportedAccusations(c), ...imperativeRequests(c), ...reportedObligations(c));
  for (const p of proposals) {
    classify(c, p);
    if (p.target === null && PLACE_IS_TARGET.has(p.type!)) p.target = victimsPlace(c, g, p);
  }
  doc.events = toEvents(c, g, refine(c, proposals));
}

/** Types whose unnamed victims are of the place where it happened ("killed 23 people … in Tel Aviv"). */
const PLACE_IS_TARGET = new Set(["ASSAULT", "COERCE"]);

/**
 * An attack or a use of force with no named target: the country of the town or country it
 * happened in, named after the trigger in its sentence after a word of place ("when they
 * blew themselves up in Tel Aviv"), unless that is the attacker's own actor.
 */
function victimsPlace(c: EventContext, g: Gazetteer, p: Proposal): number | null {
  const { v } = c;
  const own = new Set(p.sources.map((m) => c.doc.mentions![m].actor));
  for (let j = p.end + 1; j < v.count && same(c, j, p.trigger); j++) {
    const m = c.mentionAt[j];
    if (m < 0 || c.mentionAt[j - 1] === m) continue;
    const at = v.is(j - 1, "the") ? j - 2 : j - 1;
    if (!g.words.prepositions.has(v.lower(at)) || g.words.directional.has(v.lower(at))) continue;
    const mention = c.doc.mentions![m];
    if (mention.kind === "demonym" || c.actorOf(m)?.kind !== "country" || own.has(mention.actor)) continue;
    return m;
  }
  return null;
}

/** Function words: a participle after them is no modifier ("that removing the sanctions …"). */
const NOT_NOUN = new Set(["that", "which", "who", "of", "by", "for", "about", "on", "in", "at", "without", "after", "before", "from", "with", "into", "against", "over", "while", "when", "as", "than", "or", "but", "if", "unless", "since", "despite", "through", "by"]);

/** Is the token before a participle a noun it modifies ("inspectors probing", "a resolution criticising")? */
function modifiesNoun(c: EventContext, j: number): boolean {
  const { v } = c;
  if (!v.isWord(j) || AUXILIARY.has(v.lower(j)) || NOT_NOUN.has(v.lower(j))) return false;
  if (c.mentionAt[j] >= 0) return true;
  const w = v.lower(j);
  // An inflected verb ("began shelling", "continued attacking") or an adverb takes the participle as its complement.
  return !v.isCap(j) && !w.endsWith("ed") && !w.endsWith("ly") && c.lemma(j) === w;
}

/** Does an event noun follow within the object of a light verb (before the clause ends)? */
function eventNounAhead(c: EventContext, from: number): boolean {
  const { v } = c;
  for (let j = from; j < from + 5 && j < v.count && same(c, j, from); j++) {
    if (!v.isWord(j) || v.is(j, "that", "to", "and", "which", "who")) return false;
    const m = matchTrigger(c, j);
    if (m && m.t.pos === "noun") return true;
  }
  return false;
}

function insideName(c: EventContext, i: number): boolean {
  const m = c.mentionAt[i];
  return m >= 0 && c.doc.mentions![m].kind === "name";
}

/** Modality, and the CAMEO code and PLOVER type the modality makes of the trigger. */
function classify(c: EventContext, p: Proposal): void {
  p.flags = modalityOf(c, p.trigger, p.subjectToken);
  const r = recoded(c, p.t, p.flags);
  p.code = r.code;
  p.type = r.type;
}

function toEvents(c: EventContext, g: Gazetteer, proposals: Proposal[]): EventOut[] {
  const doc = c.doc;
  let places: DocumentPlaces | null = null;
  const known = () => (places ??= documentPlaces(c));
  const m = doc.mentions ?? [];
  const seen = new Set<string>();
  const events: EventOut[] = [];
  proposals.sort((a, b) => a.trigger - b.trigger);
  for (const p of proposals) {
    const { modality, quote } = p.flags!;
    const code = p.code!, type = p.type!;
    const entry = c.k.cameo.get(code)!;
    const date = dateOf(c, p.trigger);
    const location = placeOf(c, g, p.trigger, known);
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
export function createEventsStage(dataDir: string, knowledgeDirs: readonly string[] = []): Stage {
  const k = loadEventKnowledge(dataDir);
  const g = loadGazetteer(dataDir, knowledgeDirs);
  return { name: "events", run: (doc) => findEvents(doc, k, g) };
}
