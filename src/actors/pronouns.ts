// Finder 6: personal pronouns (he, his, him, she, her) resolved to the most salient
// person of matching gender before them. Salience is a decaying count of mentions, with
// extra weight for a mention that is a clause's subject. Speech changes the
// picture: "he" inside a quotation is not the quotation's speaker, "he said" right after
// a quotation is not someone named only inside it, and "Asked whether he …, Starmer said"
// points forward to the main clause's subject.
import type { FinderContext } from "./context.js";
import { sameSentence } from "./context.js";
import { CUE, PRONOUN_F, PRONOUN_M, SUBJECT_NEXT_WORD } from "./knowledge.js";
import { findQuoteSpans, insideQuote, type QuoteSpan } from "./quoteSpans.js";
import { PersonMentions } from "./personMentions.js";
import { DECAY_NEAR, DECAY_TOPIC, Salience, WINDOW } from "./salience.js";
import { stableOrder } from "./stableOrder.js";

interface Attribution { key: string; sentence: number }

/** What resolving the pronouns of one document reads: its quotations and the people so far. */
interface PronounScope {
  c: FinderContext;
  people: PersonMentions;
  spans: QuoteSpan[];
  inQuote: Int32Array;
  /** 1 where a quotation closes. */
  closes: Uint8Array;
  /** Speaker of each quotation, once asked. */
  speakers: Map<number, Attribution | null>;
  /** Offsets where paragraphs start, once asked. */
  paragraphStarts: Set<number> | null;
}

export function findPronouns(c: FinderContext): void {
  const { v, reg } = c;
  // Nothing to resolve: the quotations and people below are read for pronouns only.
  if (v.pronouns.length === 0) return;
  const spans = findQuoteSpans(v, c.doc.paragraphs ?? []);
  const inQuote = insideQuote(spans, c.scratch.int32(v.count));
  const closes = c.scratch.uint8(v.count);
  for (const s of spans) closes[s.close] = 1;
  const people = new PersonMentions(c);
  const scope: PronounScope = { c, people, spans, inQuote, closes, speakers: new Map(), paragraphStarts: null };
  const mentions = reg.mentions;
  const starts = c.scratch.int32(mentions.length);
  for (let n = 0; n < mentions.length; n++) starts[n] = mentions[n].start;
  for (const at of stableOrder(starts, c.scratch)) {
    const m = mentions[at];
    if (reg.drafts.get(m.key)?.kind !== "person") continue;
    people.addNamed({ start: m.start, token: m.token, key: m.key, actor: people.actor(m.key), sentence: c.sentenceOf[m.token], inQuote: inQuote[m.token] >= 0, subject: isSubject(c, m.end, m.token) });
  }
  const { named, resolved } = people;
  const salience = new Salience(people, c.doc.tokens!.sentenceTokenStart.length, c.scratch);
  const classes = v.classes;
  let pi = 0, lo = 0, ro = 0; // named mentions before the pronoun, and the window's first named mention / resolved pronoun
  for (let x = 0; x < v.pronouns.length; x++) {
    const i = v.pronouns[x];
    const pronoun = classes[i] & (PRONOUN_M | PRONOUN_F);
    if (!pronoun || c.covered[i]) continue;
    const gender = pronoun === PRONOUN_M ? 1 : 2;
    const sentence = c.sentenceOf[i];
    const start = v.start(i);
    while (pi < named.length && named[pi].start < start) pi++;
    while (lo < pi && sentence - named[lo].sentence > WINDOW) lo++;
    while (ro < resolved.length && sentence - resolved[ro].sentence > WINDOW) ro++;
    const q = inQuote[i];
    let key: string | null = cataphor(scope, i, gender);
    if (!key) {
      let exclude = -1;
      let ignoreQuoted = false;
      if (q >= 0) {
        const sp = speakerOf(scope, q);
        if (sp) {
          const spActor = people.actor(sp.key);
          exclude = spActor;
          // The speaker talks about whoever the sentence that introduced them was about.
          const about = people.firstInSentence(sp.sentence, spActor, start, gender);
          if (about) key = about.key;
        }
      } else if (followsQuote(scope, i)) {
        ignoreQuoted = true;
      }
      key ??= salience.best(lo, pi, ro, { sentence, gender, exclude, ignoreQuoted, decay: q >= 0 ? DECAY_TOPIC : DECAY_NEAR });
    }
    if (!key) continue;
    reg.mention({ start, end: v.end(i), key, kind: "pronoun", token: i });
    people.addResolved({ start, token: i, key, actor: people.actor(key), sentence, inQuote: q >= 0, subject: isSubject(c, v.end(i), i) });
  }
}

/**
 * Is the token after this offset a verb that makes the mention before it a subject?
 * `from`: the mention's first token, from which the token after it is a step or two away
 * (a search over the whole document only if it does not start before the offset).
 */
