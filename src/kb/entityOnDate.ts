// An entity as Parley would code it on a given day: the same country, sector and code the
// actors stage gives an article published that day, and for a person the office they held.
import { draftOf, tenureOn } from "../actors/knowledge.js";
import type { Entity, Tenure } from "./types.js";

export interface EntityOnDate {
  id: string;
  name: string;
  kind: Entity["kind"];
  country: string | null;
  sector: string | null;
  code: string | null;
  /** The office held that day ("prime minister"), with its organisation when it is one's; null if none. */
  office: string | null;
}

export function inOffice(t: Tenure, date: string): boolean {
  return t.start <= date && (t.end === null || date <= t.end);
}

export function entityOnDate(e: Entity, date: string): EntityOnDate {
  const d = draftOf(e, date);
  let office: string | null = null;
  if (e.kind === "person") {
    const t = tenureOn(e, date);
    if (t && inOffice(t, date)) office = t.org ? `${t.office}, ${t.org}` : t.office;
  }
  return { id: e.id, name: e.name, kind: e.kind, country: d.country, sector: d.sector, code: d.code, office };
}

/** Everything known about an entity, as plain JSON (for `kb show --format json` and `kb export`). */
export function entityRecord(e: Entity): Record<string, unknown> {
  return {
    id: e.id, kind: e.kind, name: e.name, names: e.names,
    country: e.country, sector: e.sector, code: e.code,
    ...(e.gender ? { gender: e.gender } : {}),
    ...(e.demonyms?.length ? { demonyms: e.demonyms } : {}),
    ...(e.capitals?.length ? { capitals: e.capitals } : {}),
    ...(e.tenures?.length ? { tenures: sortedTenures(e).map((t) => ({ office: t.office, country: t.country, org: t.org, sector: t.sector, code: t.code ?? null, start: t.start, end: t.end, origin: t.origin ?? null })) } : {}),
    sources: e.sources ?? [e.origin],
  };
}

export function sortedTenures(e: Entity): Tenure[] {
  return [...(e.tenures ?? [])].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : (a.end ?? "9999") < (b.end ?? "9999") ? -1 : 1));
}
