// Events, in the four gold styles: the seed (PLOVER type or alternative + source/target
// countries, symmetric allowed), PLOVER records (type; type + countries, reciprocal),
// CAMEO records (root/full code + actor codes) and ConfliBERT PENTA classes.
import type { GoldDoc, GoldEvent } from "./goldTypes.js";
import type { Tally } from "./tally.js";
import type { PredView } from "./predView.js";
import { pairBest, wordOverlap, wordsOf } from "./textMatch.js";

type PredEvent = NonNullable<PredView["doc"]["events"]>[number];

export type EventGoldStyle = "seed" | "penta" | "plover" | "cameo";

/** Which style a gold document's events are in, decided as the reference scorer decides it. */
export function eventStyle(gold: GoldDoc): EventGoldStyle | null {
  if (!gold.events) return null;
  if (gold.events.some((e) => e.plover)) return "seed";
  const codes = gold.events.map((e) => String(e.code ?? ""));
  if (codes.some((c) => c.startsWith("PENTA"))) return "penta";
  if (codes.some((c) => /^[A-Z]+$/.test(c))) return "plover";
  return "cameo";
}

export function scoreSeedEvents(gold: GoldDoc, view: PredView, t: Tally): void {
  const golds = gold.events ?? [], preds = view.doc.events ?? [];
  const fits = (g: GoldEvent, p: PredEvent) => {
    if (![g.plover, ...(g.plover_alternatives ?? [])].includes(p.type)) return 0;
    const s = view.country(p.source), o = view.country(p.target);
    const asGiven = s === g.source && (g.target == null || o === g.target);
    const reversed = Boolean(g.symmetric) && s === g.target && o === g.source;
    return asGiven || reversed ? 1 : 0;
  };
  const matched = pairBest(golds, preds, fits, 1);
  t.seedEvents.gold += golds.length;
  t.seedEvents.pred += preds.length;
  t.seedEvents.tp += matched.size;
  golds.forEach((g, gi) => {
    if (!g.required) return;
    t.required.events++;
    if (matched.has(gi)) t.required.eventsFound++;
  });
}

const countrySet = (codes: string | null | undefined): Set<string> =>
  new Set(String(codes ?? "").split("|").map((c) => c.trim().slice(0, 3)).filter((c) => c !== "" && c !== "---"));

export function scorePloverEvents(gold: GoldDoc, view: PredView, t: Tally): void {
  const golds = gold.events ?? [], preds = view.doc.events ?? [];
  t.plover.gold += golds.length;
  t.plover.pred += preds.length;
  t.plover.type += pairBest(golds, preds, (g, p) => (p.type === g.code ? 1 : 0), 1).size;
  const dyad = (g: GoldEvent, p: PredEvent) => {
    if (p.type !== g.code) return 0;
    const gs = countrySet(g.source), gt = countrySet(g.target);
    const ps = view.country(p.source), pt = view.country(p.target);
    const ok = (set: Set<string>, c: string | null) => set.size === 0 || (c != null && set.has(c));
    return (ok(gs, ps) && ok(gt, pt)) || (Boolean(g.reciprocal) && ok(gs, pt) && ok(gt, ps)) ? 1 : 0;
  };
  t.plover.dyad += pairBest(golds, preds, dyad, 1).size;
}

export function scoreCameoEvents(gold: GoldDoc, view: PredView, t: Tally): void {
  const golds = gold.events ?? [];
  const preds = (view.doc.events ?? []).filter((e) => e.cameo);
  const cut = (c: string | null | undefined, countryOnly: boolean) => (c == null || c === "" ? null : countryOnly ? String(c).slice(0, 3) : String(c));
  const same = (full: boolean, countryOnly: boolean) => (g: GoldEvent, p: PredEvent) => {
    const gc = String(g.code), pc = String(p.cameo);
    const codeOk = full ? gc === pc : gc.slice(0, 2) === pc.slice(0, 2);
    return codeOk && cut(g.source, countryOnly) === cut(view.code(p.source), countryOnly) && cut(g.target, countryOnly) === cut(view.code(p.target), countryOnly) ? 1 : 0;
  };
  t.cameo.gold += golds.length;
  t.cameo.pred += preds.length;
  t.cameo.country += pairBest(golds, preds, same(false, true), 1).size;
  t.cameo.root += pairBest(golds, preds, same(false, false), 1).size;
  t.cameo.full += pairBest(golds, preds, same(true, false), 1).size;
}

/** PENTA class of a CAMEO code: 0 statement, 1 verbal / 2 material cooperation, 3 verbal / 4 material conflict. */
export function pentaClass(cameo: string | null | undefined): number | null {
  const root = parseInt(String(cameo ?? "").slice(0, 2), 10);
  if (!(root >= 1 && root <= 20)) return null;
  if (root <= 2) return 0;
  if (root <= 5) return 1;
  if (root <= 8) return 2;
  if (root <= 13 || root === 16) return 3;
  return 4;
}

export function scorePentaEvents(gold: GoldDoc, view: PredView, t: Tally): void {
  const g = (gold.events ?? [])[0];
  if (!g) return;
  const want = Number(String(g.code).replace("PENTA", ""));
  t.penta.gold++;
  const classes = new Set((view.doc.events ?? []).map((e) => pentaClass(e.cameo)).filter((c) => c != null));
  if (classes.size) t.penta.pred++;
  if (classes.has(want)) t.penta.tp++;
  const spans = gold.spans?.S?.length ? gold.spans.S : gold.spans?.R ?? [];
  if (spans.length === 0) return;
  t.penta.sourceGold++;
  const named = (view.doc.events ?? []).some((e) => {
    if (e.source == null) return false;
    const names = [view.actor(e.source)?.name, ...view.mentionTexts(e.source)].filter((n): n is string => Boolean(n));
    return spans.some((span) => names.some((n) => wordOverlap(n, span) > 0 && wordsOf(span).join(" ").includes(wordsOf(n).join(" "))));
  });
  if (named) t.penta.sourceOk++;
}
