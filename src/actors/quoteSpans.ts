// Where the double quotation marks of the text open and close, so pronoun resolution
// knows who is speaking: "he" inside a quotation is rarely its speaker, and "he said"
// after one is. (The quotes stage does the full job later; this is the cheap part.)
import { TokenKind } from "../model/tokens.js";
import type { TokenView } from "./tokenView.js";

export interface QuoteSpan { open: number; close: number }

/** Quotation spans by token index; single marks are left out (apostrophes make them unreliable). */
export function findQuoteSpans(v: TokenView, paragraphs: ReadonlyArray<readonly [number, number]>): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let p = 0;
  let open = -1;
  for (let i = 0; i < v.count; i++) {
    const k = v.kind(i);
    if (k !== TokenKind.QuoteOpen && k !== TokenKind.QuoteClose) continue;
    // A quotation does not run across paragraphs (checked at quotation marks only: nothing else reads `open`).
    while (p < paragraphs.length && v.start(i) >= paragraphs[p][1]) { p++; open = -1; }
    const ch = v.text[v.start(i)];
    if (ch === "‘" || ch === "’" || ch === "'" || ch === "‚") continue;
    if (k === TokenKind.QuoteOpen) open = i;
    else if (open >= 0) { spans.push({ open, close: i }); open = -1; }
  }
  return spans;
}

/** Fills `inside` with the index of the quotation each token is inside, or -1. */
export function insideQuote(spans: QuoteSpan[], inside: Int32Array): Int32Array {
  inside.fill(-1);
  spans.forEach((s, q) => inside.fill(q, s.open + 1, s.close));
  return inside;
}
