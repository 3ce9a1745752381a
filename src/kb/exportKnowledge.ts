// The merged knowledge base (built-in data and the user's folders) as one JSON document or
// one TSV table, entities in id order so two exports of the same data are identical.
import type { Entity, KnowledgeBase } from "./types.js";
import { entityRecord, sortedTenures } from "./entityOnDate.js";

function entitiesById(kb: KnowledgeBase): Entity[] {
  return [...kb.entities.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function knowledgeJson(kb: KnowledgeBase): string {
  return JSON.stringify({ entities: entitiesById(kb).map(entityRecord) }, null, 1) + "\n";
}

export const EXPORT_TSV_COLUMNS = ["id", "kind", "name", "aliases", "gender", "country", "sector", "code", "office", "org", "start", "end", "tenure_code", "source"] as const;

/** One row per tenure (people) or per entity (everything else); aliases joined with |. */
export function knowledgeTsv(kb: KnowledgeBase): string {
  const clean = (v: string | null | undefined) => (v ?? "").replace(/[\t\r\n]+/g, " ");
  const lines = [EXPORT_TSV_COLUMNS.join("\t")];
  for (const e of entitiesById(kb)) {
    const base = [e.id, e.kind, e.name, e.names.filter((n) => n !== e.name).join("|"), e.gender ?? "", e.country ?? "", e.sector ?? "", e.code ?? ""];
    const tenures = sortedTenures(e);
    if (tenures.length === 0) lines.push([...base, "", "", "", "", "", e.origin].map(clean).join("\t"));
    for (const t of tenures) {
      lines.push([...base, t.office, t.org ?? "", t.start === "0000-01-01" ? "" : t.start, t.end ?? "", t.code ?? "", t.origin ?? e.origin].map(clean).join("\t"));
    }
  }
  return lines.join("\n") + "\n";
}
