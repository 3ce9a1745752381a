// Answers of the knowledge base that depend only on the article's date — a person's draft
// and tenure then, who holds an office in a country, which of the people known by a
// surname is the one in office — kept from document to
// document by the stage. A batch of articles names the same people and offices on the same
// few dates over and over; working them out again for every article costs a walk over
// tenures each time, and (the knowledge being out of the cache when the stage starts on
// the next article) a cache miss for every tenure read.
import type { Entity, Tenure } from "../kb/types.js";
import type { ActorDraft } from "./actorRegistry.js";
import { draftOf, holderOn, tenureOn, type ActorKnowledge } from "./knowledge.js";

/** Answers kept at most; past this (a long batch over many dates) the memo starts again. */
const MAX_KEPT = 20000;

interface OnDate {
  drafts: Map<Entity, ActorDraft>;
  /** Office -> country or organisation -> holder (null: none). */
  holders: Map<string, Map<string, Entity | null>>;
  tenures: Map<Entity, Tenure | null>;
  /** A list of people (the knowledge's, such as those known by one surname) -> the one chosen among them (null: none). */
  chosen: Map<readonly Entity[], Entity | null>;
}

export class DatedKnowledge {
  private readonly byDate = new Map<string | null, OnDate>();
  private kept = 0;

  constructor(private readonly k: ActorKnowledge) {}

  /**
   * A copy of draftOf(e, date), for one document: the document may complete its draft
   * (ActorRegistry.ensure, ensureEntityTitled), so what is kept here never changes.
   */
  draftOn(e: Entity, date: string | null): ActorDraft {
    return { ...this.remember(this.on(date).drafts, e, () => draftOf(e, date)) };
  }

  /** holderOn(knowledge, office, where, date). */
  holderOn(office: string, where: string, date: string | null): Entity | null {
    const on = this.on(date);
    let byWhere = on.holders.get(office);
    if (byWhere === undefined) { byWhere = new Map(); on.holders.set(office, byWhere); }
    return this.remember(byWhere, where, () => holderOn(this.k, office, where, date));
  }

  /** tenureOn(e, date). */
  tenureOn(e: Entity, date: string | null): Tenure | null {
    return this.remember(this.on(date).tenures, e, () => tenureOn(e, date));
  }

  /**
   * choose(people, date), for a list of people the knowledge keeps (the same list object
   * each time it is asked about) and a choice that depends on nothing else.
   */
  chosenAmong(people: readonly Entity[], date: string | null, choose: (people: readonly Entity[], date: string | null) => Entity | undefined): Entity | undefined {
    return this.remember(this.on(date).chosen, people, () => choose(people, date) ?? null) ?? undefined;
  }

  /** The answer kept for `key`, else `make()`'s, kept (null is an answer: "none"). */
  private remember<K, V>(answers: Map<K, V>, key: K, make: () => V): V {
    let v = answers.get(key);
    if (v === undefined) {
      v = make();
      answers.set(key, v);
      this.kept++;
    }
    return v;
  }

  private on(date: string | null): OnDate {
    if (this.kept >= MAX_KEPT) { this.byDate.clear(); this.kept = 0; }
    let on = this.byDate.get(date);
    if (on === undefined) { on = { drafts: new Map(), holders: new Map(), tenures: new Map(), chosen: new Map() }; this.byDate.set(date, on); }
    return on;
  }
}
