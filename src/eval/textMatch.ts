// Text comparison used by every metric: fold typography and accents away, compare word
// multisets, and pair gold with predicted items one-to-one, best match first.

/** Lower case, no accents, straight quotes and hyphens, so typography never decides a match. */
export function foldText(s: string | null | undefined): string {
  return (s ?? "")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[‘’‛′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/[–—]/g, "-")
    .toLowerCase();
}

export function wordsOf(s: string | null | undefined): string[] {
  return foldText(s).match(/[\p{L}\p{N}']+/gu) ?? [];
}

/** Shared words over the longer side's word count: 1 means the same words, in any order. */
export function wordOverlap(a: string | null | undefined, b: string | null | undefined): number {
  const wa = wordsOf(a), wb = wordsOf(b);
  if (wa.length === 0 || wb.length === 0) return 0;
  const left = new Map<string, number>();
  for (const w of wa) left.set(w, (left.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of wb) {
    const n = left.get(w) ?? 0;
    if (n > 0) { shared++; left.set(w, n - 1); }
  }
  return shared / Math.max(wa.length, wb.length);
}

/** "Zelenskyy" names the same person as "Volodymyr Zelenskyy": equal, a word suffix, or contained. */
export function namesMatch(a: string | null | undefined, b: string | null | undefined): boolean {
  const wa = wordsOf(a), wb = wordsOf(b);
  if (wa.length === 0 || wb.length === 0) return false;
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  const s = short.join(" "), l = long.join(" ");
  return long.slice(long.length - short.length).join(" ") === s || l.includes(s);
}

/**
 * One-to-one pairing of gold and predicted items: every pair scoring at least `threshold`
 * is a candidate; the best are taken first (ties in gold, then prediction order).
 * Returns gold index -> prediction index.
 */
export function pairBest<G, P>(gold: readonly G[], pred: readonly P[], score: (g: G, p: P) => number, threshold: number): Map<number, number> {
  const candidates: Array<{ s: number; g: number; p: number }> = [];
  for (let g = 0; g < gold.length; g++) {
    for (let p = 0; p < pred.length; p++) {
      const s = score(gold[g], pred[p]);
      if (s >= threshold) candidates.push({ s, g, p });
    }
  }
  candidates.sort((x, y) => y.s - x.s); // stable: equal scores keep gold-then-prediction order
  const taken = new Map<number, number>();
  const usedPred = new Set<number>();
  for (const c of candidates) {
    if (taken.has(c.g) || usedPred.has(c.p)) continue;
    taken.set(c.g, c.p);
    usedPred.add(c.p);
  }
  return taken;
}

export const round3 = (x: number): number => Math.round(x * 1000) / 1000;

export interface Prf { precision: number; recall: number; f1: number; tp: number; pred: number; gold: number }

export function prf(tp: number, pred: number, gold: number): Prf {
  const p = pred ? tp / pred : 0, r = gold ? tp / gold : 0;
  return { precision: round3(p), recall: round3(r), f1: round3(p + r ? (2 * p * r) / (p + r) : 0), tp, pred, gold };
}
