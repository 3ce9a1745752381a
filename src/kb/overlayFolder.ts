// A user's knowledge folder (an "overlay"): actors added with `parley kb add` or imported
// with `parley kb import`, in the same formats as data/actors/, loaded after the built-in
// data so the pipeline sees them without any change to the package. One flat folder:
//   *.countries.json      more names for known countries (country-extras.json format)
//   *.organisations.json  organisations (organisations.json format)
//   *.actors.tsv          people and their tenures (office-holders.tsv format)
//   *.places.tsv          places with coordinates (data/places/ format; read by src/places/)
// Loaded in that order (people may name an organisation), each kind in file-name order.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { KnowledgeError, type KnowledgeBase } from "./types.js";
import { loadActorTsv, loadCountryExtras, loadOrganisations } from "./loadKnowledge.js";

export const OVERLAY_SUFFIXES = { countries: ".countries.json", organisations: ".organisations.json", actors: ".actors.tsv", places: ".places.tsv" } as const;

export function loadOverlayFolder(dir: string, kb: KnowledgeBase): void {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new KnowledgeError({ file: dir, message: "knowledge folder not found" });
  const files = readdirSync(dir).sort();
  const ofKind = (suffix: string) => files.filter((f) => f.endsWith(suffix)).map((f) => path.join(dir, f));
  // No boost: a user's extra country names should not reorder which country owns a shared name.
  for (const f of ofKind(OVERLAY_SUFFIXES.countries)) loadCountryExtras(f, kb, 0);
  for (const f of ofKind(OVERLAY_SUFFIXES.organisations)) loadOrganisations(f, kb);
  for (const f of ofKind(OVERLAY_SUFFIXES.actors)) loadActorTsv(f, kb);
  const known = Object.values(OVERLAY_SUFFIXES);
  for (const f of files) {
    if (/\.(json|tsv)$/.test(f) && !known.some((s) => f.endsWith(s))) {
      kb.warnings.push(`${path.join(dir, f)}: not loaded (knowledge files end in ${known.join(", ")})`);
    }
  }
}
