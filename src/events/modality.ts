// How an event is told: negated ("did not agree", "ruled out"), hypothetical ("would only
// agree if"), planned ("will impose", "would meet"), reported (inside someone's quotation
// or reported speech), or asserted.
import type { Modality } from "../model/index.js";
import type { EventContext } from "./eventContext.js";
import { same } from "./eventContext.js";

const NEGATION = new Set(["not", "n't", "n’t", "doesn't", "doesn’t", "don't", "don’t", "didn't", "didn’t", "won't", "won’t", "can't", "can’t", "cannot", "never", "no", "refused", "declined", "failed"]);
const CONDITION = new Set(["if", "unless", "provided", "whether"]);
const FUTURE = new Set(["will", "would", "shall", "plans", "plan", "planned", "planning", "intends", "intend", "intended", "expected", "due", "set", "going", "prepared", "ready", "willing", "preparing", "'ll", "’ll", "could", "may", "might"]);
const BOUNDARY = new Set([".", ";", "“", "”", "\"", "but", "while", "although"]);

export interface ModalityFlags { modality: Modality; quote: string | null; negated: boolean; future: boolean; conditional: boolean; refused: boolean }
/** Negations that are themselves a refusal or failure, whatever the tense ("failed to reach agreement", "cannot accept"). */
const REFUSAL = new Set(["refused", "refuses", "declined", "declines", "failed", "fails", "cannot", "can't", "can’t"]);

export function modalityOf(c: EventContext, trigger: number, subjectToken: number | null): ModalityFlags {
  const { v } = c;
  const from = subjectToken ?? Math.max(0, trigger - 4);
  const qi = c.quoteAt[trigger];
  // A report whose cue governs the trigger as its object is the event itself ("Kenya
  // issued an ultimatum"), not speech the event is told in ("said Russia was stalling").
  const cueStart = qi >= 0 ? c.doc.quotes![qi].cueStart : null;
  let ownCue = false;
  if (cueStart !== null && cueStart >= v.start(from) && cueStart < v.start(trigger)) {
    let cue = trigger - 1;
    while (cue > from && v.start(cue) > cueStart) cue--;
    ownCue = trigger - cue <= 3;
    for (let j = cue + 1; ownCue && j < trigger; j++) if (c.mentionAt[j] >= 0) ownCue = false;
  }
  const quote = qi >= 0 && !ownCue ? c.doc.quotes![qi].id : null;
  let negated = false, future = false, conditional = false, question = false, refused = false;
  for (let j = from; j < trigger; j++) {
    if (!same(c, j, trigger)) continue;
    const w = v.lower(j);
    if (NEGATION.has(w)) negated = true;
    if (REFUSAL.has(w)) negated = refused = true;
    if (FUTURE.has(w)) future = true;
  }
  // A condition anywhere in the clause around the trigger.
  for (let j = trigger + 1; j < v.count && j < trigger + 15 && same(c, j, trigger) && !BOUNDARY.has(v.lower(j)); j++) if (CONDITION.has(v.lower(j))) { if (v.is(j, "whether")) question = true; else conditional = true; }
  for (let j = trigger - 1; j >= 0 && j > trigger - 10 && same(c, j, trigger) && !BOUNDARY.has(v.lower(j)); j--) if (CONDITION.has(v.lower(j))) { if (v.is(j, "whether")) question = true; else conditional = true; }
  const flags = { quote, negated, future, conditional, refused };
  if (negated) return { modality: "negated", ...flags };
  // An embedded question ("asked whether he discussed …") is hypothetical but announces no intention.
  if (conditional || question) return { modality: "hypothetical", ...flags };
  if (future) return { modality: "planned", ...flags };
  return { modality: quote ? "reported" : "asserted", ...flags };
}
