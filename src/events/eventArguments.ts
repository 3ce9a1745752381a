// Source and target of a trigger. The source is the subject before the verb: the actor
// mentioned in its noun phrase ("Red Cross officials", "Rebels in the Ivory Coast"), with
// its coordinated partners ("both Russia and Ukraine launched"), past adverbials ("on
// Tuesday", "again", "flatly") and appositions ("Pakistan, a key U.S. ally, has refused");
// or the agent after "by" in a passive. The target is the first actor after the trigger in
// its clause ("accused Putin", "ruled out ceding territory to Russia").
import type { EventContext } from "./eventContext.js";
import { same } from "./eventContext.js";

/** Words that may stand between a subject and its verb. */
const BETWEEN = new Set(["has", "had", "have", "so", "far", "also", "not", "n't", "did", "does", "do", "would", "will", "could", "can", "should", "must", "may", "might", "been", "is", "was", "were", "are", "be", "reportedly", "jointly", "repeatedly", "never", "already", "then", "only", "again", "formally", "publicly", "later", "once", "just", "still", "yet", "now", "first", "both", "each", "all", "officially", "unanimously", "swiftly", "quickly", "strongly", "sharply", "today", "yesterday", "tonight", "overnight", "finally", "together", "too", "themselves", "itself", "himself", "herself", "meanwhile", "subsequently", "allegedly", "apparently", "effectively", "reluctantly", "tentatively", "in", "principle", "'s", "’s", "cannot", "soon"]);
/** Lower-case words ending in -ly that are not adverbs. */
const NOT_ADVERB = new Set(["ally", "rally", "assembly", "family", "supply", "reply", "monopoly", "anomaly", "bully", "july", "italy", "sicily", "homily", "anomaly", "folly", "belly", "jelly"]);
const CLAUSE_END = new Set([",", ";", ":", ".", "that", "who", "which", "while", "but", "because", "after", "before", "as", "when", "where", "“", "”", "\"", "``", "''", "if", "unless", "saying", "said", "(", ")", "–", "—", "whereas", "although", "though", "since", "until"]);
/** Words that open a prepositional phrase inside a noun phrase ("rebels in the Ivory Coast"). */
const NP_PREPOSITION = new Set(["of", "in", "from", "at", "on", "for", "based", "near", "along", "inside", "within", "across", "throughout"]);
/** Words that cannot end a subject ("attempts to impose": no subject before "impose"). */
const FUNCTION_WORD = new Set(["to", "of", "for", "with", "on", "in", "at", "by", "from", "and", "or", "a", "an", "the", "not", "than", "into", "about", "over", "against", "under"]);
/** Verbs that pass their subject to an infinitive ("continued to send", "tried to hack"). Lemmas and adjectives. */
const CONTROL = new Set(["try", "continue", "begin", "start", "decide", "plan", "want", "seek", "hope", "aim", "attempt", "intend", "prepare", "prepared", "ready", "able", "willing", "set", "due", "going", "move", "vow", "promise", "pledge", "agree", "refuse", "threaten", "offer", "fail", "expect", "expected", "resume", "manage", "choose", "opt", "resolve", "determined", "appear", "seem", "need", "have", "has", "had", "wish", "mean", "claim", "resort"]);
/** Subject pronouns that, in a clause reported by a speaker, stand for the speaker ("Syria says it will …"). */
const SPEAKER_PRONOUN = new Set(["it", "they", "we"]);

export interface Arguments { sources: number[]; target: number | null; subjectToken: number | null }

/** Mention index of the actor mentioned at token j, or -1. */
function mentionOf(c: EventContext, j: number): number {
  return j >= 0 && j < c.v.count ? c.mentionAt[j] : -1;
}

function isAdverb(c: EventContext, j: number): boolean {
  const w = c.v.lower(j);
  return w.length > 4 && w.endsWith("ly") && !c.v.isCap(j) && !NOT_ADVERB.has(w);
}

const DETERMINER = new Set(["the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those"]);

