// Refiners: after every finder has proposed its events, resolve them in one place.
// Order matters: complements are absorbed first (so that a governed event never blocks or
// duplicates its governor), then the PLOVER conventions that drop redundant events.
import type { EventContext } from "./eventContext.js";
import type { Proposal } from "./proposal.js";
import { absorbComplements } from "./complementEvents.js";

export function refine(c: EventContext, proposals: Proposal[]): Proposal[] {
  let out = absorbComplements(c, proposals).filter((p) => !p.silent);
  out = dropProtestTopics(c, out);
  out = dropVisitsByForces(c, out);
  out = recodeBySourceSector(c, out);
  out = dropTargetlessRepeats(c, out);
  return keepSubjectless(c, out);
}

const sameActors = (c: EventContext, a: number[], b: number[]) => {
  const m = c.doc.mentions!;
  return a.length > 0 && b.length > 0 && m[a[0]].actor === m[b[0]].actor;
};

/**
 * The PLOVER manual: the topic of a protest (typically a REQUEST: "staged rallies …
 * saying he must resign", "a hunger strike to demand …") is not coded as its own event.
 */
function dropProtestTopics(c: EventContext, proposals: Proposal[]): Proposal[] {
  const protests = proposals.filter((p) => p.type === "PROTEST");
  if (!protests.length) return proposals;
  return proposals.filter((p) => p.type !== "REQUEST" || !protests.some((q) =>
    c.sentenceOf[q.trigger] === c.sentenceOf[p.trigger] && (sameActors(c, q.sources, p.sources) || p.sources.length === 0)));
}

/** Troops "arriving in" a place are not paying a diplomatic visit (CAMEO 042/043 are for officials). */
function dropVisitsByForces(c: EventContext, proposals: Proposal[]): Proposal[] {
  return proposals.filter((p) => {
    if (p.code !== "042" && p.code !== "043") return true;
    const sector = p.sources.length ? c.actorOf(p.sources[0])?.sector : null;
    return sector !== "MIL";
  });
}

/**
 * Some event nouns mean another event by who does them: "the US military strikes on
 * Iranian nuclear facilities" are the use of force, a strike by workers is a strike
 * (source-sector-codes.tsv). Only a trigger still carrying its own code is recoded.
 */
function recodeBySourceSector(c: EventContext, proposals: Proposal[]): Proposal[] {
  for (const p of proposals) {
    const rule = p.sources.length && p.code === p.t.cameo ? c.k.bySourceSector.get(`${p.t.words.join(" ")}|${p.t.pos}`) : undefined;
    const sector = rule ? c.actorOf(p.sources[0])?.sector : null;
    if (rule && sector && rule.sectors.has(sector)) { p.code = rule.cameo; p.type = c.k.cameo.get(rule.cameo)!.plover; }
  }
  return proposals;
}

/**
 * "Serbia lodged a protest with Albania, charging its neighbour with …": one actor doing the
 * same kind of thing twice in a sentence is one event; the one that names its target stays.
 */
function dropTargetlessRepeats(c: EventContext, proposals: Proposal[]): Proposal[] {
  return proposals.filter((p) => p.target !== null || !proposals.some((q) => q !== p && q.type === p.type && q.target !== null
    && c.sentenceOf[q.trigger] === c.sentenceOf[p.trigger] && sameActors(c, q.sources, p.sources)));
}

/** Subject-less proposals survive only in sentences where nothing else was found (the first of them). */
function keepSubjectless(c: EventContext, proposals: Proposal[]): Proposal[] {
  const withSource = new Set(proposals.filter((p) => p.sources.length).map((p) => c.sentenceOf[p.trigger]));
  const taken = new Set<number>();
  return proposals.filter((p) => {
    if (p.sources.length) return true;
    const s = c.sentenceOf[p.trigger];
    if (withSource.has(s) || taken.has(s)) return false;
    taken.add(s);
    return true;
  });
}
