// Scores predictions against gold documents and reports the figures with the same keys,
// rounding and layout as the reference scorer (../shared/eval/score.mjs), so a user
// without that folder gets the same numbers.
import type { GoldDoc, PredDoc } from "./goldTypes.js";
import { newTally, type Tally } from "./tally.js";
import { PredView } from "./predView.js";
import { scoreQuotes } from "./quoteMetrics.js";
import { eventStyle, scoreCameoEvents, scorePentaEvents, scorePloverEvents, scoreSeedEvents } from "./eventMetrics.js";
import { scoreActorList, scoreDates, scorePositions, scoreResolution } from "./documentMetrics.js";
import { prf, round3 } from "./textMatch.js";

export function scoreDocuments(golds: GoldDoc[], preds: PredDoc[]): Record<string, unknown> {
  const t = newTally();
  const byId = new Map(preds.map((p) => [String(p.id), p]));
  for (const gold of golds) {
    const pred = golds.length === 1 && preds.length === 1 ? preds[0] : byId.get(String(gold.id));
    t.docs++;
    if (!pred) { t.missing++; continue; }
    const view = new PredView(pred);
    if (gold.expect && typeof gold.expect === "object") { scoreResolution(gold, view, t); continue; }
    if (gold.quotes) scoreQuotes(gold, view, t);
    switch (eventStyle(gold)) {
      case "seed": scoreSeedEvents(gold, view, t); break;
      case "penta": scorePentaEvents(gold, view, t); break;
      case "plover": scorePloverEvents(gold, view, t); break;
      case "cameo": scoreCameoEvents(gold, view, t); break;
      case null: break;
    }
    scoreDates(gold, view, t);
    scoreActorList(gold, view, t);
    scorePositions(gold, view, t);
  }
  return report(t);
}

const ratio = (ok: number, n: number) => round3(n ? ok / n : 0);
const fraction = (ok: number, n: number) => `${ok}/${n}`;

function report(t: Tally): Record<string, unknown> {
  const q = t.quotes;
  const hasQuotes = q.gold > 0;
  return {
    docs: t.docs,
    missing: t.missing,
    quotes: hasQuotes ? { ...prf(q.tp, q.pred, q.gold), attribution_accuracy: ratio(q.attributedOk, q.attributed), end_to_end: prf(q.attributedOk, q.pred, q.gold) } : undefined,
    quotes_lenient: hasQuotes ? prf(q.lenient, q.pred, q.gold) : undefined,
    quotes_exact: hasQuotes ? prf(q.exact, q.pred, q.gold) : undefined,
    quote_recall_by_type: hasQuotes ? Object.fromEntries([...q.byType].map(([k, b]) => [k, fraction(b.found, b.gold)])) : undefined,
    events: t.seedEvents.gold ? prf(t.seedEvents.tp, t.seedEvents.pred, t.seedEvents.gold) : undefined,
    cameo: t.cameo.gold ? {
      root: prf(t.cameo.root, t.cameo.pred, t.cameo.gold),
      root_by_country: prf(t.cameo.country, t.cameo.pred, t.cameo.gold),
      full: prf(t.cameo.full, t.cameo.pred, t.cameo.gold),
    } : undefined,
    plover: t.plover.gold ? { type: prf(t.plover.type, t.plover.pred, t.plover.gold), dyad: prf(t.plover.dyad, t.plover.pred, t.plover.gold) } : undefined,
    penta: t.penta.gold ? { class: prf(t.penta.tp, t.penta.pred, t.penta.gold), source_found: ratio(t.penta.sourceOk, t.penta.sourceGold) } : undefined,
    resolve: t.resolve.countryGold + t.resolve.sectorGold ? {
      country: ratio(t.resolve.countryOk, t.resolve.countryGold),
      sector: ratio(t.resolve.sectorOk, t.resolve.sectorGold),
      n: t.resolve.countryGold,
    } : undefined,
    required: t.required.quotes + t.required.events ? {
      quotes: fraction(t.required.quotesFound, t.required.quotes),
      events: fraction(t.required.eventsFound, t.required.events),
    } : undefined,
    not_quotes_attributed: t.notQuotes.gold ? fraction(t.notQuotes.wronglyAttributed, t.notQuotes.gold) : undefined,
    dates: t.dates.gold ? fraction(t.dates.ok, t.dates.gold) : undefined,
    positions: t.positions.gold ? fraction(t.positions.found, t.positions.gold) : undefined,
    positions_contradicted: t.positions.gold ? fraction(t.positions.contradicted, t.positions.gold) : undefined,
    actors: t.actors.gold ? fraction(t.actors.ok, t.actors.gold) : undefined,
  };
}

/** The table view: one row per figure; groups without their own P/R/F1 are flattened to "group.key". */
export function formatReport(r: Record<string, unknown>): string {
  const rows: Array<[string, string]> = [];
  const add = (k: string, v: unknown) => { if (v !== undefined) rows.push([k, typeof v === "object" ? JSON.stringify(v) : String(v)]); };
  for (const [k, v] of Object.entries(r)) {
    if (v && typeof v === "object" && !("f1" in v)) for (const [k2, v2] of Object.entries(v)) add(`${k}.${k2}`, v2);
    else add(k, v);
  }
  return rows.map(([k, v]) => `${k.padEnd(28)} ${v}\n`).join("");
}