/** An inflected verb that a noun phrase cannot run over ("officials confirmed", "Iran claims"). */
function isClauseVerb(c: EventContext, j: number): boolean {
  const { v } = c;
  if (c.mentionAt[j] >= 0 || v.isCap(j)) return false;
  const lemma = c.lemma(j);
  return c.k.clauseVerbs.has(lemma) && v.lower(j) !== lemma && !v.is(j - 1, ...DETERMINER);
}

/** Steps left from j over auxiliaries, adverbs, time expressions and parentheses; returns the first other token. */
export function skipBack(c: EventContext, j: number, anchor: number): number {
  const { v } = c;
  while (j >= 0 && same(c, j, anchor)) {
    if (c.mentionAt[j] >= 0 && c.timeAt[j] < 0) return j;
    if (BETWEEN.has(v.lower(j)) || isAdverb(c, j)) { j--; continue; }
    if (c.timeAt[j] >= 0) { const t = c.timeAt[j]; while (j >= 0 && c.timeAt[j] === t) j--; if (v.is(j, "on", "in", "at", "late", "early", "earlier", "later")) j--; continue; }
    if (v.word(j) === ")") { const open = findLeft(c, j, "(", 12); if (open < 0) return j; j = open - 1; continue; }
    return j;
  }
  return j;
}

/** Steps right from j over adverbs, time expressions and parentheses. */
function skipForward(c: EventContext, j: number, anchor: number): number {
  const { v } = c;
  while (j < v.count && same(c, j, anchor)) {
    if (c.mentionAt[j] >= 0 && c.timeAt[j] < 0) return j;
    if (isAdverb(c, j) || v.is(j, "today", "yesterday", "again", "also", "now")) { j++; continue; }
    if (c.timeAt[j] >= 0) { const t = c.timeAt[j]; while (j < v.count && c.timeAt[j] === t) j++; continue; }
    return j;
  }
  return j;
}

function findLeft(c: EventContext, j: number, word: string, max: number): number {
  for (let k = j - 1; k >= 0 && k >= j - max && same(c, k, j); k--) if (c.v.word(k) === word) return k;
  return -1;
}

const country = (c: EventContext, m: number): string | null => {
  const a = c.actorOf(m);
  return a?.country ?? (a?.sector === "IGO" ? "IGO" : null);
};

