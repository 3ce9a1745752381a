// A quotation interrupted by its own attribution — “Q1,” Lynch said. “Q2.” or “Q1,” he
// said, “Q2.” — is one statement: news style splits it to name the speaker early. The
// parts become one quotation running from the first opening mark to the last closing one
// (the attribution inside it), as annotators of reported speech (PolNeAR) mark it.
import type { QuoteContext } from "./quoteContext.js";
import type { MarkedQuote } from "./markedQuotes.js";

export interface QuoteGroup {
  /** indexes into the marked quotes, in text order */
  parts: number[];
}

function paragraphOf(c: QuoteContext, token: number): number {
  const at = c.v.start(token);
  const ps = c.doc.paragraphs ?? [];
  let lo = 0, hi = ps.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (at < ps[mid][0]) hi = mid - 1;
    else if (at >= ps[mid][1]) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * Does a quotation inside the attribution's sentence go on with the statement — “Q1,” X
 * said on Tuesday, “but Q2” / “Q1,” he said, but “Q2” — rather than quote a phrase of its
 * own? It follows the attribution's comma (and a "but" or "and").
 */
function continuesAfterAttribution(c: QuoteContext, open: number, cue: number): boolean {
  if (c.sentenceOf[open] !== c.sentenceOf[cue]) return false;
  let k = open - 1;
  if (c.v.is(k, "but", "and")) k--;
  return k > cue && c.v.word(k) === ",";
}

/** Words up to which a quoted phrase inside the attribution is a title or name ("said on NBC's “Meet the Press.”"). */
const MAX_TITLE_WORDS = 6;

/**
 * Is mark span `q` a title or name inside the attribution that interrupts a quotation —
 * “Q1,” Cuban said on NBC's “Meet the Press.” “Q2.” — rather than a part of it? It lies
 * in the attribution's sentence after the cue, is short and is not introduced by a comma.
 */
function titleInAttribution(c: QuoteContext, q: number, cue: number): boolean {
  const m = c.marks[q];
  if (m.open < cue || c.sentenceOf[m.open] !== c.sentenceOf[cue] || c.v.word(m.open - 1) === ",") return false;
  let words = 0;
  for (let k = m.open + 1; k < m.close; k++) if (c.v.isWord(k) || c.v.kind(k) === 2) words++;
  return words > 0 && words <= MAX_TITLE_WORDS;
}

/**
 * Groups direct quotations whose first part is attributed after its closing mark with the
 * unattributed parts (or parts reusing the same cue) that follow it in the same paragraph,
 * no later than the sentence after the attribution. A title quoted inside the attribution
 * stands between the parts without ending the group, and is no quotation of its own.
 */
export function groupInterruptedQuotes(c: QuoteContext, marked: MarkedQuote[]): QuoteGroup[] {
  const groups: QuoteGroup[] = [];
  let i = 0;
  while (i < marked.length) {
    const first = marked[i];
    const parts = [i];
    let next = i + 1;
    const m = c.marks[first.span];
    if (first.type === "direct" && first.cue !== null && first.cue > m.close) {
      const cue = first.cue;
      const paragraph = paragraphOf(c, m.close);
      let lastClose = m.close;
      let lastSentence = c.sentenceOf[cue];
      const titles = new Set<number>();
      for (let j = i + 1; j < marked.length; j++) {
        const part = marked[j];
        const nm = c.marks[part.span];
        const own = part.cue !== null && part.cue !== cue;
        if (own || paragraphOf(c, nm.open) !== paragraph) break;
        if (part.type !== "direct" && !continuesAfterAttribution(c, nm.open, cue)) {
          if (parts.length === 1 && titleInAttribution(c, part.span, cue)) { titles.add(part.span); continue; }
          break;
        }
        if (c.sentenceOf[nm.open] > lastSentence + 1 || nm.open < cue) break;
        // A part introduced by a colon ("…,” X said, and then predicted: “…”) opens a
        // statement of its own, not the rest of the first.
        if (c.v.word(nm.open - 1) === ":") break;
        // Only the attribution (or nothing) may stand between the parts: no other quotation.
        if (c.marks.some((o, q) => o.open > lastClose && o.close < nm.open && !titles.has(q) && !(parts.length === 1 && titleInAttribution(c, q, cue)))) break;
        parts.push(j);
        next = j + 1;
        lastClose = nm.close;
        lastSentence = c.sentenceOf[nm.close];
      }
    }
    groups.push({ parts });
    i = next;
  }
  return groups;
}
