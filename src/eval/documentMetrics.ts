// Per-document checks beyond quotes and events: actor resolution records, positions,
// relative dates and the actor list.
import type { GoldDoc } from "./goldTypes.js";
import type { Tally } from "./tally.js";
import type { PredView } from "./predView.js";
import { foldText, namesMatch } from "./textMatch.js";

/** A `parley resolve` line against {"expect": {"country", "code_1"}}; "" means no country, "IGO" any IGO. */
export function scoreResolution(gold: GoldDoc, view: PredView, t: Tally): void {
  const want = gold.expect ?? {};
  const got = view.doc.actor ?? null;
  if (want.country !== undefined) {
    t.resolve.countryGold++;
    const wantCountry = want.country === "" ? null : want.country;
    const gotCountry = got?.country ?? (got?.sector === "IGO" ? "IGO" : null);
    if ((wantCountry ?? null) === (gotCountry ?? null) || (wantCountry === "IGO" && got?.sector === "IGO")) t.resolve.countryOk++;
  }
  if (want.code_1 !== undefined) {
    t.resolve.sectorGold++;
    if (got?.sector === want.code_1) t.resolve.sectorOk++;
  }
}

const NEGATIVE = new Set(["rejects", "rules out", "opposes"]);

export function scorePositions(gold: GoldDoc, view: PredView, t: Tally): void {
  const preds = view.doc.positions ?? [];
  for (const g of gold.positions ?? []) {
    t.positions.gold++;
    const onIssue = preds.filter((p) => view.country(p.actor) === g.country &&
      g.issue.some((w) => foldText(p.issue).includes(foldText(w)) || foldText(p.detail ?? "").includes(foldText(w))));
    if (onIssue.some((p) => g.stance.includes(p.stance))) t.positions.found++;
    const goldNegative = g.stance.every((s) => NEGATIVE.has(s));
    if (onIssue.some((p) => NEGATIVE.has(p.stance) !== goldNegative && p.stance !== "conditions" && !g.stance.includes(p.stance))) t.positions.contradicted++;
  }
}

export function scoreDates(gold: GoldDoc, view: PredView, t: Tally): void {
  for (const d of gold.dates ?? []) {
    t.dates.gold++;
    const needle = foldText(d.text).replace(/^(on|in) /, "");
    const hit = (view.doc.times ?? []).find((x) => foldText(x.text ?? view.doc.text?.slice(x.start, x.end)).includes(needle));
    if (hit && hit.value === d.value) t.dates.ok++;
  }
}

export function scoreActorList(gold: GoldDoc, view: PredView, t: Tally): void {
  for (const g of gold.actors ?? []) {
    t.actors.gold++;
    if ((view.doc.actors ?? []).some((a) => namesMatch(g.name, a.name ?? "") && (g.country == null || a.country === g.country))) t.actors.ok++;
  }
}
