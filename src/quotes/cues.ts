// Speech cues from data/quotes/cues.json: every inflected form of a reporting verb mapped
// to its lemma, which of them also introduce quotations, and multi-word cues.
import { readFileSync } from "node:fs";
import path from "node:path";
import { WordIds } from "../actors/wordIds.js";

export interface CueLexicon {
  /** form (lower case) -> lemma */
  forms: Map<string, string>;
  /** lemmas that introduce direct quotations */
  direct: Set<string>;
  /** the lemmas, and each form's index into them (for per-token caches) */
  lemmas: string[];
  lemmaIndex: Map<string, number>;
  /**
   * Ids of the cue forms and of "according", so that a document's tokens are looked up
   * straight from its text (newQuoteContext): the finders test every token for a cue,
   * and slicing and lower-casing each one would cost more than the rest of the test.
   */
  words: WordIds;
  /** word id -> index into lemmas, -1 for a word that is no cue form */
  lemmaOfId: Int16Array;
  /** word id of "according" (of "according to X") */
  according: number;
  /**
   * A filter in front of the lookup: bit min(length, 15) of entry (first unit << 7 | last
   * unit), both lower-case ASCII, is set when some cue word has that first and last letter
   * and length. Most tokens fail it and are never looked up.
   */
  shapes: Uint16Array;
  /** word id -> 1 for a form that is also a common noun ("state", "report", "remarks"): a cue only where a verb stands */
  nounLike: Uint8Array;
  /** forms that report a quotation only right after its closing mark (",” read the statement") */
  afterQuote: Set<string>;
  /** verbs of "as X put it, “…”" that attribute the quotation after them, besides the cues */
  asItWere: Set<string>;
}

/** The filter entry and bit of a word's first and last code units and length, or -1 when either unit is not ASCII. */
export function cueShape(first: number, last: number, length: number): number {
  if (first >= 128 || last >= 128) return -1;
  const f = first >= 65 && first <= 90 ? first + 32 : first, l = last >= 65 && last <= 90 ? last + 32 : last;
  return ((f << 7) | l) << 4 | Math.min(length, 15);
}

export function loadCues(dataDir: string): CueLexicon {
  const file = path.join(dataDir, "quotes", "cues.json");
  let raw: { verbs?: Record<string, string[]>; direct?: string[]; nounLike?: string[]; afterQuote?: string[]; asItWere?: string[] };
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`${file}: cannot read cue verbs: ${(e as Error).message}`);
  }
  const forms = new Map<string, string>();
  for (const [lemma, list] of Object.entries(raw.verbs ?? {})) {
    if (!Array.isArray(list)) throw new Error(`${file}: verbs.${lemma} must be a list of forms`);
    for (const f of list) forms.set(f.toLowerCase(), lemma);
  }
  const lemmas = [...new Set(forms.values())];
  const index = new Map(lemmas.map((l, i) => [l, i]));
  const lemmaIndex = new Map([...forms].map(([f, l]) => [f, index.get(l)!]));
  const words = new WordIds();
  for (const f of forms.keys()) words.intern(f);
  const according = words.intern("according");
  words.prepare();
  const lemmaOfId = new Int16Array(words.size).fill(-1);
  for (const [f, l] of lemmaIndex) lemmaOfId[words.id(f)] = l;
  const shapes = new Uint16Array(128 * 128);
  for (const w of [...forms.keys(), "according"]) {
    const sh = cueShape(w.charCodeAt(0), w.charCodeAt(w.length - 1), w.length);
    if (sh < 0) throw new Error(`${file}: cue form "${w}" must begin and end with an ASCII letter`);
    shapes[sh >> 4] |= 1 << (sh & 15);
  }
  const nounLike = new Uint8Array(words.size);
  for (const f of raw.nounLike ?? []) {
    if (!forms.has(f)) throw new Error(`${file}: nounLike form "${f}" is not among the verbs' forms`);
    nounLike[words.id(f)] = 1;
  }
  const lower = (list: string[] | undefined) => new Set((list ?? []).map((f) => f.toLowerCase()));
  return { forms, direct: new Set(raw.direct ?? []), lemmas, lemmaIndex, words, lemmaOfId, according, shapes, nounLike, afterQuote: lower(raw.afterQuote), asItWere: lower(raw.asItWere) };
}
