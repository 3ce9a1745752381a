// Refiner: an event told inside the complement of a verbal event is part of it, not a
// second event. "Syria rejected a US offer to host a summit" is one REJECT (the offer and
// the summit are what is rejected); "Iran threatened to cut off electricity" one THREATEN;
// "Greece demanded that its partners refuse to recognise Macedonia" one REQUEST. The PLOVER
// manual codes the governing statement; its content is the event's detail.
import type { EventContext } from "./eventContext.js";
import { same } from "./eventContext.js";
import type { Proposal } from "./proposal.js";

/** PLOVER's verbal categories: their triggers take a complement that states their content. */
const VERBAL = new Set(["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"]);
/** Tokens that close a complement. */
const CLOSE = new Set([";", ".", ",", "but", "while", "whereas", "although", "—", "–", "(", "“", "”", "\"", "which", "who", "whom", "where", "when"]);
const REACH = 25;
const NOUN_LINK = new Set(["to", "that", "for", "on", "of", "over", "about"]);

export function absorbComplements(c: EventContext, proposals: Proposal[]): Proposal[] {
  const { v } = c;
  const spans: Array<[number, number, Proposal]> = [];
  for (const p of proposals) {
    if (!VERBAL.has(p.type ?? p.t.plover ?? c.k.cameo.get(p.t.cameo)!.plover)) continue;
    // An event noun governs only what it links to: "an ultimatum to …", "demands that …", "an appeal for …".
    if (p.t.pos === "noun" && !NOUN_LINK.has(v.lower(p.end + 1))) continue;
    let e = p.end + 1;
    for (; e < v.count && e <= p.end + REACH && same(c, e, p.trigger); e++) {
      const w = v.lower(e);
      if (CLOSE.has(w)) break;
      // "… agreed to talks and launched an attack": a new finite verb after "and" opens a new clause.
      if ((w === "and" || w === "or") && /(ed|s)$/.test(v.lower(e + 1)) && c.k.clauseVerbs.has(c.lemma(e + 1))) break;
    }
    spans.push([p.end, e, p]);
  }
  return proposals.filter((q) => !spans.some(([from, to, p]) => p !== q && q.trigger > from && q.trigger < to));
}
