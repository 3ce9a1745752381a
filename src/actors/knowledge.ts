// The actors stage's compiled knowledge: the name index, role phrases and group nouns
// keyed by their first word, and office holders keyed by office and country.
import { loadKnowledge } from "../kb/loadKnowledge.js";
import { buildNameIndex, nameTokens, type NameIndex } from "../kb/nameIndex.js";
import type { Entity, KnowledgeBase, Tenure } from "../kb/types.js";
import { loadAbbreviations } from "../segment/abbreviations.js";
import type { ActorDraft } from "./actorRegistry.js";

export interface Phrase { tokens: string[]; value: string }

export interface ActorKnowledge {
  kb: KnowledgeBase;
  names: NameIndex;
  /** Office phrases by first word (lower case), longest first; value = office. */
  offices: Map<string, Phrase[]>;
  /** Group nouns by first word; value = sector. */
  groups: Map<string, Phrase[]>;
  /** "office|GBR" or "office|org:nato" -> holders. */
  holders: Map<string, Array<{ entity: Entity; tenure: Tenure }>>;
  /** Capitalised words that start sentences and are never names ("The", "But"). */
  notNames: ReadonlySet<string>;
}

function phraseMap(entries: Iterable<[string, string]>): Map<string, Phrase[]> {
  const m = new Map<string, Phrase[]>();
  for (const [phrase, value] of entries) {
    const tokens = nameTokens(phrase).map((t) => t.toLowerCase());
    if (tokens.length === 0) continue;
    const list = m.get(tokens[0]) ?? [];
    list.push({ tokens, value });
    m.set(tokens[0], list);
  }
  for (const list of m.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return m;
}

export function compileActorKnowledge(dataDir: string, knowledgeDirs: readonly string[] = []): ActorKnowledge {
  const kb = loadKnowledge(dataDir, knowledgeDirs);
  const holders = new Map<string, Array<{ entity: Entity; tenure: Tenure }>>();
  for (const e of kb.entities.values()) {
    for (const t of e.tenures ?? []) {
      const key = `${t.office}|${t.org ?? t.country ?? ""}`;
      const list = holders.get(key) ?? [];
      list.push({ entity: e, tenure: t });
      holders.set(key, list);
    }
  }
  const notNames = new Set(loadAbbreviations(dataDir).sentenceOpeners);
  return {
    kb,
    names: buildNameIndex(kb),
    offices: phraseMap([...kb.offices].map(([p, o]) => [p, o.office])),
    groups: phraseMap(kb.groups),
    holders,
    notNames,
  };
}

/** The tenure in force on a date (the newer one on a hand-over day), else the nearest before it, else the first. */
export function tenureOn(e: Entity, date: string | null): Tenure | null {
  const ts = e.tenures ?? [];
  if (ts.length === 0) return null;
  const d = date ?? "9999-12-31";
  const active = ts.filter((t) => t.start <= d && (t.end === null || d <= t.end)).sort((a, b) => (a.start < b.start ? 1 : -1));
  if (active.length) return active[0];
  const before = ts.filter((t) => t.start <= d).sort((a, b) => (a.start < b.start ? 1 : -1));
  return before[0] ?? ts[0];
}

export function holderOn(k: ActorKnowledge, office: string, where: string, date: string | null): Entity | null {
  const list = k.holders.get(`${office}|${where}`);
  if (!list) return null;
  const d = date ?? "9999-12-31";
  const active = list.filter(({ tenure: t }) => t.start <= d && (t.end === null || d <= t.end)).sort((a, b) => (a.tenure.start < b.tenure.start ? 1 : -1));
  return active[0]?.entity ?? null;
}

/** A knowledge-base entity as the document's actor on the article's date. */
export function draftOf(e: Entity, date: string | null): ActorDraft {
  if (e.kind === "person") {
    const t = tenureOn(e, date);
    // A tenure imported from a CAMEO dictionary keeps its full code and its own country
    // (one person can be KORGOV in one period and IGOUNO in the next).
    if (t?.code) return { key: `kb:${e.id}`, name: e.name, kind: "person", country: t.country, sector: t.sector, code: t.code, kb: e.id, gender: e.gender };
    const country = e.country ?? t?.country ?? null;
    const sector = t?.sector ?? e.sector;
    return { key: `kb:${e.id}`, name: e.name, kind: "person", country, sector, code: `${country ?? ""}${sector ?? ""}` || null, kb: e.id, gender: e.gender };
  }
  return { key: `kb:${e.id}`, name: e.name, kind: e.kind, country: e.country, sector: e.sector, code: e.code, kb: e.id };
}
