// The `--format pretty` terminal view of one analysed document: sentences first, then
// whatever layers later stages added, each line pointing back to its offsets.
import type { ContractDocument } from "../model/index.js";

export function prettyDocument(doc: ContractDocument): string {
  const lines: string[] = [];
  const span = (s: number, e: number) => `[${s}-${e}]`;
  lines.push(`Article ${doc.id}${doc.published ? ` · published ${doc.published}` : ""}${doc.title ? ` · ${doc.title}` : ""}`);
  lines.push(`${doc.paragraphs.length} paragraphs, ${doc.sentences.length} sentences`, "");
  lines.push("Sentences");
  doc.sentences.forEach(([s, e], i) => lines.push(`  ${String(i + 1).padStart(3)} ${span(s, e)} ${doc.text.slice(s, e)}`));
  const actorName = new Map((doc.actors ?? []).map((a) => [a.id, a.name]));
  if (doc.actors) {
    lines.push("", "Actors");
    for (const a of doc.actors) lines.push(`  ${a.id.padEnd(4)} ${a.name} · ${a.kind}${a.code ? ` · ${a.code}` : ""}${a.kb ? "" : " · (this text only)"}`);
  }
  if (doc.times?.length) {
    lines.push("", "Times");
    for (const t of doc.times) lines.push(`  ${span(t.start, t.end)} ${t.text} → ${t.value}`);
  }
  if (doc.quotes) {
    lines.push("", "Who said what");
    for (const q of doc.quotes) {
      const who = q.speaker ? actorName.get(q.speaker) ?? q.speaker : "(unattributed)";
      lines.push(`  ${q.id.padEnd(4)} ${who} (${q.type}${q.cue ? `, ${q.cue}` : ""}) ${span(q.start, q.end)}: ${q.text}`);
    }
  }
  if (doc.events) {
    lines.push("", "Who did what to whom");
    for (const ev of doc.events) {
      const who = (id: string | null) => (id ? actorName.get(id) ?? id : "—");
      const extra = [ev.date, ev.location?.name, ev.modality !== "asserted" ? ev.modality : null].filter(Boolean).join(", ");
      lines.push(`  ${ev.id.padEnd(4)} ${who(ev.source)} → ${ev.type} (CAMEO ${ev.cameo}) → ${who(ev.target)}${extra ? ` · ${extra}` : ""} · "${doc.text.slice(ev.evidence[0], ev.evidence[1])}"`);
    }
  }
  if (doc.positions) {
    lines.push("", "Who stands where");
    for (const p of doc.positions) lines.push(`  ${actorName.get(p.actor) ?? p.actor} ${p.stance} ${p.issue}${p.condition ? ` (if ${p.condition})` : ""}`);
  }
  return lines.join("\n") + "\n";
}
