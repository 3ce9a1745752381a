// "The administration declared that China must drop its barriers", "Straw said the
// Sudanese government and the rebels must reach an agreement": a speaker's statement that
// another actor must or should act is a REQUEST of that actor (outside quotations; inside
// them the quotation's speaker is used, see reportedAccusations in index.ts).
import type { EventContext } from "./eventContext.js";
import type { Trigger } from "./knowledge.js";
import type { Proposal } from "./proposal.js";
import { skipBack, subjectsBefore } from "./eventArguments.js";

const OBLIGATION = new Set(["must", "should"]);
const request: Trigger = { words: ["must"], pos: "verb", cameo: "100", plover: "REQUEST" };

export function reportedObligations(c: EventContext): Proposal[] {
  const out: Proposal[] = [];
  const { v } = c;
  const mentions = c.doc.mentions ?? [];
  for (let i = 0; i < v.count; i++) {
    if (!OBLIGATION.has(v.lower(i)) || c.quoteAt[i] >= 0) continue;
    const obliged = subjectsBefore(c, i);
    if (!obliged.mentions.length || obliged.token === null) continue;
    let j = skipBack(c, obliged.token - 1, i);
    if (v.is(j, "that")) j = skipBack(c, j - 1, i);
    if (j < 0 || !c.k.reportVerbs.has(c.lemma(j))) continue;
    const speaker = subjectsBefore(c, j).mentions.filter((m) => !obliged.mentions.some((o) => mentions[o].actor === mentions[m].actor));
    if (!speaker.length) continue;
    out.push({ trigger: i, end: i, t: request, sources: speaker.slice(0, 1), target: obliged.mentions[0], subjectToken: null });
  }
  return out;
}
