// Speech cues from data/quotes/cues.json: every inflected form of a reporting verb mapped
// to its lemma, which of them also introduce quotations, and multi-word cues.
import { readFileSync } from "node:fs";
import path from "node:path";

export interface CueLexicon {
  /** form (lower case) -> lemma */
  forms: Map<string, string>;
  /** lemmas that introduce direct quotations */
  direct: Set<string>;
  /** the lemmas, and each form's index into them (for per-token caches) */
  lemmas: string[];
  lemmaIndex: Map<string, number>;
}

export function loadCues(dataDir: string): CueLexicon {
  const file = path.join(dataDir, "quotes", "cues.json");
  let raw: { verbs?: Record<string, string[]>; direct?: string[] };
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
  return { forms, direct: new Set(raw.direct ?? []), lemmas, lemmaIndex };
}
