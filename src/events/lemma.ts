// A small lemmatiser for English verbs and plural nouns: irregular forms from data, and
// suffix rules whose candidates are checked against the words Parley knows (the trigger
// vocabulary), so "accused" becomes "accuse" and "shelled" "shell" without a dictionary.

export class Lemmatiser {
  constructor(private readonly irregular: ReadonlyMap<string, string>, private readonly known: ReadonlySet<string>) {}

  /** Lemmas of words already seen (lower case); cleared when it grows large, so memory stays bounded. */
  private readonly memo = new Map<string, string>();

  lemma(word: string): string {
    return this.lemmaOfLower(word.toLowerCase());
  }

  /** The lemma of a word already in lower case (the hot path: tokens come lower-cased and cached). */
  lemmaOfLower(w: string): string {
    let l = this.memo.get(w);
    if (l === undefined) {
      if (this.memo.size >= 50_000) this.memo.clear();
      l = this.compute(w);
      this.memo.set(w, l);
    }
    return l;
  }

  private compute(w: string): string {
    const irr = this.irregular.get(w);
    if (irr) return irr;
    if (this.known.has(w)) return w;
    // Only inflected-looking words have candidates worth building.
    if (!w.endsWith("s") && !w.endsWith("d") && !w.endsWith("g")) return w;
    for (const c of candidates(w)) if (this.known.has(c)) return c;
    return w;
  }

  /** Does the word have this lemma by some rule, even when the word is itself a known form ("ties" ~ "tie")? */
  hasForm(word: string, lemma: string): boolean {
    const w = word.toLowerCase();
    return w === lemma || this.irregular.get(w) === lemma || candidates(w).includes(lemma);
  }
}

function candidates(w: string): string[] {
  const out: string[] = [];
  const undouble = (s: string) => (s.length > 3 && s[s.length - 1] === s[s.length - 2] ? s.slice(0, -1) : s);
  if (w.endsWith("ies")) out.push(w.slice(0, -3) + "y");
  if (w.endsWith("ied")) out.push(w.slice(0, -3) + "y");
  if (w.endsWith("ing")) { const s = w.slice(0, -3); out.push(s, s + "e", undouble(s)); }
  if (w.endsWith("ed")) { const s = w.slice(0, -2); out.push(s, w.slice(0, -1), undouble(s)); }
  if (w.endsWith("es")) out.push(w.slice(0, -2));
  if (w.endsWith("s") && !w.endsWith("ss")) out.push(w.slice(0, -1));
  if (w.endsWith("’s") || w.endsWith("'s")) out.push(w.slice(0, -2));
  return out;
}
