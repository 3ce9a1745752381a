// Small integer ids for every lower-case word the actor finders compare tokens against
// (name, office and group words, titles, speech verbs, pronouns, particles). The ids are
// given once, when the knowledge is compiled; each document's tokens are then looked up
// once, straight from the text (no slicing, no lower-casing into new strings), and the
// finders compare integers and index tables by id.

/** Id 0: a word no knowledge mentions, so it can never match a knowledge word. */
export const UNKNOWN_WORD = 0;

/** In the lower-case table: the code unit has no lower case of one unit of its own. */
const NO_SIMPLE_LOWER = 0xffff;
/** Greek capital sigma: its lower case depends on where in the word it stands. */
const CAPITAL_SIGMA = 0x3a3;

export class WordIds {
  private readonly byWord = new Map<string, number>();
  private readonly list: string[] = [""];
  /**
   * Open-addressing table over `list` by hash of the word, rebuilt when words are added.
   * Four ints a slot — hash, id (0: empty), where the word's units start in `units`, its
   * length — so that a probe reads one cache line and checking a hit one more: the other
   * stages run between two documents and push these tables out of the cache, so every
   * document pays for each line it touches again.
   */
  private slots = new Int32Array(0);
  private units = new Uint16Array(0);
  private tableSize = 0;
  /** Id of each one-unit ASCII word (lower-cased). */
  private asciiIds = new Int32Array(128);
  /** Lower case of each UTF-16 code unit, filled as units are met (0: not yet). */
  private readonly lowerUnit = new Uint16Array(0x10000);

  /** The word's id, giving it the next one if it is new. */
  intern(word: string): number {
    let id = this.byWord.get(word);
    if (id === undefined) {
      id = this.list.length;
      this.byWord.set(word, id);
      this.list.push(word);
    }
    return id;
  }

  /** The word's id, or UNKNOWN_WORD. */
  id(word: string): number {
    return this.byWord.get(word) ?? UNKNOWN_WORD;
  }

  /** The word with this id. */
  word(id: number): string { return this.list[id]; }

  /** One past the largest id: the length of a table indexed by id. */
  get size(): number { return this.list.length; }

  /**
   * The id of `text.slice(start, end).toLowerCase()` without its last `cut` units (a
   * possessive ending), read from the text's UTF-16 code units (`units`) without building
   * that string when every unit has a simple lower case (all but a handful of letters do).
   */
  idOfLower(text: string, units: Uint16Array, start: number, end: number, cut = 0): number {
    if (this.tableSize !== this.list.length) this.rebuild();
    const keep = end - cut;
    if (end - start === 1 && cut === 0) {
      // Punctuation and one-letter words: straight from a table.
      const c = units[start];
      if (c < 128) return this.asciiIds[c];
    }
    let h = 0x811c9dc5 | 0;
    for (let p = start; p < end; p++) {
      let c = units[p];
      if (c < 128) {
        if (c >= 65 && c <= 90) c += 32;
      } else {
        c = this.lowerOf(c);
        if (c === NO_SIMPLE_LOWER) {
          const lower = text.slice(start, end).toLowerCase();
          return this.id(cut ? lower.slice(0, -cut) : lower);
        }
      }
      if (p < keep) h = Math.imul(h ^ c, 0x01000193);
    }
    const slots = this.slots;
    const mask = (slots.length >> 2) - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const at = slot << 2;
      const id = slots[at + 1];
      if (id === UNKNOWN_WORD) return UNKNOWN_WORD;
      if (slots[at] === h && slots[at + 3] === keep - start && this.sameLower(slots[at + 2], units, start, keep)) return id;
    }
  }

  /** Do the lower-cased units of the text from start to end equal the word's units from `from`? */
  private sameLower(from: number, units: Uint16Array, start: number, end: number): boolean {
    const word = this.units;
    for (let k = 0; k < end - start; k++) {
      const c = units[start + k];
      if (word[from + k] !== (c < 128 ? (c >= 65 && c <= 90 ? c + 32 : c) : this.lowerOf(c))) return false;
    }
    return true;
  }

  /** Lower case of one code unit, or NO_SIMPLE_LOWER (surrogates, sigma, letters that lower to two units). */
  private lowerOf(c: number): number {
    if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
    let lc = this.lowerUnit[c];
    if (lc === 0) {
      const l = String.fromCharCode(c).toLowerCase();
      lc = (c >= 0xd800 && c <= 0xdfff) || c === CAPITAL_SIGMA || l.length !== 1 ? NO_SIMPLE_LOWER : l.charCodeAt(0);
      this.lowerUnit[c] = lc;
    }
    return lc;
  }

  private rebuild(): void {
    let size = 16;
    while (size < 2 * this.list.length) size *= 2;
    this.tableSize = this.list.length;
    for (let c = 0; c < 128; c++) this.asciiIds[c] = this.id(String.fromCharCode(c).toLowerCase());
    const slots = new Int32Array(4 * size);
    let total = 0;
    for (const w of this.list) total += w.length;
    const units = new Uint16Array(total);
    let used = 0;
    for (let id = 1; id < this.list.length; id++) {
      const w = this.list[id];
      let h = 0x811c9dc5 | 0;
      for (let p = 0; p < w.length; p++) {
        h = Math.imul(h ^ w.charCodeAt(p), 0x01000193);
        units[used + p] = w.charCodeAt(p);
      }
      let slot = h & (size - 1);
      while (slots[4 * slot + 1] !== UNKNOWN_WORD) slot = (slot + 1) & (size - 1);
      slots.set([h, id, used, w.length], 4 * slot);
      used += w.length;
    }
    this.slots = slots;
    this.units = units;
  }
}
