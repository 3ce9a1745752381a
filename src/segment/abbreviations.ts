// Loads the abbreviation lists (data/segment/abbreviations.json) into sets the sentence
// splitter consults when a period follows a word.
import { readFileSync } from "node:fs";
import path from "node:path";

export interface AbbreviationLists {
  /** Mr, Dr, Gen: never end a sentence. */
  titles: ReadonlySet<string>;
  /** Sept, No, Art: do not end a sentence before a number. */
  beforeNumber: ReadonlySet<string>;
  /** etc, vs, Inc: end a sentence only before a typical opener. */
  midSentence: ReadonlySet<string>;
  /** The, He, But …: words that show a new sentence began after an ambiguous abbreviation. */
  sentenceOpeners: ReadonlySet<string>;
}

export function loadAbbreviations(dataDir: string): AbbreviationLists {
  const file = path.join(dataDir, "segment", "abbreviations.json");
  let raw: Record<string, { words?: unknown }>;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`${file}: cannot read abbreviation lists: ${(e as Error).message}`);
  }
  const set = (key: string): Set<string> => {
    const words = raw[key]?.words;
    if (!Array.isArray(words) || !words.every((w) => typeof w === "string")) {
      throw new Error(`${file}: "${key}.words" must be an array of strings`);
    }
    return new Set(words.map((w: string) => w.toLowerCase()));
  };
  return {
    titles: set("titles"),
    beforeNumber: set("beforeNumber"),
    midSentence: set("midSentence"),
    sentenceOpeners: set("sentenceOpeners"),
  };
}
