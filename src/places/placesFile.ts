// Reading a places TSV (data/places/places.tsv, place-extras.tsv, a knowledge folder's
// *.places.tsv): one place a line, `name  aliases(|)  country  kind  lat  lon  population`.
// A row without coordinates names a place another file has (same name, country and kind)
// and adds its aliases; every refused value names its file, line and field.
import { readFileSync } from "node:fs";
import { KnowledgeError } from "../kb/types.js";

export const PLACE_KINDS = ["country", "region", "capital", "city"] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export interface Place {
  name: string;
  aliases: string[];
  /** ISO 3166-1 alpha-3. */
  country: string;
  kind: PlaceKind;
  lat: number | null;
  lon: number | null;
  population: number;
}

export interface PlaceRow extends Place {
  /** file:line, for messages. */
  origin: string;
}

const number = (s: string | undefined) => (s === undefined || s.trim() === "" ? null : Number(s));

export function readPlacesTsv(file: string): PlaceRow[] {
  const rows: PlaceRow[] = [];
  const lines = readFileSync(file, "utf8").split(/\r?\n/);
  lines.forEach((line, n) => {
    if (line.trim() === "" || line.startsWith("#")) return;
    const at = (field: string, message: string) => new KnowledgeError({ file, line: n + 1, field, message });
    const [name, aliases, country, kind, lat, lon, population] = line.split("\t").map((s) => s.trim());
    if (!name) throw at("name", "empty");
    if (!/^[A-Z]{3}$/.test(country ?? "")) throw at("country", `"${country ?? ""}" is not an ISO-3 code`);
    if (!PLACE_KINDS.includes(kind as PlaceKind)) throw at("kind", `"${kind ?? ""}" is not one of ${PLACE_KINDS.join(", ")}`);
    const la = number(lat), lo = number(lon), pop = number(population);
    if ((la === null) !== (lo === null)) throw at(la === null ? "lat" : "lon", "give both coordinates or neither");
    if (la !== null && !(Math.abs(la) <= 90)) throw at("lat", `"${lat}" is not a latitude`);
    if (lo !== null && !(Math.abs(lo) <= 180)) throw at("lon", `"${lon}" is not a longitude`);
    if (pop !== null && !(Number.isInteger(pop) && pop >= 0)) throw at("population", `"${population}" is not a count`);
    rows.push({
      name, aliases: (aliases ?? "").split("|").map((a) => a.trim()).filter((a) => a !== ""), country, kind: kind as PlaceKind,
      lat: la, lon: lo, population: pop ?? 0, origin: `${file}:${n + 1}`,
    });
  });
  return rows;
}

/**
 * Rows from several files as one list of places: a row that repeats a place (same name,
 * country and kind) adds its aliases, and its coordinates and population when it gives them.
 */
export function mergePlaces(files: ReadonlyArray<readonly PlaceRow[]>): Place[] {
  const byKey = new Map<string, Place>();
  for (const rows of files) {
    for (const r of rows) {
      const key = `${r.name.toLowerCase()}\u0000${r.country}\u0000${r.kind}`;
      const old = byKey.get(key);
      if (old) {
        for (const a of r.aliases) if (!old.aliases.includes(a)) old.aliases.push(a);
        if (r.lat !== null) { old.lat = r.lat; old.lon = r.lon; }
        if (r.population) old.population = r.population;
        continue;
      }
      if (r.lat === null) throw new KnowledgeError({ file: r.origin, field: "lat", message: `no coordinates, and no ${r.kind} "${r.name}" in ${r.country} to add names to` });
      byKey.set(key, { name: r.name, aliases: [...r.aliases], country: r.country, kind: r.kind, lat: r.lat, lon: r.lon, population: r.population });
    }
  }
  return [...byKey.values()];
}
