// The PLOVER manual's recoding of intentions and refusals (see intent-codes.tsv).
import type { EventContext } from "./eventContext.js";
import type { Trigger } from "./knowledge.js";

/** CAMEO roots of cooperation (03–08): refusing them is a rejection. */
const COOPERATIVE_ROOTS = new Set(["03", "04", "05", "06", "07", "08"]);

/**
 * The PLOVER manual codes an announced or conditional intention by what it promises:
 * future meetings, support, cooperation and aid are AGREE, future retreats CONCEDE, a
 * future use of force or sanction THREATEN; a refusal of cooperation ("will not accept")
 * is REJECT. The recoding table is data (intent-codes.tsv).
 */
export function recoded(c: EventContext, t: Trigger, flags: { negated: boolean; future: boolean; conditional: boolean; refused: boolean }): { code: string; type: string } {
  const root = t.cameo.slice(0, 2);
  const when = flags.negated ? ((flags.future || flags.conditional || flags.refused || root === "03") && COOPERATIVE_ROOTS.has(root) ? "refusal" : null)
    : flags.future || flags.conditional ? "intent" : null;
  const r = when ? c.k.recode.get(`${root}|${when}`) : undefined;
  // A trigger that already names the intention ("pledge", "meet" as 036) keeps its code.
  if (r && !(when === "intent" && (root === "03" || root === "13"))) return { code: r.cameo, type: r.plover };
  return { code: t.cameo, type: t.plover ?? c.k.cameo.get(t.cameo)!.plover };
}
