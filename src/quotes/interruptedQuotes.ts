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

/**
 * Groups direct quotations whose first part is attributed after its closing mark with the
 * unattributed parts (or parts reusing the same cue) that follow it in the same paragraph,
 * no later than the sentence after the attribution.
 */
export function groupInterruptedQuotes(c: QuoteContext, marked: MarkedQuote[]): QuoteGroup[] {
  const groups: QuoteGroup[] = [];
  let i = 0;
  while (i < marked.length) {
    const first = marked[i];
    const parts = [i];
    const m = c.marks[first.span];
    if (first.type === "direct" && first.cue !== null && first.cue > m.close) {
      const paragraph = paragraphOf(c, m.close);
      let lastClose = m.close;
      let lastSentence = c.sentenceOf[first.cue];
      for (let j = i + 1; j < marked.length; j++) {
        const next = marked[j];
        const nm = c.marks[next.span];
        const own = next.cue !== null && next.cue !== first.cue;
        if (own || paragraphOf(c, nm.open) !== paragraph) break;
        if (next.type !== "direct" && !continuesAfterAttribution(c, nm.open, first.cue)) break;
        if (c.sentenceOf[nm.open] > lastSentence + 1 || nm.open < first.cue) break;
        // A part introduced by a colon ("…,” X said, and then predicted: “…”) opens a
        // statement of its own, not the rest of the first.
        if (c.v.word(nm.open - 1) === ":") break;
        // Only the attribution (or nothing) may stand between the parts: no other quotation.
        if (c.marks.some((o) => o.open > lastClose && o.close < nm.open)) break;
        parts.push(j);
        lastClose = nm.close;
        lastSentence = c.sentenceOf[nm.close];
      }
    }
    groups.push({ parts });
    i += parts.length;
  }
  return groups;
}
