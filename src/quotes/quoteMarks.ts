// Quotation spans from the typed quote tokens: double marks (“ ” " « » „) pair within a
// paragraph, and a quotation left open at a paragraph's end continues when the next
// paragraph opens with a mark (the news convention for multi-paragraph quotes). Single
// marks (‘ ’) pair too, but only inside one paragraph and never across an apostrophe.
import { TokenKind, type TokenTable } from "../model/tokens.js";

export interface MarkSpan {
  /** token indexes of the opening and closing marks */
  open: number;
  close: number;
  /** paragraphs the quotation runs across (more than one for a continued quotation) */
  paragraphs: number;
}

const SINGLE = new Set(["‘", "’", "'", "‚", "‹", "›"]);

export function findMarkSpans(text: string, t: TokenTable, paragraphs: ReadonlyArray<readonly [number, number]>): MarkSpan[] {
  const out: MarkSpan[] = [];
  let p = 0;
  let open = -1, openParas = 1, singleOpen = -1;
  for (let i = 0; i < t.count; i++) {
    let newParagraph = false;
    while (p < paragraphs.length && t.starts[i] >= paragraphs[p][1]) { p++; newParagraph = true; }
    if (newParagraph) {
      singleOpen = -1;
      // An unclosed quotation continues only if this paragraph opens with a mark.
      if (open >= 0) {
        if (t.kinds[i] === TokenKind.QuoteOpen && !(t.ends[i] - t.starts[i] === 1 && SINGLE.has(text[t.starts[i]]))) { openParas++; continue; }
        open = -1; openParas = 1;
      }
    }
    const k = t.kinds[i];
    if (k !== TokenKind.QuoteOpen && k !== TokenKind.QuoteClose) continue;
    const single = t.ends[i] - t.starts[i] === 1 && SINGLE.has(text[t.starts[i]]);
    if (single) {
      if (k === TokenKind.QuoteOpen) singleOpen = i;
      else if (singleOpen >= 0 && open < 0) { out.push({ open: singleOpen, close: i, paragraphs: 1 }); singleOpen = -1; }
      continue;
    }
    if (k === TokenKind.QuoteOpen) {
      if (open < 0) { open = i; openParas = 1; }
    } else if (open >= 0) {
      out.push({ open, close: i, paragraphs: openParas });
      open = -1; openParas = 1;
    }
  }
  return out.sort((a, b) => a.open - b.open);
}
