// Character classes for the tokenizer, looked up in one 64K table so the hot loop does a
// single array read per character instead of a regular-expression test.

export const enum Cc {
  Other = 0,
  Space = 1,
  Newline = 2,
  Letter = 3,
  Upper = 4,
  Digit = 5,
  /** Apostrophes that may sit inside a word: ' ’ ʼ */
  Apostrophe = 6,
  /** Marks that only open a quotation: “ ‘ « „ ‚ ‹ */
  QuoteOpen = 7,
  /** Marks that only close a quotation: ” » › */
  QuoteClose = 8,
  /** The straight double quote, which opens or closes by position. */
  QuoteStraight = 9,
  Hyphen = 10,
  Dash = 11,
  Period = 12,
  Terminal = 13,
  Ellipsis = 14,
  OpenBracket = 15,
  CloseBracket = 16,
  Comma = 17,
  Mark = 18,
}

const table = new Uint8Array(65536);

(function build() {
  const letter = /\p{L}/u, upper = /\p{Lu}|\p{Lt}/u, digit = /\p{Nd}/u, mark = /\p{M}/u, space = /\s/u;
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue; // surrogate halves stay Other
    const ch = String.fromCharCode(c);
    if (upper.test(ch)) table[c] = Cc.Upper;
    else if (letter.test(ch)) table[c] = Cc.Letter;
    else if (digit.test(ch)) table[c] = Cc.Digit;
    else if (mark.test(ch)) table[c] = Cc.Mark;
    else if (space.test(ch)) table[c] = Cc.Space;
  }
  for (const c of [0x0a, 0x0d, 0x85, 0x2028, 0x2029]) table[c] = Cc.Newline;
  for (const ch of "'\u2019\u02bc") table[ch.charCodeAt(0)] = Cc.Apostrophe;
  for (const ch of "\u201c\u2018\u00ab\u201e\u201a\u2039\u201f\u201b") table[ch.charCodeAt(0)] = Cc.QuoteOpen;
  for (const ch of "\u201d\u00bb\u203a") table[ch.charCodeAt(0)] = Cc.QuoteClose;
  table['"'.charCodeAt(0)] = Cc.QuoteStraight;
  for (const ch of "-\u2010\u2011") table[ch.charCodeAt(0)] = Cc.Hyphen;
  for (const ch of "\u2012\u2013\u2014\u2015\u2212") table[ch.charCodeAt(0)] = Cc.Dash;
  table[".".charCodeAt(0)] = Cc.Period;
  for (const ch of "!?\u203c\u2047\u2048\u2049") table[ch.charCodeAt(0)] = Cc.Terminal;
  table["\u2026".charCodeAt(0)] = Cc.Ellipsis;
  for (const ch of "([{") table[ch.charCodeAt(0)] = Cc.OpenBracket;
  for (const ch of ")]}") table[ch.charCodeAt(0)] = Cc.CloseBracket;
  table[",".charCodeAt(0)] = Cc.Comma;
})();

export function charClass(code: number): Cc {
  return table[code] as Cc;
}

export function isWordChar(cc: Cc): boolean {
  return cc === Cc.Letter || cc === Cc.Upper || cc === Cc.Digit || cc === Cc.Mark;
}
