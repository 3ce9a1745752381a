// Splits a CAMEO actor code into what Parley's knowledge base records: the country (the
// first three letters when they are an ISO 3166-1 alpha-3 code the knowledge base knows),
// the sector (the next three: RUSGOV -> RUS, GOV), and for transnational and regional codes
// no country and the type as sector (IGOUNO -> IGO). The full code is kept as written.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { KnowledgeBase } from "./types.js";

export interface CameoCodeScheme {
  transnational: Record<string, string>;
  regions: Record<string, string>;
  sectors: Record<string, string>;
}

export interface SplitCode {
  code: string;
  country: string | null;
  /** Three letters, or null for a bare country code ("AFG"). */
  sector: string | null;
}

export const CAMEO_CODE = /^(?:[A-Z]{3})+$/;

export function loadCameoScheme(dataDir: string): CameoCodeScheme {
  const raw = JSON.parse(readFileSync(path.join(dataDir, "kb", "cameo-actor-codes.json"), "utf8")) as CameoCodeScheme;
  return { transnational: raw.transnational ?? {}, regions: raw.regions ?? {}, sectors: raw.sectors ?? {} };
}

/** The split code, or a message saying why the code cannot be read. */
export function splitCameoCode(code: string, kb: KnowledgeBase, scheme: CameoCodeScheme): SplitCode | string {
  if (!CAMEO_CODE.test(code)) return `"${code}" is not a CAMEO code (capital letters in groups of three)`;
  const head = code.slice(0, 3);
  const next = code.length >= 6 ? code.slice(3, 6) : null;
  if (kb.entities.get(`country:${head}`)?.kind === "country") return { code, country: head, sector: next };
  if (head in scheme.transnational) return { code, country: null, sector: head };
  if (head in scheme.regions) return { code, country: null, sector: next };
  // A bare role such as [ELI] (an elite of no stated country) or [GOV].
  if (head in scheme.sectors) return { code, country: null, sector: head };
  return `"${head}" in code ${code} is neither a country the knowledge base knows, a region nor a transnational type (IGO, NGO, MNC …)`;
}

export function sectorLabel(sector: string, scheme: CameoCodeScheme): string {
  return scheme.sectors[sector] ?? scheme.transnational[sector] ?? sector;
}
