// Finder 6: personal pronouns (he, his, him, she, her) resolved to the most salient
// person of matching gender before them. Salience is a decaying count of mentions, with
// extra weight for a mention that is a clause's subject. Speech changes the
// picture: "he" inside a quotation is not the quotation's speaker, "he said" right after
// a quotation is not someone named only inside it, and "Asked whether he …, Starmer said"
// points forward to the main clause's subject.
import type { FinderContext } from "./context.js";
import { sameSentence } from "./context.js";
import { findQuoteSpans, insideQuote, type QuoteSpan } from "./quoteSpans.js";

const GENDER: Record<string, "m" | "f"> = { he: "m", him: "m", his: "m", himself: "m", she: "f", her: "f", hers: "f", herself: "f" };
/** Outside quotations the nearest person usually wins; inside, the article's topic does. */
const DECAY_NEAR = 0.5;
const DECAY_TOPIC = 0.85;
/** Words after a mention that show it is a clause's subject ("Putin could", "Zelenskyy said"). */
const SUBJECT_NEXT = new Set(["is", "was", "has", "had", "have", "will", "would", "could", "can", "should", "must", "may", "might", "did", "does", "also", "then"]);
const WINDOW = 12; // sentences

interface PersonMention { start: number; token: number; key: string; sentence: number; inQuote: boolean; subject: boolean }

export function findPronouns(c: FinderContext): void {
  const { v, reg } = c;
  const spans = findQuoteSpans(v, c.doc.paragraphs ?? []);
  const inQuote = insideQuote(v.count, spans);
  const persons: PersonMention[] = [];
  const ordered = [...reg.mentions].sort((a, b) => a.start - b.start);
  for (const m of ordered) {
    if (reg.drafts.get(m.key)?.kind !== "person") continue;
    persons.push({ start: m.start, token: m.token, key: m.key, sentence: c.sentenceOf[m.token], inQuote: inQuote[m.token] >= 0, subject: isSubject(c, m.end) });
  }
  const quoteSpeaker = new Map<number, Attribution | null>();
  let pi = 0, lo = 0, ro = 0; // persons before the pronoun, and the window's first person / resolved pronoun
  const resolved: PersonMention[] = [];
  for (let i = 0; i < v.count; i++) {
    if (c.covered[i]) continue;
    const gender = GENDER[v.lower(i)];
    if (!gender) continue;
    const sentence = c.sentenceOf[i];
    while (pi < persons.length && persons[pi].start < v.start(i)) pi++;
    while (lo < pi && sentence - persons[lo].sentence > WINDOW) lo++;
    while (ro < resolved.length && sentence - resolved[ro].sentence > WINDOW) ro++;
    const before = [...persons.slice(lo, pi), ...resolved.slice(ro)];
    const q = inQuote[i];
    let key: string | null = cataphor(c, i, persons, gender);
    if (!key) {
      const exclude = new Set<string>();
      let ignoreQuoted = false;
      if (q >= 0) {
        const all = [...persons, ...resolved];
        const sp = speakerOf(c, spans, q, quoteSpeaker, inQuote, all);
        if (sp) {
          exclude.add(sp.key);
          // The speaker talks about whoever the sentence that introduced them was about.
          const about = all.filter((p) => p.sentence === sp.sentence && p.key !== sp.key && p.start < v.start(i) && genderOk(c, p.key, gender)).sort((a, b) => a.start - b.start);
          if (about.length) key = about[0].key;
        }
      } else if (followsQuote(c, i, spans)) {
        ignoreQuoted = true;
      }
      key ??= mostSalient(c, before, sentence, gender, exclude, ignoreQuoted, q >= 0 ? DECAY_TOPIC : DECAY_NEAR);
    }
    if (!key) continue;
    reg.mention({ start: v.start(i), end: v.end(i), key, kind: "pronoun", token: i });
    resolved.push({ start: v.start(i), token: i, key, sentence, inQuote: q >= 0, subject: isSubject(c, v.end(i)) });
  }
}

function genderOk(c: FinderContext, key: string, gender: "m" | "f"): boolean {
  const g = c.reg.drafts.get(key)?.gender;
  return g === undefined || g === gender;
}

/** Is the token after this offset a verb that makes the mention before it a subject? */
function isSubject(c: FinderContext, end: number): boolean {
  const t = c.doc.tokens!;
  let lo = 0, hi = t.count;
  while (lo < hi) { const mid = (lo + hi) >>> 1; if (t.starts[mid] < end) lo = mid + 1; else hi = mid; }
  if (lo >= t.count) return false;
  const w = c.v.lower(lo);
  return SUBJECT_NEXT.has(w) || c.cueForms.has(w) || (/ed$/.test(w) && w.length > 4);
}

