// State shared by the mention finders over one document.
import type { Doc } from "../model/index.js";
import type { Entity, Tenure } from "../kb/types.js";
import type { ActorKnowledge } from "./knowledge.js";
import { ActorRegistry, type ActorDraft } from "./actorRegistry.js";
import { KeyedTokenView } from "./keyedTokenView.js";
import type { ScratchArrays } from "./scratchArrays.js";
import { DatedKnowledge } from "./datedKnowledge.js";

export interface FinderContext {
  doc: Doc;
  k: ActorKnowledge;
  v: KeyedTokenView;
  reg: ActorRegistry;
  /** 1 where a token already belongs to a mention (earlier finders win). */
  covered: Uint8Array;
  /** Sentence index of each token. */
  sentenceOf: Uint32Array;
  date: string | null;
  /** Where the finders take their per-document typed arrays from. */
  scratch: ScratchArrays;
  /** What the knowledge says on a date (people's drafts, office holders), kept by the stage from document to document. */
  dated: DatedKnowledge;
  /**
   * Knowledge-base entities registered so far.
   * Keyed by the entity itself (one object per id): its hash is in the object the caller
   * has just read, where an id string's would be one more cold read.
   */
  entityDrafts: Map<Entity, ActorDraft>;
  /** Actor keys of people the knowledge base lacks, by name as written ("local:jay-tarriela"). */
  localKeys: Map<string, string>;
}

export function newContext(doc: Doc, k: ActorKnowledge, scratch: ScratchArrays, dated = new DatedKnowledge(k)): FinderContext {
  const t = doc.tokens!;
  scratch.reset();
  const sentenceOf = scratch.uint32(t.count);
  for (let s = 0; s + 1 < t.sentenceTokenStart.length; s++) sentenceOf.fill(s, t.sentenceTokenStart[s], t.sentenceTokenStart[s + 1]);
  return {
    doc, k, v: new KeyedTokenView(doc.text, t, k.words, k.wordClass, scratch), reg: new ActorRegistry(), covered: scratch.uint8(t.count), sentenceOf,
    date: doc.published, scratch, dated, entityDrafts: new Map(), localKeys: new Map(),
  };
}

/**
 * The document's actor for a knowledge-base entity, registered on first use. The draft
 * depends only on the entity and the article's date, so later uses can skip building it.
 */
export function ensureEntity(c: FinderContext, e: Entity): ActorDraft {
  let d = c.entityDrafts.get(e);
  if (d === undefined) {
    const undated = c.k.undatedDrafts.get(e);
    // A copy: the document's draft may be completed later (ActorRegistry.ensure).
    d = c.reg.ensure(undated ? { ...undated } : c.dated.draftOn(e, c.date));
    c.entityDrafts.set(e, d);
  }
  return d;
}

/**
 * ensureEntity for a person named with an office's title ("Defence Secretary Ben Wallace"):
 * in a text without a date the title is the only word on when it speaks of, so someone
 * whose latest office is another keeps the sector they had in the titled one.
 * A dated text is read on its date (its title may be a habit of the writer's).
 */
export function ensureEntityTitled(c: FinderContext, e: Entity, office: string, former = false): ActorDraft {
  const d = ensureEntity(c, e);
  if (c.date !== null || e.kind !== "person") return d;
  // "former President X" in an undated text: whatever X holds now, the text speaks of them out of it.
  if (former) { if (d.sector !== "ELI" && !(e.tenures ?? []).some((t) => t.code)) { d.sector = "ELI"; d.code = `${d.country ?? ""}ELI`; } return d; }
  if (d.sector !== "ELI") return d;
  const held = (e.tenures ?? []).filter((t) => t.office === office && !t.code).sort((a, b) => (a.start < b.start ? 1 : -1))[0];
  if (held) { d.sector = held.sector; d.code = `${d.country ?? ""}${held.sector}`; }
  return d;
}

/** tenureOn(e, article date), worked out once per entity and date (DatedKnowledge). */
export function tenureOnDate(c: FinderContext, e: Entity): Tenure | null {
  return c.dated.tenureOn(e, c.date);
}

export function sameSentence(c: FinderContext, i: number, j: number): boolean {
  return i >= 0 && j >= 0 && i < c.v.count && j < c.v.count && c.sentenceOf[i] === c.sentenceOf[j];
}

export function cover(c: FinderContext, from: number, to: number): void {
  c.covered.fill(1, from, to);
}

export function isFree(c: FinderContext, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (c.covered[i]) return false;
  return true;
}
