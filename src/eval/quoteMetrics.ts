// Quotations: found when the words overlap by 80% (50% lenient, 100% exact); the speaker
// is right by name, or by the predicted speaker span / a mention of the predicted actor
// overlapping the gold speaker span where the gold marks one.
import type { GoldDoc, GoldQuote, PredDoc } from "./goldTypes.js";
import type { Tally } from "./tally.js";
import type { PredView } from "./predView.js";
import { namesMatch, pairBest, wordOverlap } from "./textMatch.js";

export const QUOTE_MATCH = 0.8;
type PredQuote = NonNullable<PredDoc["quotes"]>[number];

export function speakerIsRight(g: GoldQuote, p: PredQuote, view: PredView): boolean {
  const name = view.speakerName(p);
  const accepted = [g.speaker, ...(g.speaker_alternatives ?? [])].filter((s): s is string => Boolean(s));
  if (name != null && accepted.some((s) => namesMatch(s, name))) return true;
  if (g.speaker_start == null) return false;
  const gs = g.speaker_start, ge = g.speaker_end;
  const overlaps = (s: number, e: number) => ge != null && s < ge && e > gs;
  if (p.speakerStart != null && p.speakerEnd != null && overlaps(p.speakerStart, p.speakerEnd)) return true;
  return p.speaker != null && (view.doc.mentions ?? []).some((m) => m.actor === p.speaker && overlaps(m.start, m.end));
}

export function scoreQuotes(gold: GoldDoc, view: PredView, t: Tally): void {
  const golds = gold.quotes ?? [];
  const preds = view.doc.quotes ?? [];
  const sim = (g: GoldQuote, p: PredQuote) => wordOverlap(g.text, view.quoteText(p));
  const matched = pairBest(golds, preds, sim, QUOTE_MATCH);
  t.quotes.gold += golds.length;
  t.quotes.pred += preds.length;
  t.quotes.tp += matched.size;
  t.quotes.lenient += pairBest(golds, preds, sim, 0.5).size;
  t.quotes.exact += pairBest(golds, preds, sim, 1).size;
  golds.forEach((g, gi) => {
    const key = g.type ?? "unknown";
    const row = t.quotes.byType.get(key) ?? { gold: 0, found: 0 };
    row.gold++;
    if (matched.has(gi)) row.found++;
    t.quotes.byType.set(key, row);
  });
  for (const [gi, pi] of matched) {
    if (!golds[gi].speaker) continue;
    t.quotes.attributed++;
    if (speakerIsRight(golds[gi], preds[pi], view)) t.quotes.attributedOk++;
  }
  golds.forEach((g, gi) => {
    if (!g.required) return;
    t.required.quotes++;
    const pi = matched.get(gi);
    if (pi !== undefined && speakerIsRight(g, preds[pi], view)) t.required.quotesFound++;
  });
  for (const nq of gold.not_quotes ?? []) {
    t.notQuotes.gold++;
    if (preds.some((p) => wordOverlap(nq.text, view.quoteText(p) ?? "") >= QUOTE_MATCH && p.speaker != null)) t.notQuotes.wronglyAttributed++;
  }
}
