// The compiled gazetteer: every place name and alias as lower-case tokens, keyed by the
// first token, so a reader asks one Map per capitalised word and compares a few short
// arrays; and the choice among places sharing a name.
import { nameTokens } from "../kb/nameIndex.js";
import type { Place } from "./placesFile.js";

const PLAIN = /^\p{L}+( \p{L}+)*$/u;

/** One name (or alias) and every place that bears it, most populous first; `commonWord`: the name is an everyday word too. */
interface NameEntry { tokens: string[]; places: Place[]; commonWord: boolean }

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
  private readonly byFirst = new Map<string, NameEntry[]>();
  private readonly countries = new Map<string, Place>();
  /** Most tokens in any name: how far a reader need look past a capitalised word. */
  readonly longestName: number;

  constructor(places: readonly Place[], readonly words: PlaceWords) {
    const entries = new Map<string, NameEntry>();
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
          e = { tokens, places: [], commonWord: words.commonWords.has(key) };
          entries.set(key, e);
          const list = this.byFirst.get(tokens[0]) ?? [];
          list.push(e);
          this.byFirst.set(tokens[0], list);
          longest = Math.max(longest, tokens.length);
        }
        if (!e.places.includes(p)) e.places.push(p);
      }
    }
    for (const e of entries.values()) e.places.sort(byPopulation);
    for (const list of this.byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
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
    const list = this.byFirst.get(first) ?? this.byFirst.get(stem(first));
    if (!list) return null;
    // The lower case of the tokens from i, read once for all the names tried (a reader may make a new string each time).
    const lowers = [first];
    for (const e of list) {
      if (i + e.tokens.length > t.count) continue;
      // The last word may carry a possessive ending ("Kyiv’s", "New York's").
      let ok = true, possessive = 0;
      for (let n = 0; ok && n < e.tokens.length; n++) {
        const w = n < lowers.length ? lowers[n] : (lowers[n] = t.lower(i + n));
        ok = w === e.tokens[n];
        if (!ok && n === e.tokens.length - 1 && stem(w) === e.tokens[n]) { ok = true; possessive = 2; }
      }
      if (!ok) continue;
      const after = i + e.tokens.length;
      const regionSuffix = !possessive && after < t.count && t.isCap(after) && this.words.regionSuffixes.has(t.lower(after)) && e.places.some((p) => p.kind === "region" || p.kind === "city");
      return { length: e.tokens.length + (regionSuffix ? 1 : 0), possessive: regionSuffix ? 0 : possessive, places: e.places, regionSuffix, commonWord: e.commonWord };
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

/** The word without a possessive ending ("kyiv’s" -> "kyiv"). */
function stem(w: string): string {
  return w.length > 2 && (w.endsWith("'s") || w.endsWith("’s")) ? w.slice(0, -2) : w;
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