function mostSalient(c: FinderContext, before: PersonMention[], sentence: number, gender: "m" | "f", exclude: Set<string>, ignoreQuoted: boolean, decay: number): string | null {
  // One weight per actor per sentence (a role and its apposed name are one reference).
  const perSentence = new Map<string, number>();
  for (const m of before) {
    const dist = sentence - m.sentence;
    if (dist > WINDOW || exclude.has(m.key) || !genderOk(c, m.key, gender)) continue;
    if (ignoreQuoted && m.inQuote) continue;
    const w = Math.pow(decay, dist) * (m.subject ? 2 : 1) * (m.inQuote ? 0.5 : 1) * (dist === 0 && decay === DECAY_NEAR ? 3 : 1);
    const k = `${m.key}\u0000${m.sentence}`;
    perSentence.set(k, Math.max(perSentence.get(k) ?? 0, w));
  }
  const score = new Map<string, number>();
  for (const [k, w] of perSentence) {
    const key = k.slice(0, k.indexOf("\u0000"));
    score.set(key, (score.get(key) ?? 0) + w);
  }
  let best: string | null = null, bestScore = 0;
  for (const [k, s] of score) if (s > bestScore || (s === bestScore && best !== null && k < best)) { best = k; bestScore = s; }
  return best;
}

/** "” he said": the pronoun opens the attribution right after a closing quotation mark. */
function followsQuote(c: FinderContext, i: number, spans: QuoteSpan[]): boolean {
  const prev = i - 1;
  return spans.some((s) => s.close === prev || (s.close === prev - 1 && c.v.word(prev) === ","));
}

/** A pronoun in a sentence-opening clause ("Asked whether he …,") refers to the subject after the comma. */
function cataphor(c: FinderContext, i: number, persons: PersonMention[], gender: "m" | "f"): string | null {
  const { v } = c;
  const sentence = c.sentenceOf[i];
  const first = c.doc.tokens!.sentenceTokenStart[sentence];
  if (!/(ed|ing)$/.test(v.lower(first)) || !v.isCap(first)) return null;
  let comma = -1;
  for (let j = i + 1; j < v.count && sameSentence(c, i, j); j++) if (v.word(j) === ",") { comma = j; break; }
  if (comma < 0) return null;
  const after = persons.find((p) => p.token === comma + 1 || p.token === comma + 2);
  return after && genderOk(c, after.key, gender) ? after.key : null;
}

interface Attribution { key: string; sentence: number }

/** Who speaks a quotation: the person attributed next to it in its sentence, else the previous quotation's speaker. */
function speakerOf(c: FinderContext, spans: QuoteSpan[], q: number, memo: Map<number, Attribution | null>, inQuote: Int32Array, persons: PersonMention[]): Attribution | null {
  if (memo.has(q)) return memo.get(q)!;
  const { v } = c;
  const s = spans[q];
  let found: Attribution | null = null;
  // After the closing mark: "…,” the prime minister said." / "…,” said Lammy."
  for (let j = s.close + 1; j < v.count && j <= s.close + 6 && sameSentence(c, s.close, j); j++) {
    if (inQuote[j] >= 0) break;
    const p = persons.find((m) => m.token === j);
    if (p) { found = { key: p.key, sentence: p.sentence }; break; }
  }
  // Before the opening mark: "Lammy added: “…”"
  if (!found) {
    for (let j = s.open - 1; j >= 0 && j >= s.open - 8 && sameSentence(c, s.open, j); j--) {
      if (inQuote[j] >= 0) break;
      const p = persons.find((m) => m.token === j);
      if (p) { found = { key: p.key, sentence: p.sentence }; break; }
    }
  }
  // A quotation opening its paragraph with no attribution continues the previous sentence's subject.
  if (!found) {
    const sentence = c.sentenceOf[s.open];
    const paragraphStart = c.doc.paragraphs?.some(([ps]) => ps === v.start(s.open));
    const prev = paragraphStart ? persons.filter((p) => p.sentence === sentence - 1).sort((a, b) => a.start - b.start) : [];
    if (prev.length) found = { key: prev[0].key, sentence: prev[0].sentence };
  }
  if (!found && q > 0) found = speakerOf(c, spans, q - 1, memo, inQuote, persons);
  memo.set(q, found);
  return found;
}
