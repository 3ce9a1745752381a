// Read-only helpers over one prediction: actors by id, an actor's country and code, a
// quote's text and speaker name.
import type { PredDoc } from "./goldTypes.js";

export class PredView {
  private readonly byId = new Map<string, NonNullable<PredDoc["actors"]>[number]>();
  constructor(readonly doc: PredDoc) {
    for (const a of doc.actors ?? []) this.byId.set(a.id, a);
  }
  actor(id: string | null | undefined) { return id != null ? this.byId.get(id) : undefined; }
  country(id: string | null | undefined): string | null { return this.actor(id)?.country ?? null; }
  code(id: string | null | undefined): string | null { return this.actor(id)?.code ?? null; }
  quoteText(q: NonNullable<PredDoc["quotes"]>[number]): string | undefined {
    return q.text ?? (q.start != null && q.end != null ? this.doc.text?.slice(q.start, q.end) : undefined);
  }
  speakerName(q: NonNullable<PredDoc["quotes"]>[number]): string | null {
    return this.actor(q.speaker)?.name ?? q.speakerText ?? null;
  }
  /** The surface texts of every mention of an actor. */
  mentionTexts(id: string): string[] {
    return (this.doc.mentions ?? []).filter((m) => m.actor === id).map((m) => this.doc.text!.slice(m.start, m.end));
  }
}
