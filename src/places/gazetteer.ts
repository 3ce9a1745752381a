// The compiled gazetteer: every place name and alias as lower-case tokens, keyed by the
// first token, so a reader asks one Map per capitalised word and compares a few short
// arrays; and the choice among places sharing a name.
import { nameTokens } from "../kb/nameIndex.js";
import type { Place } from "./placesFile.js";

const PLAIN = /^\p{L}+( \p{L}+)*$/u;

/**
 * One name (or alias) and every place that bears it, most populous first; `commonWord`:
 * the name is an everyday word too. `hashes`: wordHash of each token, so that a match
 * compares numbers and compares strings only where they agree.
 */
interface NameEntry { tokens: string[]; hashes: number[]; places: Place[]; commonWord: boolean }

/**
 * The names that start with one word, longest first, and for a long list ("South …",
 * "San …") each name's length and the wordHash of its second word (-1: none) packed in
 * one array beside them: a match tries every name of the list, and reading two numbers
 * rules most out without reading the name's own objects, which are out of the cache in a
 * long run. (Short lists, most of them, are tried name by name: an array each would cost
 * more memory than it saves time.)
 */
interface FirstWordNames { entries: NameEntry[]; packed: Int32Array | null }

/** Lists of at least this many names get their lengths and second-word hashes packed. */
const PACK_FROM = 8;

export interface PlaceWords {
  prepositions: ReadonlySet<string>;
  /** Prepositions of direction ("from", "into"): a country after them is a party, not a place. */
  directional: ReadonlySet<string>;
  regionSuffixes: ReadonlySet<string>;
  commonWords: ReadonlySet<string>;
  /** Names never taken for a place ("March", "May"). */
  notPlaces: ReadonlySet<string>;
}

/** The tokens a matcher reads: the segmenter's tokens, lower-cased, and whether each is a capitalised word. */
export interface PlaceTokens {
  readonly count: number;
  lower(i: number): string;
  isCap(i: number): boolean;
}

export interface PlaceMatch {
  /** Tokens from the first one: the name, and a region suffix after it if any ("Kano State"). */
  length: number;
  /** Characters of a possessive ending on the last token ("Kyiv’s"), not part of the name. */
  possessive: number;
  /** Every place of that name, most populous first. */
  places: readonly Place[];
  /** A region word followed the name ("Donetsk Oblast"): regions of that name come first. */
  regionSuffix: boolean;
  /** The name is an everyday word or a given name as well ("Reading", "Victoria"). */
  commonWord: boolean;
}

export class Gazetteer {
  private readonly byFirst = new Map<string, FirstWordNames>();
  private readonly countries = new Map<string, Place>();
  /** Most tokens in any name: how far a reader need look past a capitalised word. */
  readonly longestName: number;

  constructor(places: readonly Place[], readonly words: PlaceWords) {
    const entries = new Map<string, NameEntry>();
    const lists = new Map<string, NameEntry[]>();
    let longest = 1;
    for (const p of places) {
      if (p.kind === "country" && !this.countries.has(p.country)) this.countries.set(p.country, p);
      for (const name of new Set([p.name, ...p.aliases])) {
        // Names of plain words split on spaces as the segmenter would; others go through it.
        const tokens = (PLAIN.test(name) ? name.split(" ") : nameTokens(name)).map((t) => t.toLowerCase());
        if (tokens.length === 0) continue;
        const key = tokens.join(" ");
        let e = entries.get(key);
        if (!e) {
          e = { tokens, hashes: tokens.map(wordHash), places: [], commonWord: words.commonWords.has(key) };
          entries.set(key, e);
          const list = lists.get(tokens[0]) ?? [];
          list.push(e);
          lists.set(tokens[0], list);
          longest = Math.max(longest, tokens.length);
        }
        if (!e.places.includes(p)) e.places.push(p);
      }
    }
    for (const e of entries.values()) e.places.sort(byPopulation);
    for (const [first, list] of lists) {
      list.sort((a, b) => b.tokens.length - a.tokens.length);
      this.byFirst.set(first, { entries: list, packed: list.length < PACK_FROM ? null : Int32Array.from(list.flatMap((e) => [e.tokens.length, e.hashes[1] ?? -1])) });
    }
    this.longestName = longest;
  }

  /** Whether some name starts with this lower-case word (a cheap first test). */
  startsName(lower: string): boolean { return this.byFirst.has(lower); }

  /** The country's own entry (its centre), if the gazetteer has it. */
  country(iso3: string): Place | undefined { return this.countries.get(iso3); }

