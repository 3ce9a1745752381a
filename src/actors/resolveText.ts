// Resolution of a short actor text ("President Duterte", "Mexican authorities", "the PRI")
// to one actor: the same finders that read articles, run over the text with its context
// placed before it as a paragraph of its own, so that context steers role phrases and
// bare group nouns exactly as an article's earlier paragraphs would.
import type { Doc, MentionOut } from "../model/index.js";
import { tokenAt, tokenText } from "../model/tokens.js";
import { createPipeline, type Pipeline, type PipelineOptions } from "../pipeline.js";
import type { ActorKnowledge } from "./knowledge.js";
import type { ActorsStage } from "./index.js";
import { TokenView } from "./tokenView.js";
import { standsAlone } from "../places/index.js";

export interface ResolvedActor {
  name: string;
  country: string | null;
  sector: string | null;
  code: string | null;
  kind: string;
  /** Knowledge-base id, or null for an actor only this text names. */
  kb: string | null;
  /** The part of the text that names the actor. */
  matched: string;
}

export interface ResolveRequest {
  text: string;
  /** Text around the actor (a country, an organisation, a sentence), if known. */
  context?: string | null;
  /** YYYY-MM-DD: whoever held an office on that day; null = as of the latest knowledge. */
  date?: string | null;
}

export type ActorResolver = (request: ResolveRequest) => ResolvedActor | null;

const CONTEXT_SEPARATOR = "\n\n";

export function createActorResolver(options: Pick<PipelineOptions, "dataDir" | "knowledgeDirs"> = {}): ActorResolver {
  const pipeline: Pipeline = createPipeline({ ...options, until: "actors" });
  const k = (pipeline.stages.find((st) => st.name === "actors") as ActorsStage).knowledge;
  return ({ text: given, context, date }) => {
    // Texts come from anywhere ("George W.  Bush"): one space between words.
    const text = given.replace(/\s+/g, " ").trim();
    const prefix = context && context.trim() ? context.trim() + CONTEXT_SEPARATOR : "";
    const from = prefix.length, to = prefix.length + text.length;
    const doc = pipeline.run({ text: prefix + text, published: date ?? null, id: "resolve" });
    const best = headMention(doc, from, to);
    const actor = best ? doc.actors!.find((a) => a.id === best.actor)! : null;
    // A kind of group the mention does not cover ("Kyiv police", "a US destroyer",
    // "smuggling gang") names who acts; the mention, if any, says where they are from.
    const noun = groupNounOutside(k, doc, from, to, best);
    const country = actor?.country ?? (actor?.sector === "IGO" ? null : contextCountry(doc, from));
    if (noun && (!actor || actor.kind === "country")) {
      const name = doc.text.slice(from, to).replace(/^(the|a|an)\s+/i, "");
      return { name, country, sector: noun.sector, code: `${country ?? ""}${noun.sector}`, kind: "group", kb: null, matched: doc.text.slice(from, to) };
    }
    if (!best || !actor) return placeIn(k, doc, from, to);
    const matched = doc.text.slice(best.start, best.end);
    // A capital or seat of power standing for its country as an agent is its government.
    if (best.kind === "place" && actor.country && wholeText(doc.text, from, to, best)) {
      return { name: `${actor.name} government`, country: actor.country, sector: "GOV", code: `${actor.country}GOV`, kind: "organisation", kb: actor.kb, matched };
    }
    return {
      name: actor.name,
      country: actor.country,
      // A whole country has no sector: CAMEO codes it by its three letters alone.
      sector: actor.kind === "country" && actor.sector === null ? "" : actor.sector,
      code: actor.code,
      kind: actor.kind,
      kb: actor.kb,
      matched,
    };
  };
}

/** The last group noun in the text outside the head mention, with its sector (read off the segmenter's tokens). */
function groupNounOutside(k: ActorKnowledge, doc: Doc, from: number, to: number, head: MentionOut | null): { sector: string } | null {
  const t = doc.tokens!;
  const first = tokenAt(t, from);
  let last = first;
  while (last < t.count && t.ends[last] <= to) last++;
  const word = (i: number) => tokenText(doc.text, t, i).toLowerCase();
  let found: { sector: string } | null = null;
  for (let i = first; i < last; i++) {
    if (head && t.starts[i] < head.end && t.ends[i] > head.start) continue;
    for (const p of k.groups.get(word(i)) ?? []) {
      if (i + p.tokens.length > last) continue;
      if (p.tokens.every((w, n) => word(i + n) === w)) { found = { sector: p.value }; break; }
    }
  }
  return found;
}

/**
 * A town or region the text names when it names no actor ("Kandahar", "a market in
 * Kandahar"): its country, with no sector, as for a country. The first place name that
 * stands alone and is not an everyday word; the context's countries settle an ambiguous one.
 */
function placeIn(k: ActorKnowledge, doc: Doc, from: number, to: number): ResolvedActor | null {
  const t = doc.tokens!;
  const v = new TokenView(doc.text, t);
  for (let i = tokenAt(t, from); i < t.count && t.ends[i] <= to; i++) {
    const m = k.places.match(v, i);
    if (!m || m.commonWord || t.ends[i + m.length - 1] > to || !standsAlone(v, i, m.length, t.starts[i] === from)) continue;
    const mentioned = new Set((doc.actors ?? []).map((a) => a.country).filter((x): x is string => x !== null));
    const place = k.places.choose(m, mentioned);
    const matched = doc.text.slice(t.starts[i], t.ends[i + m.length - 1] - m.possessive);
    return { name: place.name, country: place.country, sector: "", code: place.country, kind: "place", kb: null, matched };
  }
  return null;
}

/** The country the context names, if it names one (the first mention before the text). */
function contextCountry(doc: Doc, before: number): string | null {
  for (const m of doc.mentions ?? []) {
    if (m.end > before) break;
    const a = doc.actors!.find((x) => x.id === m.actor);
    if (a?.country) return a.country;
  }
  return null;
}

function wholeText(text: string, from: number, to: number, m: MentionOut): boolean {
  const rest = (text.slice(from, m.start) + text.slice(m.end, to)).replace(/\b(the)\b/gi, "").trim();
  return rest === "";
}

/**
 * The mention that names the actor the whole text is about: the longest one inside the
 * text, and of equally long ones the last, since an English noun phrase ends in its head
 * ("a US destroyer", "Syrian mercenaries"); but an office before "of" is the head of what
 * follows it. Pronouns name nobody on their own here.
 */
function headMention(doc: Doc, from: number, to: number): MentionOut | null {
  let best: MentionOut | null = null;
  for (const m of doc.mentions ?? []) {
    if (m.start < from || m.end > to || m.kind === "pronoun") continue;
    if (!best || m.end - m.start >= best.end - best.start) best = m;
  }
  // "the president of the European Council": an office is the head of its "of" phrase.
  for (const m of doc.mentions ?? []) {
    if (!best || m.kind !== "role" || m.start < from || m.end > best.start) continue;
    if (/^\s+of(\s+the)?\s+$/i.test(doc.text.slice(m.end, best.start))) return m;
  }
  return best;
}
