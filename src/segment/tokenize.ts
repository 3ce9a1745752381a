// Splits text into tokens stored column-wise (see model/tokens.ts). One pass over the
// characters with a table lookup each; no per-token objects.
//
// Words keep inner apostrophes (doesn’t, Ukraine’s), hyphens (30-day), dotted
// abbreviations (U.S., a.m.) and, for numbers, decimal points and thousands separators
// (1.5, 10,000). Quotation marks become QuoteOpen / QuoteClose tokens: curly marks by their
// shape, straight ones by what stands either side of them.
import { TokenKind } from "../model/tokens.js";
import { Cc, charClass, isWordChar } from "./charClass.js";

export interface RawTokens {
  count: number;
  starts: Uint32Array;
  ends: Uint32Array;
  kinds: Uint8Array;
}

export function tokenize(text: string, from = 0, to = text.length): RawTokens {
  let cap = Math.max(16, ((to - from) >>> 2) + 16);
  let starts = new Uint32Array(cap), ends = new Uint32Array(cap), kinds = new Uint8Array(cap);
  let count = 0;
  const push = (s: number, e: number, k: TokenKind) => {
    if (count === cap) {
      cap *= 2;
      const ns = new Uint32Array(cap); ns.set(starts); starts = ns;
      const ne = new Uint32Array(cap); ne.set(ends); ends = ne;
      const nk = new Uint8Array(cap); nk.set(kinds); kinds = nk;
    }
    starts[count] = s; ends[count] = e; kinds[count] = k; count++;
  };

  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    const cc = charClass(code);
    if (cc === Cc.Space || cc === Cc.Newline) { i++; continue; }
    if (isWordChar(cc)) { i = scanWord(text, i, to, push); continue; }
    switch (cc) {
      case Cc.QuoteOpen:
        push(i, i + 1, TokenKind.QuoteOpen); i++; continue;
      case Cc.QuoteClose:
        push(i, i + 1, TokenKind.QuoteClose); i++; continue;
      case Cc.QuoteStraight:
        push(i, i + 1, straightOpens(text, i, from, to) ? TokenKind.QuoteOpen : TokenKind.QuoteClose); i++; continue;
      case Cc.Apostrophe: {
        // Outside a word an apostrophe is a single quotation mark: ‘ is handled as QuoteOpen
        // above; ’ and ' open when nothing word-like stands before them. Two together ('')
        // are one double mark, as some newswires write them.
        const len = i + 1 < to && charClass(text.charCodeAt(i + 1)) === Cc.Apostrophe ? 2 : 1;
        push(i, i + len, straightOpens(text, i, from, to) ? TokenKind.QuoteOpen : TokenKind.QuoteClose); i += len; continue;
      }
      case Cc.Dash:
        push(i, i + 1, TokenKind.Dash); i++; continue;
      case Cc.Hyphen: {
        let j = i + 1;
        while (j < to && charClass(text.charCodeAt(j)) === Cc.Hyphen) j++;
        // "--" is a typed dash; a lone hyphen between spaces is one too.
        push(i, j, j - i > 1 || isSpaceAt(text, i - 1, from) ? TokenKind.Dash : TokenKind.Punct);
        i = j; continue;
      }
      case Cc.Period: {
        let j = i + 1;
        while (j < to && (charClass(text.charCodeAt(j)) === Cc.Period || (text.charCodeAt(j) === 32 && text.charCodeAt(j + 1) === 46 && j + 1 < to))) j++;
        push(i, j, TokenKind.Punct); // "." or an ellipsis "..." / ". . ."
        i = j; continue;
      }
      default: {
        // Keep surrogate pairs (emoji, rare scripts) together as one token.
        const len = code >= 0xd800 && code <= 0xdbff && i + 1 < to ? 2 : 1;
        push(i, i + len, TokenKind.Punct); i += len; continue;
      }
    }
  }
  return { count, starts, ends, kinds };
}

function isSpaceAt(text: string, i: number, from: number): boolean {
  if (i < from) return true;
  const cc = charClass(text.charCodeAt(i));
  return cc === Cc.Space || cc === Cc.Newline;
}

/** A straight quote opens when what precedes it is the start, a space, a bracket or another opening mark. */
function straightOpens(text: string, i: number, from: number, to: number): boolean {
  if (i === from) return true;
  const prev = charClass(text.charCodeAt(i - 1));
  if (prev === Cc.Space || prev === Cc.Newline || prev === Cc.OpenBracket || prev === Cc.QuoteOpen || prev === Cc.Dash) {
    // "… said ' " with a space after too is ambiguous; treat as opening only when text follows.
    return i + 1 < to && !isSpaceAt(text, i + 1, from);
  }
  return false;
}

function scanWord(text: string, i: number, to: number, push: (s: number, e: number, k: TokenKind) => void): number {
  const start = i;
  const numeric = charClass(text.charCodeAt(i)) === Cc.Digit;
  let segLen = 0; // length of the current dot-separated segment, for U.S.-style abbreviations
  let dotted = true; // every segment so far is a single letter
  let dots = 0;
  while (i < to) {
    const cc = charClass(text.charCodeAt(i));
    if (isWordChar(cc)) { i++; segLen++; continue; }
    const next = i + 1 < to ? charClass(text.charCodeAt(i + 1)) : Cc.Other;
    const nextIsWord = isWordChar(next);
    if (cc === Cc.Apostrophe && nextIsWord) { i++; segLen++; continue; }
    if (cc === Cc.Hyphen && nextIsWord) { i++; dotted = false; segLen++; continue; }
    if (cc === Cc.Period) {
      if (numeric && next === Cc.Digit) { i++; continue; } // 1.5
      if (!numeric && segLen === 1 && (next === Cc.Letter || next === Cc.Upper)) {
        // U.S / a.m: a dotted abbreviation continues
        if (!dotted) break;
        i++; dots++; segLen = 0; continue;
      }
      if (!numeric && segLen === 1 && dotted && dots > 0) { i++; dots++; break; } // final dot of U.S.
      break;
    }
    if (cc === Cc.Comma && numeric && next === Cc.Digit && isThousands(text, i + 1, to)) { i++; continue; }
    break;
    // (segLen and dotted only matter for letters; numbers never become dotted abbreviations)
  }
  // A word that took a dot inside but is not a dotted abbreviation (e.g. "a.b" with long segments) is fine as is.
  push(start, i, numeric ? TokenKind.Number : TokenKind.Word);
  return i;
}

/** 10,000 but not "in 2019,2020": exactly three digits follow the comma. */
function isThousands(text: string, j: number, to: number): boolean {
  let n = 0;
  while (j + n < to && charClass(text.charCodeAt(j + n)) === Cc.Digit) n++;
  return n === 3;
}
