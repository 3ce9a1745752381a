// People the knowledge base lacks and groups named without a nationality ("President X",
// "opposition leader", "protesters") are, in a text that names one country only, of that
// country — as `parley resolve` reads such a name by its context's country. A text naming
// two or more countries leaves them without one. International bodies (IGO, NGO) and
// unidentified actors keep none.
import type { ActorRegistry } from "./actorRegistry.js";

const STATELESS_SECTORS = new Set(["IGO", "NGO", "UNK"]);

export function giveSoleCountry(reg: ActorRegistry): void {
  let sole: string | null = null;
  for (const d of reg.drafts.values()) {
    if (d.country === null) continue;
    if (sole !== null && sole !== d.country) return;
    sole = d.country;
  }
  if (sole === null) return;
  for (const d of reg.drafts.values()) {
    if (d.country !== null || d.kb !== null || (d.kind !== "person" && d.kind !== "group")) continue;
    if (d.sector === null || STATELESS_SECTORS.has(d.sector)) continue;
    d.country = sole;
    d.code = `${sole}${d.sector}`;
  }
}
