// Read access to the segmenter's tokens for the actor finders: text, lower case (cached),
// capitalisation, and possessive stems ("Ukraine’s" -> "Ukraine").
import type { TokenTable } from "../model/tokens.js";
import { TokenKind } from "../model/tokens.js";

export class TokenView {
  constructor(readonly text: string, readonly t: TokenTable) {}
  get count(): number { return this.t.count; }
  start(i: number): number { return this.t.starts[i]; }
  end(i: number): number { return this.t.ends[i]; }
  word(i: number): string { return this.text.slice(this.t.starts[i], this.t.ends[i]); }
  lower(i: number): string {
    // Kept with the token table, so the stages share it (made on first use: a reader that
    // never asks for lower case skips it).
    const cache = (this.t.lowerCase ??= new Array(this.t.count));
    let w = cache[i];
    if (w === undefined) w = cache[i] = this.word(i).toLowerCase();
    return w;
  }
  isWord(i: number): boolean { return i >= 0 && i < this.t.count && this.t.kinds[i] === TokenKind.Word; }
  kind(i: number): number { return this.t.kinds[i]; }
  /** Starts with a capital letter (a name, or a sentence's first word). */
  isCap(i: number): boolean {
    if (!this.isWord(i)) return false;
    const c = this.text.charCodeAt(this.t.starts[i]);
    return (c >= 65 && c <= 90) || (c > 127 && this.text[this.t.starts[i]] !== this.text[this.t.starts[i]].toLowerCase());
  }
  /** Length of a possessive ending ’s / 's / ’ on this token, or 0. */
  possessive(i: number): number {
    const w = this.word(i);
    if (/[’']s$/.test(w) && w.length > 2) return 2;
    return 0;
  }
  /** The token without its possessive ending, lower-cased. */
  stemLower(i: number): string {
    const p = this.possessive(i);
    return p ? this.lower(i).slice(0, -p) : this.lower(i);
  }
  /** Same text, adjacent with no space between (for "J." initials, "’s"). */
  touches(i: number, j: number): boolean { return this.t.ends[i] === this.t.starts[j]; }
  is(i: number, ...words: string[]): boolean { return i >= 0 && i < this.t.count && words.includes(this.lower(i)); }
}
