// The token view the actor finders read: everything they test per token — word id of
// its lower case, capital, possessive ending and the word id of the stem before it — worked out
// once per document in one pass, so that six finders walking the whole document compare
// integers and read typed arrays instead of slicing and lower-casing text at every step.
import type { TokenTable } from "../model/tokens.js";
import { TokenKind } from "../model/tokens.js";
import { TokenView } from "./tokenView.js";
import { UNKNOWN_WORD, type WordIds } from "./wordIds.js";
import type { ScratchArrays } from "./scratchArrays.js";
import { BEFORE_PLACE, PRONOUN_F, PRONOUN_M, STARTS_GROUP, STARTS_NAME, STARTS_OFFICE, STEM_STARTS_NAME } from "./knowledge.js";

/** Typed arrays use the machine's byte order; a native "utf16le" copy is only right on little-endian ones. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The text's UTF-16 code units, copied natively in one go (reading a typed array is cheaper than charCodeAt). */
function codeUnits(text: string, scratch: ScratchArrays): Uint16Array {
  const units = scratch.uint16(text.length, false);
  if (LITTLE_ENDIAN) Buffer.from(units.buffer, units.byteOffset, units.byteLength).write(text, "utf16le");
  else for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}

export class KeyedTokenView extends TokenView {
  /** Word id of each token's lower case (UNKNOWN_WORD if no knowledge mentions it). */
  readonly ids: Int32Array;
  /** Word id without a possessive ending ("ukraine’s" -> "ukraine"); the token's own id if it has none. */
  readonly stemIds: Int32Array;
  /** 1 where the token is a word starting with a capital letter. */
  readonly caps: Uint8Array;
  /** Length of the possessive ending ’s / 's, or 0. */
  readonly poss: Uint8Array;
  /** The word class bits of each token's word (wordClass by id), plus STEM_STARTS_NAME. */
  readonly classes: Uint16Array;
  /**
   * The tokens each finder starts from, in text order: where a knowledge-base name may
   * start (a word some name starts with, written with a capital or a digit) or an office
   * phrase, capitalised words, pronouns. A finder walks its list, not
   * every token of the document.
   */
  readonly nameStarts: Int32Array;
  readonly officeStarts: Int32Array;
  readonly capitals: Int32Array;
  readonly pronouns: Int32Array;
  /** Where a group noun may start, and the words of place ("in", "of"): the place and group finders' starts. */
  readonly groupStarts: Int32Array;
  readonly placeWords: Int32Array;

  constructor(text: string, t: TokenTable, private readonly words: WordIds, wordClass: Uint16Array, scratch: ScratchArrays) {
    super(text, t);
    const n = t.count;
    // Written for every token below, so taken unzeroed (caps only where a token has one).
    this.ids = scratch.int32(n, false);
    this.stemIds = scratch.int32(n, false);
    this.caps = scratch.uint8(n);
    this.poss = scratch.uint8(n, false);
    this.classes = scratch.uint16(n, false);
    const { starts, ends, kinds } = t;
    const units = codeUnits(text, scratch);
    // Filled only up to their counts, so taken without zeroing.
    const nameStarts = scratch.int32(n, false), officeStarts = scratch.int32(n, false), capitals = scratch.int32(n, false), pronouns = scratch.int32(n, false);
    const groupStarts = scratch.int32(n, false), placeWords = scratch.int32(n, false);
    let names = 0, offices = 0, caps = 0, prons = 0, groups = 0, places = 0;
    for (let i = 0; i < n; i++) {
      const s = starts[i], e = ends[i];
      const id = words.idOfLower(text, units, s, e);
      this.ids[i] = id;
      // Same tests as TokenView.possessive and isCap, done once.
      const p = e - s > 2 && units[e - 1] === 115 && (units[e - 2] === 0x2019 || units[e - 2] === 39) ? 2 : 0;
      this.poss[i] = p;
      const stem = p ? words.idOfLower(text, units, s, e, p) : id;
      this.stemIds[i] = stem;
      const cls = wordClass[id] | (p && wordClass[stem] & STARTS_NAME ? STEM_STARTS_NAME : 0);
      this.classes[i] = cls;
      let cap = false;
      if (kinds[i] === TokenKind.Word) {
        const c = units[s];
        if ((c >= 65 && c <= 90) || (c > 127 && text[s] !== text[s].toLowerCase())) { this.caps[i] = 1; capitals[caps++] = i; cap = true; }
      }
      // matchKbName takes a name only where it starts with a capital or a digit ("10 Downing Street").
      if (cls & (STARTS_NAME | STEM_STARTS_NAME) && (cap || (units[s] >= 48 && units[s] <= 57))) nameStarts[names++] = i;
      if (cls & STARTS_OFFICE) officeStarts[offices++] = i;
      if (cls & (PRONOUN_M | PRONOUN_F)) pronouns[prons++] = i;
      if (cls & STARTS_GROUP) groupStarts[groups++] = i;
      if (cls & BEFORE_PLACE) placeWords[places++] = i;
    }
    this.nameStarts = nameStarts.subarray(0, names);
    this.officeStarts = officeStarts.subarray(0, offices);
    this.capitals = capitals.subarray(0, caps);
    this.pronouns = pronouns.subarray(0, prons);
    this.groupStarts = groupStarts.subarray(0, groups);
    this.placeWords = placeWords.subarray(0, places);
  }

  /**
   * Lower case, made afresh: the finders compare word ids and ask for a token's lower case
   * only now and then, so a cache for every token would cost more than it saves.
   */
  override lower(i: number): string { return this.word(i).toLowerCase(); }

  override isCap(i: number): boolean { return this.caps[i] === 1; }

  /**
   * The token's lower case is one of the words, decided by word id where the word has one
   * (a token's id is that of its lower case, so no string is made); a word without an id
   * can only be a token without one, whose text is then compared.
   */
  override is(i: number, ...words: string[]): boolean {
    if (i < 0 || i >= this.t.count) return false;
    const id = this.ids[i];
    for (let n = 0; n < words.length; n++) {
      const wordId = this.words.id(words[n]);
      if (wordId !== UNKNOWN_WORD ? wordId === id : id === UNKNOWN_WORD && this.lower(i) === words[n]) return true;
    }
    return false;
  }

  override possessive(i: number): number {
    return i >= 0 && i < this.t.count ? this.poss[i] : super.possessive(i);
  }

  override stemLower(i: number): string {
    const p = this.possessive(i);
    return p ? this.lower(i).slice(0, -p) : this.lower(i);
  }

  /** The token is a lone period (not part of an abbreviation). */
  isPeriod(i: number): boolean {
    return i >= 0 && i < this.t.count && this.t.ends[i] - this.t.starts[i] === 1 && this.text.charCodeAt(this.t.starts[i]) === 46;
  }

  /** Length of the token in UTF-16 units. */
  length(i: number): number { return this.t.ends[i] - this.t.starts[i]; }
}
