// State shared by the mention finders over one document.
import type { Doc } from "../model/index.js";
import type { ActorKnowledge } from "./knowledge.js";
import { ActorRegistry } from "./actorRegistry.js";
import { TokenView } from "./tokenView.js";

export interface FinderContext {
  doc: Doc;
  k: ActorKnowledge;
  v: TokenView;
  reg: ActorRegistry;
  /** 1 where a token already belongs to a mention (earlier finders win). */
  covered: Uint8Array;
  /** Sentence index of each token. */
  sentenceOf: Uint32Array;
  date: string | null;
  /** Speech-verb forms (said, told, …), for spotting speakers the knowledge base lacks. */
  cueForms: ReadonlySet<string>;
}

export function newContext(doc: Doc, k: ActorKnowledge, cueForms: ReadonlySet<string>): FinderContext {
  const t = doc.tokens!;
  const sentenceOf = new Uint32Array(t.count);
  for (let s = 0; s + 1 < t.sentenceTokenStart.length; s++) sentenceOf.fill(s, t.sentenceTokenStart[s], t.sentenceTokenStart[s + 1]);
  return { doc, k, v: new TokenView(doc.text, t), reg: new ActorRegistry(), covered: new Uint8Array(t.count), sentenceOf, date: doc.published, cueForms };
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
