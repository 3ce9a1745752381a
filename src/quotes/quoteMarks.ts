// Quotation spans from the typed quote tokens: double marks (“ ” " « » „) pair within a
// paragraph, and a quotation left open at a paragraph's end continues when the next
// paragraph opens with a mark of its style (the news convention for multi-paragraph
// quotes). A quotation in marks of the other style inside an open one (“…” inside "…")
// is part of it, or a quotation of its own when the outer mark never closes. Single marks
// (‘ ’) pair too, but only inside one paragraph and never across an apostrophe.
import { TokenKind, type TokenTable } from "../model/tokens.js";

export interface MarkSpan {
  /** token indexes of the opening and closing marks */
  open: number;
  close: number;
  /** paragraphs the quotation runs across (more than one for a continued quotation) */
  paragraphs: number;
}

const SINGLE = new Set(["‘", "’", "'", "‚", "‹", "›"]);

/** A double mark's style: 0 straight (" and ''), 1 curly (“ ” „ ‟), 2 guillemets. */
function styleOf(ch: string): number {
  if (ch === "\"" || ch === "'") return 0;
  return ch === "«" || ch === "»" ? 2 : 1;
}

export function findMarkSpans(text: string, t: TokenTable, paragraphs: ReadonlyArray<readonly [number, number]>): MarkSpan[] {
  const out: MarkSpan[] = [];
  let p = 0;
  let open = -1, openStyle = 0, openParas = 1, singleOpen = -1;
  // A quotation of the other style inside the open one (“…” inside "…"): part of it when
  // the outer one closes, a quotation of its own when the outer one never does (a stray
  // mark opening a paragraph, as scraped text often has).
  let inner = -1;
  let nested: MarkSpan[] = [];
  const abandon = () => { out.push(...nested); nested = []; open = -1; openParas = 1; inner = -1; };
  const starts = t.starts, kinds = t.kinds;
  // The end of the current paragraph, kept in a local: every token is tested against it.
  let paragraphEnd = paragraphs.length ? paragraphs[0][1] : Infinity;
  for (let i = 0; i < t.count; i++) {
    let newParagraph = false;
    if (starts[i] >= paragraphEnd) {
      while (p < paragraphs.length && starts[i] >= paragraphs[p][1]) { p++; newParagraph = true; }
      paragraphEnd = p < paragraphs.length ? paragraphs[p][1] : Infinity;
    }
    if (newParagraph) {
      singleOpen = -1;
      inner = -1;
      // An unclosed quotation continues only if this paragraph opens with a mark of its style.
      if (open >= 0) {
        if (t.kinds[i] === TokenKind.QuoteOpen && !(t.ends[i] - t.starts[i] === 1 && SINGLE.has(text[t.starts[i]])) && styleOf(text[t.starts[i]]) === openStyle) { openParas++; continue; }
        abandon();
      }
    }
    const k = kinds[i];
    if (k !== TokenKind.QuoteOpen && k !== TokenKind.QuoteClose) continue;
    const single = t.ends[i] - t.starts[i] === 1 && SINGLE.has(text[t.starts[i]]);
    if (single) {
      if (k === TokenKind.QuoteOpen) singleOpen = i;
      else if (singleOpen >= 0 && open < 0) { out.push({ open: singleOpen, close: i, paragraphs: 1 }); singleOpen = -1; }
      continue;
    }
    const style = styleOf(text[t.starts[i]]);
    // A straight mark typed closing for want of a space before it, with none open and a
    // word right after it, opens a quotation ('Clinton:"We learned …"').
    const opens = k === TokenKind.QuoteOpen || open < 0 && style === 0 && /\p{L}/u.test(text[t.ends[i]] ?? "");
    if (opens) {
      if (open < 0) { open = i; openStyle = style; openParas = 1; nested = []; }
      // A doubled opening ("“ in scraped text) is one mark.
      else if (inner < 0 && style !== openStyle && i > open + 1) inner = i;
    } else if (open >= 0) {
      // A close of the other style ends the inner quotation; any other close (also a
      // sloppy “…" with mismatched marks) ends the outer one.
      if (inner >= 0 && style !== openStyle) { nested.push({ open: inner, close: i, paragraphs: 1 }); inner = -1; continue; }
      out.push({ open, close: i, paragraphs: openParas });
      open = -1; openParas = 1; inner = -1; nested = [];
    }
  }
  if (open >= 0) abandon();
  return out.sort((a, b) => a.open - b.open);
}