function isSubject(c: FinderContext, end: number, from: number): boolean {
  const t = c.doc.tokens!;
  let lo = 0;
  if (from >= 0 && from < t.count && t.starts[from] < end) {
    lo = from;
    while (lo < t.count && t.starts[lo] < end) lo++;
  } else {
    let hi = t.count;
    while (lo < hi) { const mid = (lo + hi) >>> 1; if (t.starts[mid] < end) lo = mid + 1; else hi = mid; }
  }
  if (lo >= t.count) return false;
  if (c.v.classes[lo] & (SUBJECT_NEXT_WORD | CUE)) return true;
  return lowerEndsWith(c.v.text, t.starts[lo], t.ends[lo], "ed", 5);
}

/**
 * The word from start to end, lower-cased, has at least `minLength` units and ends with
 * `suffix` (lower case ASCII). Read from the text, with no lower-cased copy, unless a unit
 * outside ASCII might change the length when lower-cased.
 */
function lowerEndsWith(text: string, start: number, end: number, suffix: string, minLength = 0): boolean {
  for (let p = start; p < end; p++) {
    if (text.charCodeAt(p) > 127) { const w = text.slice(start, end).toLowerCase(); return w.length >= minLength && w.endsWith(suffix); }
  }
  if (end - start < minLength || end - start < suffix.length) return false;
  for (let n = 1; n <= suffix.length; n++) {
    const c = text.charCodeAt(end - n);
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== suffix.charCodeAt(suffix.length - n)) return false;
  }
  return true;
}

/** "” he said": the pronoun opens the attribution right after a closing quotation mark. */
function followsQuote(scope: PronounScope, i: number): boolean {
  const prev = i - 1;
  return (prev >= 0 && scope.closes[prev] === 1) || (prev >= 1 && scope.closes[prev - 1] === 1 && scope.c.v.word(prev) === ",");
}

/** A pronoun in a sentence-opening clause ("Asked whether he …,") refers to the subject after the comma. */
function cataphor(scope: PronounScope, i: number, gender: number): string | null {
  const { c, people } = scope;
  const { v } = c;
  const sentence = c.sentenceOf[i];
  const first = c.doc.tokens!.sentenceTokenStart[sentence];
  if (!v.isCap(first)) return null;
  const from = v.start(first), to = v.end(first);
  if (!lowerEndsWith(v.text, from, to, "ed") && !lowerEndsWith(v.text, from, to, "ing")) return null;
  let comma = -1;
  for (let j = i + 1; j < v.count && sameSentence(c, i, j); j++) if (v.length(j) === 1 && v.text.charCodeAt(v.start(j)) === 44) { comma = j; break; }
  if (comma < 0) return null;
  const a = people.namedAtToken(comma + 1), b = people.namedAtToken(comma + 2);
  // The first in the list at either token, as a scan of the named mentions would find it.
  const after = a && b ? (people.named.indexOf(a) < people.named.indexOf(b) ? a : b) : a ?? b;
  return after && people.genderOk(after.actor, gender) ? after.key : null;
}

/** Who speaks a quotation: the person attributed next to it in its sentence, else the previous quotation's speaker. */
function speakerOf(scope: PronounScope, q: number): Attribution | null {
  const { c, people, spans, inQuote, speakers } = scope;
  if (speakers.has(q)) return speakers.get(q)!;
  const { v } = c;
  const s = spans[q];
  let found: Attribution | null = null;
  // After the closing mark: "…,” the prime minister said." / "…,” said Lammy."
  for (let j = s.close + 1; j < v.count && j <= s.close + 6 && sameSentence(c, s.close, j); j++) {
    if (inQuote[j] >= 0) break;
    const p = people.anyAtToken(j);
    if (p) { found = { key: p.key, sentence: p.sentence }; break; }
  }
  // Before the opening mark: "Lammy added: “…”"
  if (!found) {
    for (let j = s.open - 1; j >= 0 && j >= s.open - 8 && sameSentence(c, s.open, j); j--) {
      if (inQuote[j] >= 0) break;
      const p = people.anyAtToken(j);
      if (p) { found = { key: p.key, sentence: p.sentence }; break; }
    }
  }
  // A quotation opening its paragraph with no attribution continues the previous sentence's subject.
  if (!found) {
    const sentence = c.sentenceOf[s.open];
    scope.paragraphStarts ??= new Set((c.doc.paragraphs ?? []).map(([ps]) => ps));
    const prev = scope.paragraphStarts.has(v.start(s.open)) ? people.firstInSentence(sentence - 1) : undefined;
    if (prev) found = { key: prev.key, sentence: prev.sentence };
  }
  if (!found && q > 0) found = speakerOf(scope, q - 1);
  speakers.set(q, found);
  return found;
}
