// Tokens are stored column-wise in typed arrays, not as one object per token: the
// segmenter is on the hot path of every article, and a million small objects per MB of
// text would cost more than the scanning itself. Read them through the accessors.

export const enum TokenKind {
  Word = 1,
  Number = 2,
  Punct = 3,
  /** A quotation mark that opens (“ ‘ « „ or a straight mark judged to open). */
  QuoteOpen = 4,
  /** A quotation mark that closes (” ’ » or a straight mark judged to close). */
  QuoteClose = 5,
  Dash = 6,
}

export interface TokenTable {
  readonly count: number;
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  readonly kinds: Uint8Array;
  /** Index of the first token of sentence i; sentenceTokenStart[sentences.length] === count. */
  readonly sentenceTokenStart: Uint32Array;
  /**
   * Lower-cased token texts, filled as they are first asked for (TokenView.lower): every
   * stage reads words in lower case, and each token is lowered once for all of them.
   */
  lowerCase?: (string | undefined)[];
}

export function tokenText(text: string, t: TokenTable, i: number): string {
  return text.slice(t.starts[i], t.ends[i]);
}

/** Index of the first token whose start is >= offset (binary search). */
export function tokenAt(t: TokenTable, offset: number): number {
  let lo = 0, hi = t.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t.starts[mid] < offset) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Index of the sentence containing offset, or -1 (binary search over sentence ranges). */
export function sentenceAt(sentences: ReadonlyArray<readonly [number, number]>, offset: number): number {
  let lo = 0, hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const [s, e] = sentences[mid];
    if (offset < s) hi = mid - 1;
    else if (offset >= e) lo = mid + 1;
    else return mid;
  }
  return -1;
}