/** The tokens of the noun phrase that ends at token j, walking left: [start, j]. */
function nounPhraseStart(c: EventContext, j: number): number {
  const { v } = c;
  let k = j;
  while (k - 1 >= 0 && same(c, k - 1, j) && j - (k - 1) < 14) {
    const w = v.lower(k - 1);
    // "Montenegro Municipality Association (AKK) officials": a parenthesis inside the phrase.
    if (w === ")") { const open = findLeft(c, k - 1, "(", 8); if (open < 0) break; k = open; continue; }
    if (CLAUSE_END.has(w) || !v.isWord(k - 1) && !/^[’'&/.]$/.test(v.word(k - 1)) && !(w === "-" && v.touches(k - 2, k - 1) && v.touches(k - 1, k))) break;
    if (isClauseVerb(c, k - 1)) break;
    k--;
  }
  return k;
}

/**
 * The actors of the noun phrase ending at token j: the mention at its head with its
 * coordinated partners; else the mentions among its pre-modifiers ("Turkish and Greek
 * sides"); else the first one in a prepositional phrase ("rebels in the Ivory Coast").
 * An actor without a country gives way to one that has it in the same phrase ("Taiwan's
 * vice foreign minister").
 */
export function actorsOfPhrase(c: EventContext, j: number, anchor: number): { mentions: number[]; token: number } | null {
  const { v } = c;
  const start = nounPhraseStart(c, j);
  let head = mentionOf(c, j);
  if (head >= 0) {
    // "the Turkish and Greek sides of the island of Cyprus": the mention ends a prepositional
    // phrase, so the phrase's head is earlier and is read from its modifiers below.
    let q = j;
    while (q - 1 >= start && c.mentionAt[q - 1] === head) q--;
    let r = q - 1;
    while (r >= start && (v.is(r, ...DETERMINER) || (!v.isCap(r) && c.mentionAt[r] < 0 && !NP_PREPOSITION.has(v.lower(r)) && v.isWord(r) && r > start))) r--;
    if (r > start && NP_PREPOSITION.has(v.lower(r)) && c.mentionAt[r] < 0) head = -1;
  }
  if (head >= 0) {
    const mentions = [head];
    let k = j;
    while (k - 1 >= 0 && c.mentionAt[k - 1] === head) k--;
    let token = k;
    // "the Sudanese government and the rebels": a determiner may open each conjunct.
    if (v.is(k - 1, "the") && c.mentionAt[k - 1] < 0 && v.is(k - 2, "and", "or")) k--;
    while (k - 2 >= 0 && same(c, k - 2, anchor) && (v.is(k - 1, "and", "or") || v.word(k - 1) === ",")) {
      let e = k - 2;
      const m = mentionOf(c, e);
      if (m < 0 || mentions.includes(m)) break;
      mentions.unshift(m);
      k = e;
      while (k - 1 >= 0 && c.mentionAt[k - 1] === m) k--;
      token = k;
    }
    if (mentions.length === 1 && country(c, head) === null) {
      for (let q = start; q < token; q++) { const m = c.mentionAt[q]; if (m >= 0 && country(c, m) !== null) return { mentions: [m], token: start }; }
    }
    return { mentions, token: Math.min(token, start) };
  }
  // No actor at the head: look inside the phrase.
  let prep = -1;
  for (let q = start; q <= j; q++) if (NP_PREPOSITION.has(v.lower(q)) && c.mentionAt[q] < 0) { prep = q; break; }
  const premod: number[] = [], inPhrase: number[] = [];
  for (let q = start; q <= j; q++) {
    const m = c.mentionAt[q];
    if (m < 0 || (q > start && c.mentionAt[q - 1] === m)) continue;
    (prep < 0 || q < prep ? premod : inPhrase).push(m);
  }
  const pick = premod.length ? premod : inPhrase;
  if (!pick.length) return null;
  if (pick === premod && premod.length > 1) {
    // "French and Egyptian warships": coordinated modifiers are a compound actor; uncoordinated
    // ones ("a Hamas delegation" after a dateline) leave the one nearest the head.
    let coordinated = false;
    for (let q = start; q <= j; q++) if (v.is(q, "and") || v.word(q) === ",") coordinated = true;
    if (coordinated) return { mentions: [...new Set(premod)], token: start };
    return { mentions: [premod[premod.length - 1]], token: start };
  }
  const withCountry = pick.find((m) => country(c, m) !== null) ?? inPhrase.find((m) => country(c, m) !== null);
  return { mentions: [withCountry ?? pick[0]], token: start };
}

/** A verb whose subject is also the subject of the infinitive after it ("tried to", "is prepared to"). */
function controlsInfinitive(c: EventContext, j: number): boolean {
  const { v } = c;
  if (!v.isWord(j) || v.isCap(j) || c.mentionAt[j] >= 0) return false;
  const w = v.lower(j);
  if (CONTROL.has(w)) return true;
  if (!(w.endsWith("ed") || w.endsWith("s"))) return false;
  for (const lemma of CONTROL) if (c.k.lemmas.hasForm(w, lemma)) return true;
  return false;
}

/** The nearest past-tense verb before j in the same clause ("opened", "began"), or -1. */
export function finiteVerbBefore(c: EventContext, j: number, anchor: number): number {
  const { v } = c;
  for (let k = j; k >= 0 && k > j - 12 && same(c, k, anchor); k--) {
    const w = v.lower(k);
    if (w === "," || w === ";" || w === "that" || w === "to") return -1;
    if (c.mentionAt[k] >= 0 || v.isCap(k) || !v.isWord(k)) continue;
    if ((w.endsWith("ed") && w.length > 4) || (c.k.lemmas.lemma(w) !== w && !w.endsWith("s") && !w.endsWith("ing"))) return k;
  }
  return -1;
}

/** Auxiliaries and modals: the word after one is a verb ("would hold", "has hit"). */
const AUX_BEFORE_VERB = new Set(["has", "have", "had", "will", "would", "can", "could", "should", "must", "may", "might", "did", "does", "do", "shall"]);
/** Words that end the first of two coordinated verb phrases when walking left (a new clause starts there). */
const CONJUNCT_BOUNDARY = new Set([";", ":", "that", "who", "which", "whom", "whose", "“", "”", "\"", "(", ")", "if", "unless", "because", "while", "when", "although", "though", "whereas", "but", "since", "until"]);

/**
 * The verb of the first conjunct of "V1 … and V2", walking left from j (the token before
 * "and"), or -1. A verb is a word after an auxiliary ("would step up"), a past form not
 * after a determiner ("reneged", "hit" after "have"), or a known verb's inflected form
 * right after its subject ("Kenya expresses").
 */
export function coordinatedVerbBefore(c: EventContext, j: number, anchor: number): number {
  const { v } = c;
  for (let k = j; k >= 0 && k > j - 25 && same(c, k, anchor); k--) {
    const w = v.lower(k);
    if (CONJUNCT_BOUNDARY.has(w) || v.is(k, "and", "or")) return -1;
    if (!v.isWord(k) || v.isCap(k) || c.mentionAt[k] >= 0 || c.timeAt[k] >= 0 || BETWEEN.has(w) || AUX_BEFORE_VERB.has(w) || FUNCTION_WORD.has(w) || DETERMINER.has(w)) continue;
    let b = k - 1;
    while (b >= 0 && (isAdverb(c, b) || v.is(b, "not", "n't", "also", "already", "been"))) b--;
    if (AUX_BEFORE_VERB.has(v.lower(b)) || (v.is(b, "is", "are", "was", "were") && w.endsWith("ing"))) return k;
    if (DETERMINER.has(v.lower(k - 1)) || w.endsWith("ing")) continue;
    const lemma = c.lemma(k);
    if (w.endsWith("ed") && w.length > 4) return k;
    if (lemma !== w && !w.endsWith("s")) return k;
    // "Kenya expresses its sympathy … and condemns": a present form right after its subject
    // (not "Russia's forces", where the mention owns the noun).
    const before = skipBack(c, k - 1, anchor);
    if (c.mentionAt[before] >= 0 && w.endsWith("s") && !w.endsWith("ss") && !v.is(k - 1, "'s", "’s") && opensClause(c, nounPhraseStart(c, before))) return k;
    if (lemma !== w && c.k.clauseVerbs.has(lemma) && c.mentionAt[before] >= 0) return k;
  }
  return -1;
}

/** Does a clause start at token j (sentence start, or after a comma, "and", "that" …)? Then a noun phrase there can be a subject. */
function opensClause(c: EventContext, j: number): boolean {
  return !same(c, j - 1, j) || CLAUSE_END.has(c.v.lower(j - 1)) || c.v.is(j - 1, "and");
}

export function subjectsBefore(c: EventContext, trigger: number, depth = 0): { mentions: number[]; token: number | null } {
  const { v } = c;
  let j = skipBack(c, trigger - 1, trigger);
  if (j < 0 || !same(c, j, trigger)) return { mentions: [], token: null };
  // "The United States continued to send arms", "North Korea has tried to hack": the subject of the verb before "to".
  if (v.is(j, "to") && depth < 2 && controlsInfinitive(c, j - 1)) return subjectsBefore(c, j - 1, depth + 1);
  // "Uzbekistan opened the bridge to allow …": a purpose infinitive shares the subject of the clause's verb.
  if (v.is(j, "to") && depth < 2) {
    const verb = finiteVerbBefore(c, j - 1, trigger);
    if (verb >= 0) { const subj = subjectsBefore(c, verb, depth + 1); if (subj.mentions.length) return subj; }
  }
  // "Lammy, who attended a meeting": a relative pronoun's antecedent is the subject.
  if (v.is(j, "who", "which") && depth < 2) {
    const k = v.word(j - 1) === "," ? j - 2 : j - 1;
    if (k >= 0 && same(c, k, trigger)) { const ante = actorsOfPhrase(c, k, trigger); if (ante) return ante; }
    return { mentions: [], token: null };
  }
  // "Kenya recalled its envoy on Monday and accused Somalia …": a verb coordinated with an earlier
  // one shares its subject.
  if (v.is(j, "and") && c.mentionAt[j] < 0 && depth < 2) {
    const verb = coordinatedVerbBefore(c, j - 1, trigger);
    if (verb >= 0) return subjectsBefore(c, verb, depth + 1);
  }
  if (c.mentionAt[j] < 0 && ((FUNCTION_WORD.has(v.lower(j)) && !v.isCap(j)) || (CLAUSE_END.has(v.lower(j)) && v.word(j) !== ","))) return { mentions: [], token: null };
  if (c.mentionAt[j] < 0 && SPEAKER_PRONOUN.has(v.lower(j))) {
    const speaker = speakerOfPronoun(c, j);
    return { mentions: speaker, token: speaker.length ? j : null };
  }
  // "The premier announced that the government will impose …": an unnamed government is the speaker's.
  if (c.mentionAt[j] < 0 && v.is(j - 1, "the") && c.k.ownGovernmentNouns.has(v.lower(j)) && depth < 2) {
    const speaker = speakerOf(c, j - 1);
    if (speaker.length) return { mentions: speaker, token: j - 1 };
  }
  // Apposition between commas: ", David Lammy, also taunted" names the subject; in
  // "Pakistan, a key U.S. ally in the war against terrorism, has refused" the subject is before it.
  if (v.word(j) === ",") {
    // "Serbia lodged a protest with Albania, charging its neighbour …": a participial clause
    // after a comma has the subject of the clause before it.
    if (depth < 2 && v.lower(trigger).endsWith("ing") && j === trigger - 1) {
      const verb = finiteVerbBefore(c, j - 1, trigger);
      if (verb >= 0) { const subj = subjectsBefore(c, verb, depth + 1); if (subj.mentions.length) return subj; }
    }
    const open = findLeft(c, j, ",", 20);
    const inner = actorsOfPhrase(c, j - 1, trigger);
    if (mentionOf(c, j - 1) >= 0 && inner) return inner;
    const outer = open > 0 ? actorsOfPhrase(c, skipBack(c, open - 1, trigger), trigger) : null;
    if (outer) return outer;
    return inner ?? { mentions: [], token: null };
  }
  const found = actorsOfPhrase(c, j, trigger);
  return found ?? { mentions: [], token: null };
}

/** "Syria says it will not accept …": the speaker of the clause a subject pronoun opens, or -1. */
export function speakerOfPronoun(c: EventContext, subjectToken: number): number[] {
  return SPEAKER_PRONOUN.has(c.v.lower(subjectToken)) ? speakerOf(c, subjectToken) : [];
}

/** The speaker of the reported clause whose subject starts at a token ("X said (that) …"), or []. */
function speakerOf(c: EventContext, subjectToken: number): number[] {
  const { v } = c;
  let j = skipBack(c, subjectToken - 1, subjectToken);
  if (v.is(j, "that")) j = skipBack(c, j - 1, subjectToken);
  if (!c.k.reportVerbs.has(c.lemma(j))) return [];
  return subjectsBefore(c, j).mentions;
}

export function targetAfter(c: EventContext, from: number, exclude: ReadonlySet<string>): number | null {
  const { v } = c;
  const first = skipForward(c, from, from);
  // "students blocked roads in Nairobi in defiance of the Ugandan government": the place an event
  // happens in is its target only when no actor follows in the clause.
  let place: number | null = null;
  for (let j = first; j < v.count && j < first + 15 && same(c, j, from); j++) {
    if (CLAUSE_END.has(v.lower(j)) && j > first) return place;
    // "recalled its envoy and accused Somalia": the object of a coordinated verb is not this
    // one's; but "agreed and accepted the offer" shares the object of the second verb.
    const sharedObject = j === from && c.lemma(from - 1) !== v.lower(from - 1);
    if (v.is(j, "and") && !sharedObject && opensVerbPhrase(c, j + 1)) return place;
    // "detained in Mombasa for spying for …": a gerund clause has objects of its own.
    if (j > first && !v.isCap(j) && c.mentionAt[j] < 0 && /ing$/.test(v.lower(j)) && v.is(j - 1, "for", "by", "after", "of", "from", "with")) return place;
    const m = c.mentionAt[j];
    if (m >= 0 && c.timeAt[j] < 0 && !exclude.has(c.doc.mentions![m].actor) && !namesPlace(c, j, m)) {
      const found = withCountry(c, j, m, from, exclude);
      if (place === null && isLocation(c, j, m)) {
        // The place's own phrase ("in Bosnian Serb territory") names no other actor.
        while (j + 1 < v.count && (c.mentionAt[j + 1] >= 0 || (v.isCap(j + 1) && v.isWord(j + 1)))) j++;
        place = found;
        continue;
      }
      return found;
    }
  }
  return place;
}

/** The mention at token j, or the actor with a country in its phrase ("the president of Armenia", "President Reagan's statement"). */
function withCountry(c: EventContext, j: number, m: number, from: number, exclude: ReadonlySet<string>): number {
  const { v } = c;
  if (country(c, m) !== null) return m;
  let k = j;
  while (k + 1 < v.count && c.mentionAt[k + 1] === m) k++;
  for (let q = k + 1; q <= k + 4 && q < v.count && same(c, q, from); q++) {
    const n = c.mentionAt[q];
    if (n >= 0 && n !== m && country(c, n) !== null && !exclude.has(c.doc.mentions![n].actor)) return n;
    if (!v.is(q, "of", "the", "in", "and") && c.mentionAt[q] < 0) break;
  }
  return m;
}

/** Is the mention at token j a place the event happens in ("in Nairobi", "at Kabul airport")? */
function isLocation(c: EventContext, j: number, m: number): boolean {
  const { v } = c;
  let b = j - 1;
  if (v.is(b, "the")) b--;
  if (!v.is(b, "in", "at", "inside", "near")) return false;
  const actor = c.actorOf(m);
  return c.doc.mentions![m].kind === "place" || actor?.kind === "country";
}

/** Does a verb phrase start at j ("accused …", "would hold …") rather than a noun phrase? */
function opensVerbPhrase(c: EventContext, j: number): boolean {
  const { v } = c;
  while (j < v.count && (isAdverb(c, j) || AUX_BEFORE_VERB.has(v.lower(j)) || v.is(j, "then", "also", "not"))) j++;
  if (j >= v.count || !v.isWord(j) || v.isCap(j) || c.mentionAt[j] >= 0) return false;
  const w = v.lower(j), lemma = c.lemma(j);
  return lemma !== w && !w.endsWith("s") && !w.endsWith("ing") && c.k.clauseVerbs.has(lemma);
}

/** Nouns for the edge of a country: "on the Thai border" names a place, not the one acted on. */
const PLACE_HEAD = new Set(["border", "borders", "frontier", "coast", "waters", "airspace", "side"]);

/** Does the mention at token j modify a place noun right after it ("the Thai border")? */
function namesPlace(c: EventContext, j: number, m: number): boolean {
  let k = j;
  while (k + 1 < c.v.count && c.mentionAt[k + 1] === m) k++;
  return PLACE_HEAD.has(c.v.lower(k + 1)) || (c.v.isWord(k + 1) && !c.v.isCap(k + 1) && PLACE_HEAD.has(c.v.lower(k + 2)) && c.mentionAt[k + 1] < 0);
}

/** "X was attacked by Y": the agent after "by" and the subject as target. */
export function passive(c: EventContext, trigger: number): { source: number | null; target: number | null } | null {
  const { v } = c;
  let b = trigger - 1;
  while (b >= 0 && isAdverb(c, b)) b--;
  if (!v.is(b, "was", "were", "been", "be", "is", "are", "being") || !/(ed|en|wn)$/.test(v.lower(trigger))) return null;
  let source: number | null = null, agentless = true;
  for (let j = trigger + 1; j < trigger + 8 && same(c, j, trigger); j++) {
    if (CLAUSE_END.has(v.lower(j))) break;
    if (v.is(j, "by")) agentless = false;
    if (v.is(j, "by")) {
      const agent = actorsOfPhrase(c, forwardPhraseEnd(c, j + 1), trigger);
      if (agent) source = agent.mentions[0];
      break;
    }
  }
  // "Israel is opposed to …", "is committed to …", "were engaged in …": an adjective, not a passive.
  // But "were arrested in Uganda", "was killed on Monday" are passives told with a place or time.
  if (agentless && v.is(trigger + 1, "to", "in", "on", "with") && !(v.is(trigger + 1, "in", "on") && placeOrTimeAt(c, trigger + 2))) return null;
  const subj = subjectsBefore(c, b);
  return { source, target: subj.mentions[0] ?? null };
}

/** Does a place, a country or a time expression start at token j ("in Uganda", "on Monday")? */
function placeOrTimeAt(c: EventContext, j: number): boolean {
  if (c.v.is(j, "the")) j++;
  if (j >= c.v.count) return false;
  if (c.timeAt[j] >= 0) return true;
  const m = c.mentionAt[j];
  return m >= 0 && (c.doc.mentions![m].kind === "place" || c.actorOf(m)?.kind === "country");
}

/** The last token of the noun phrase that starts at j (up to a clause end or a verb). */
export function forwardPhraseEnd(c: EventContext, j: number): number {
  const { v } = c;
  let k = j;
  while (k + 1 < v.count && same(c, k + 1, j) && k - j < 8) {
    const w = v.lower(k + 1);
    if (CLAUSE_END.has(w) || !v.isWord(k + 1) || NP_PREPOSITION.has(w) || w === "and") break;
    if (isClauseVerb(c, k + 1)) break;
    k++;
  }
  return k;
}

/**
 * The actor of an event noun: its owner ("Russia's attack", "a US offer"), the agent after
 * "by" ("attacks by Hezbollah"), or the subject of the light verb that takes it ("Peru
 * issued an ultimatum", "students staged mass demonstrations").
 */
export function nounOwner(c: EventContext, i: number, end: number): { sources: number[]; subjectToken: number | null; lightVerb: boolean } {
  const { v } = c;
  const before = c.mentionAt[i - 1];
  if (before >= 0 && same(c, i - 1, i) && c.timeAt[i - 1] < 0) return { sources: [before], subjectToken: i - 1, lightVerb: false };
  if (v.is(end + 1, "by") && c.mentionAt[end + 2] >= 0) {
    const agent = actorsOfPhrase(c, forwardPhraseEnd(c, end + 2), i);
    if (agent) return { sources: agent.mentions.slice(0, 1), subjectToken: null, lightVerb: false };
  }
  for (let k = i - 1; k >= 0 && k >= i - 6 && same(c, k, i); k--) {
    const w = v.lower(k);
    // "carried out at least three air strikes": a quantifier, not a prepositional phrase.
    if (v.is(k, "at") && v.is(k + 1, "least", "most")) continue;
    // "an ultimatum to Ecuador to halt attacks": "halt", not "issued", takes "attacks".
    // An event noun inside a prepositional phrase ("conditions on a ceasefire") is not the light verb's object.
    if (w === "," || w === ";" || w === "that" || w === "to" || c.mentionAt[k] >= 0 || (NP_PREPOSITION.has(w) && k < i - 1 && !c.k.linkingNouns.has(c.lemma(k - 1)))) break;
    if (c.k.supportVerbs.has(c.lemma(k)) && !v.is(k - 1, "the", "a", "an")) {
      const subj = subjectsBefore(c, k);
      if (subj.mentions.length) return { sources: subj.mentions, subjectToken: subj.token, lightVerb: true };
      const pas = passive(c, k);
      if (pas?.source != null) return { sources: [pas.source], subjectToken: null, lightVerb: true };
      return { sources: [], subjectToken: null, lightVerb: true };
    }
  }
  return { sources: [], subjectToken: null, lightVerb: false };
}

/**
 * "threatened to strike unless Israel rescinded …", "will withdraw unless the president
 * arranged …": the actor a condition is put to is the one the statement is aimed at.
 */
export function conditionTarget(c: EventContext, from: number, exclude: ReadonlySet<string>): number | null {
  const { v } = c;
  for (let j = from; j < v.count && j < from + 15 && same(c, j, from); j++) {
    const w = v.lower(j);
    if (w === "." || w === ";" || w === ",") return null;
    if (w !== "unless" && w !== "if") continue;
    const k = skipForward(c, j + 1, j);
    const subject = actorsOfPhrase(c, forwardPhraseEnd(c, k), k);
    const m = subject?.mentions.find((x) => !exclude.has(c.doc.mentions![x].actor));
    return m ?? null;
  }
  return null;
}
