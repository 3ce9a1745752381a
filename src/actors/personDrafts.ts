// Knowledge-base people as document actors on a date, kept from document to document by
// the stage. A person's draft depends only on the person and the date (the tenure in force
// then), and a batch of articles names the same people on the same few dates over and
// over; working it out again for every article costs a walk over their tenures each time.
// Each document gets a copy of its own, which it may complete (ActorRegistry.ensure,
// ensureEntityTitled), so what is kept here never changes.
import type { Entity } from "../kb/types.js";
import type { ActorDraft } from "./actorRegistry.js";
import { draftOf } from "./knowledge.js";

/** Drafts kept at most; past this (a long batch over many dates) the memo starts again. */
const MAX_KEPT = 20000;

export class PersonDrafts {
  private readonly byDate = new Map<string | null, Map<Entity, ActorDraft>>();
  private kept = 0;

  /** A copy of draftOf(e, date), for one document. */
  draftOn(e: Entity, date: string | null): ActorDraft {
    let onDate = this.byDate.get(date);
    let d = onDate?.get(e);
    if (d === undefined) {
      if (this.kept >= MAX_KEPT) { this.byDate.clear(); this.kept = 0; onDate = undefined; }
      if (onDate === undefined) { onDate = new Map(); this.byDate.set(date, onDate); }
      d = draftOf(e, date);
      onDate.set(e, d);
      this.kept++;
    }
    return { ...d };
  }
}