  /**
   * The longest name starting at token i, as capitalised words throughout ("Ho Chi Minh
   * City"; small words such as "de" or "al" may be lower case inside a name), with a region
   * suffix after it taken along.
   */
  match(t: PlaceTokens, i: number): PlaceMatch | null {
    if (i < 0 || i >= t.count || !t.isCap(i)) return null;
    const first = t.lower(i);
    if (this.words.notPlaces.has(first)) return null;
    // Every name of the list starts with `first`, or with its stem (and then only a
    // one-word name can match, its possessive ending left out: "Kyiv’s").
    let list = this.byFirst.get(first);
    const firstIsStem = list === undefined;
    if (firstIsStem) list = this.byFirst.get(stem(first));
    if (!list) return null;
    // The tokens after i, lower case, with wordHash of each and of its stem, read once for
    // all the names tried (a reader may make a new string each time).
    const later: LaterToken[] = [];
    const { entries, packed } = list;
    for (let x = 0; x < entries.length; x++) {
      if (packed !== null) {
        const length = packed[2 * x], second = packed[2 * x + 1];
        if (i + length > t.count || (firstIsStem && length > 1)) continue;
        if (length > 1) {
          // The second word must match (or, ending the name, its stem must): tested by hash first.
          const w = later[0] ??= laterToken(t.lower(i + 1));
          if (second !== w.hash && !(length === 2 && second === w.stemHash)) continue;
        }
      }
      const e = entries[x];
      const length = e.tokens.length;
      if (i + length > t.count) continue;
      if (firstIsStem && length > 1) continue;
      // The last word may carry a possessive ending ("Kyiv’s", "New York's").
      let ok = true, possessive = firstIsStem ? 2 : 0;
      for (let n = 1; ok && n < length; n++) {
        const w = later[n - 1] ??= laterToken(t.lower(i + n));
        ok = w.hash === e.hashes[n] && w.word === e.tokens[n];
        if (!ok && n === length - 1 && w.stemHash === e.hashes[n] && w.stem === e.tokens[n]) { ok = true; possessive = 2; }
      }
      if (!ok) continue;
      const after = i + length;
      const regionSuffix = !possessive && after < t.count && t.isCap(after) && this.words.regionSuffixes.has(t.lower(after)) && e.places.some((p) => p.kind === "region" || p.kind === "city");
      return { length: length + (regionSuffix ? 1 : 0), possessive: regionSuffix ? 0 : possessive, places: e.places, regionSuffix, commonWord: e.commonWord };
    }
    return null;
  }

  /**
   * The place a name means: a country if one bears the name (a country's name never means
   * a town or a building); after a region word, a region; else, among the places in a
   * country the article names, the most populous — unless a national capital elsewhere
   * bears the name ("London" in an article about Canada is still most likely Britain's) —
   * and otherwise the most populous; a town rather than the region of the same name in
   * the same country ("New York", "Kano"). `within`: the country of a region or country
   * named right after the place ("London, Ontario"), which wins over all of that.
   */
  choose(m: Pick<PlaceMatch, "places" | "regionSuffix">, mentioned: ReadonlySet<string> | null = null, within: string | null = null): Place {
    const { places } = m;
    const country = places.find((p) => p.kind === "country");
    if (country) return country;
    // "London, Ontario", "Paris, Texas": the region or country after the name settles it.
    const there = within ? places.find((p) => p.country === within && p.kind !== "region") ?? places.find((p) => p.country === within) : undefined;
    if (there) return there;
    if (m.regionSuffix) {
      const region = places.find((p) => p.kind === "region");
      if (region) return region;
    }
    let best = places[0];
    if (mentioned && mentioned.size && !mentioned.has(best.country) && best.kind !== "capital") {
      const local = places.find((p) => mentioned.has(p.country));
      if (local) best = local;
    }
    if (best.kind === "region" && !m.regionSuffix) {
      const town = places.find((p) => p.country === best.country && p.kind !== "region");
      if (town) best = town;
    }
    return best;
  }
}

/** A token after the first of a name being matched: its lower case and its stem, with their wordHash. */
interface LaterToken { word: string; hash: number; stem: string; stemHash: number }

function laterToken(word: string): LaterToken {
  const st = stem(word);
  // A word without a possessive ending is its own stem; -1 (no hash is negative) matches no name.
  return { word, hash: wordHash(word), stem: st, stemHash: st === word ? -1 : wordHash(st) };
}

/** FNV-1a over the word's code units, as a small non-negative integer. */
function wordHash(w: string): number {
  let h = 0x811c9dc5 | 0;
  for (let p = 0; p < w.length; p++) h = Math.imul(h ^ w.charCodeAt(p), 0x01000193);
  return h & 0x3fffffff;
}

/** The word without a possessive ending ("kyiv’s" -> "kyiv"). */
function stem(w: string): string {
  // Tested by code unit: endsWith with the curly apostrophe is many times slower, and a
  // match tries this on every name of a long list ("South …", "San …").
  const n = w.length;
  return n > 2 && w.charCodeAt(n - 1) === 115 && (w.charCodeAt(n - 2) === 39 || w.charCodeAt(n - 2) === 0x2019) ? w.slice(0, -2) : w;
}

function byPopulation(a: Place, b: Place): number {
  return b.population - a.population || (a.country < b.country ? -1 : a.country > b.country ? 1 : 0) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0);
}

/**
 * Whether tokens [i, i + length) stand alone as a name: no capitalised word right before
 * or after them ("Jordan Henderson", "Paris Hilton", "London Bridge" are other things).
 * `sentenceStart`: token i opens its sentence, so a capital before it belongs elsewhere.
 */
export function standsAlone(t: PlaceTokens, i: number, length: number, sentenceStart = false): boolean {
  if (!sentenceStart && i > 0 && t.isCap(i - 1)) return false;
  const after = i + length;
  return !(after < t.count && t.isCap(after));
}
