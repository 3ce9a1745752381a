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
/** Units of a word kept in its slot; 16-bit units per slot (2 for hash, 2 for id and length, then the word). */
const INLINE = 12, SLOT_UNITS = 16;
/** A slot packs id and length into one int: ids below 2^21, lengths up to 1023 (longer words are looked up by string). */
const ID_BITS = 21, ID_MASK = (1 << ID_BITS) - 1, MAX_LEN = 1023;
const BLOOM_BITS = 1 << 15;

export class WordIds {
  private readonly byWord = new Map<string, number>();
  private readonly list: string[] = [""];
  /**
   * Open-addressing table over `list` by hash of the word, rebuilt when words are added.
   * The other stages run between two documents and push these tables out of the cache,
   * so each document pays for every cache line it touches again; the layout keeps that
   * to one line a word. A slot is 32 bytes: hash, id and length (as ints 0 and 1 of
   * `slotInts`), then the word's first INLINE units (`slotUnits`), so checking a hit on a
   * short word reads no other memory; longer words are checked against `wordUnits`.
   * `bloom`, a few kilobytes, answers most words that are not in the table without a probe.
   */
  private slotInts = new Int32Array(0);
  private slotUnits = new Uint16Array(0);
  private wordUnits = new Uint16Array(0);
  private wordStart = new Int32Array(0);
  private bloom = new Int32Array(BLOOM_BITS >> 5);
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

  /** Builds the lookup table now rather than on the first document's first token. */
  prepare(): void {
    if (this.tableSize !== this.list.length) this.rebuild();
  }

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
    if (keep - start > MAX_LEN || this.list.length > ID_MASK) return this.idBySlice(text, start, end, cut);
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
        if (c === NO_SIMPLE_LOWER) return this.idBySlice(text, start, end, cut);
      }
      if (p < keep) h = Math.imul(h ^ c, 0x01000193);
    }
    if (!this.mayHave(h)) return UNKNOWN_WORD;
    const len = keep - start;
    const ints = this.slotInts;
    const mask = (ints.length >> 3) - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const idLen = ints[slot << 3 | 1];
      if (idLen === 0) return UNKNOWN_WORD;
      if (ints[slot << 3] === h && idLen >>> ID_BITS === len && this.sameLower(slot, idLen & ID_MASK, units, start, keep)) return idLen & ID_MASK;
    }
  }

  /** The same answer the slow way, through the lower-cased string. */
  private idBySlice(text: string, start: number, end: number, cut: number): number {
    const lower = text.slice(start, end).toLowerCase();
    return this.id(cut ? lower.slice(0, -cut) : lower);
  }

  /** The bloom filter's two bits for a hash: both set unless no word has this hash. */
  private mayHave(h: number): boolean {
    const a = h & (BLOOM_BITS - 1), b = (h >>> 15) & (BLOOM_BITS - 1);
    return (this.bloom[a >> 5] & (1 << (a & 31))) !== 0 && (this.bloom[b >> 5] & (1 << (b & 31))) !== 0;
  }

  /** Do the lower-cased units of the text from start to end spell the word in this slot (with this id)? */
  private sameLower(slot: number, id: number, units: Uint16Array, start: number, end: number): boolean {
    const len = end - start;
    const word = len <= INLINE ? this.slotUnits : this.wordUnits;
    const from = len <= INLINE ? slot * SLOT_UNITS + 4 : this.wordStart[id];
    for (let k = 0; k < len; k++) {
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
    const buffer = new ArrayBuffer(size * SLOT_UNITS * 2);
    const ints = new Int32Array(buffer), slotUnits = new Uint16Array(buffer);
    let total = 0;
    for (const w of this.list) total += w.length;
    const wordUnits = new Uint16Array(total), wordStart = new Int32Array(this.list.length);
    const bloom = new Int32Array(BLOOM_BITS >> 5);
    let used = 0;
    for (let id = 1; id < this.list.length; id++) {
      const w = this.list[id];
      // Longer words are found through idBySlice.
      if (w.length > MAX_LEN || id > ID_MASK) continue;
      let h = 0x811c9dc5 | 0;
      for (let p = 0; p < w.length; p++) h = Math.imul(h ^ w.charCodeAt(p), 0x01000193);
      let slot = h & (size - 1);
      while (ints[slot << 3 | 1] !== 0) slot = (slot + 1) & (size - 1);
      ints[slot << 3] = h;
      ints[slot << 3 | 1] = id | (w.length << ID_BITS);
      for (let p = 0; p < w.length && p < INLINE; p++) slotUnits[slot * SLOT_UNITS + 4 + p] = w.charCodeAt(p);
      wordStart[id] = used;
      for (let p = 0; p < w.length; p++) wordUnits[used + p] = w.charCodeAt(p);
      used += w.length;
      const a = h & (BLOOM_BITS - 1), b = (h >>> 15) & (BLOOM_BITS - 1);
      bloom[a >> 5] |= 1 << (a & 31);
      bloom[b >> 5] |= 1 << (b & 31);
    }
    this.slotInts = ints;
    this.slotUnits = slotUnits;
    this.wordUnits = wordUnits;
    this.wordStart = wordStart;
    this.bloom = bloom;
  }
}
