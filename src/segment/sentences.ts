// Sentence boundaries over the tokens of one paragraph. A sentence ends at . ! ? or an
// ellipsis, after any closing quotation marks and brackets that hug it (`now.”` ends after
// the mark), when what follows can start a sentence. Abbreviations and initials do not end
// sentences unless the next word is a typical sentence opener.
import { TokenKind } from "../model/tokens.js";
import type { RawTokens } from "./tokenize.js";
import type { AbbreviationLists } from "./abbreviations.js";
import { Cc, charClass } from "./charClass.js";

/**
 * Appends the token index at which each sentence of tokens [from, to) starts to `out`.
 * The first sentence starts at `from`.
 */
export function splitSentences(
  text: string, tok: RawTokens, from: number, to: number, abbr: AbbreviationLists, out: number[],
): void {
  if (from >= to) return;
  out.push(from);
  const { starts, ends, kinds } = tok;
  for (let i = from; i < to; i++) {
    const kind = kinds[i];
    let terminal = false;
    let dottedWord = false;
    if (kind === TokenKind.Punct) {
      const c = text.charCodeAt(starts[i]);
      const cc = charClass(c);
      terminal = cc === Cc.Period || cc === Cc.Terminal || cc === Cc.Ellipsis;
    } else if (kind === TokenKind.Word && text.charCodeAt(ends[i] - 1) === 46) {
      terminal = true; // U.S. / a.m. carry their dot inside the token
      dottedWord = true;
    }
    if (!terminal) continue;
    // Swallow further terminals and hugging closers: ?!, .”, .)’
    let last = i;
    while (last + 1 < to && starts[last + 1] === ends[last]) {
      const k = kinds[last + 1];
      const cc = charClass(text.charCodeAt(starts[last + 1]));
      if (k === TokenKind.QuoteClose || cc === Cc.CloseBracket || cc === Cc.Terminal || cc === Cc.Period || cc === Cc.Ellipsis) last++;
      else break;
    }
    const next = last + 1;
    if (next >= to) break; // the paragraph ends the sentence anyway
    if (starts[next] === ends[last]) { i = last; continue; } // no space: "3.5", "Yahoo!Inc", ".com"
    if (!canStartSentence(text, tok, next)) { i = last; continue; }
    if (isAbbreviationStop(text, tok, i, from, next, dottedWord, abbr)) { i = last; continue; }
    out.push(next);
    i = last;
  }
}

function canStartSentence(text: string, tok: RawTokens, i: number): boolean {
  const k = tok.kinds[i];
  if (k === TokenKind.QuoteOpen || k === TokenKind.Number) return true;
  const cc = charClass(text.charCodeAt(tok.starts[i]));
  if (cc === Cc.Upper || cc === Cc.OpenBracket) return true;
  // Digits and letters without case (CJK etc.) start sentences too; lower case does not.
  return k === TokenKind.Word && cc !== Cc.Letter;
}

function isAbbreviationStop(
  text: string, tok: RawTokens, i: number, from: number, next: number, dottedWord: boolean, abbr: AbbreviationLists,
): boolean {
  const opener = () => abbr.sentenceOpeners.has(text.slice(tok.starts[next], tok.ends[next]).toLowerCase());
  if (dottedWord) return !opener(); // "the U.S. Senate" vs "in the U.S. The"
  if (text.charCodeAt(tok.starts[i]) !== 46 || tok.ends[i] - tok.starts[i] !== 1) return false; // ! ? … and "..." end
  const w = i - 1;
  if (w < from || tok.ends[w] !== tok.starts[i] || tok.kinds[w] !== TokenKind.Word) return false;
  const word = text.slice(tok.starts[w], tok.ends[w]);
  const lower = word.toLowerCase();
  if (abbr.titles.has(lower)) return true;
  if (tok.kinds[next] === TokenKind.Number && abbr.beforeNumber.has(lower)) return true;
  if (abbr.midSentence.has(lower)) return !opener();
  // An initial: "J. D. Vance", "George W. Bush". A capital letter alone before a period.
  if (word.length === 1 && charClass(word.charCodeAt(0)) === Cc.Upper) {
    // "…with Plan B. The…" still ends: only when the next word is a typical opener.
    return !opener();
  }
  return false;
}
