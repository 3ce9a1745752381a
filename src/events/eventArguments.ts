// Source and target of a trigger. The source is the subject before the verb, with its
// coordinated partners ("both Russia and Ukraine launched"), or the agent after "by" in a
// passive; the target is the first actor after the trigger in its clause ("accused Putin",
// "ruled out ceding territory to Russia").
import type { EventContext } from "./eventContext.js";
import { same } from "./eventContext.js";

const BETWEEN = new Set(["has", "had", "have", "so", "far", "also", "not", "n't", "did", "does", "do", "would", "will", "could", "can", "should", "must", "may", "might", "been", "is", "was", "were", "are", "be", "reportedly", "jointly", "repeatedly", "never", "already", "then", "only", "again", "formally", "publicly", "later", "once", "just", "still", "yet", "now", "first", "both", "each", "all", "officially", "unanimously", "swiftly", "quickly", "strongly", "sharply"]);
const CLAUSE_END = new Set([",", ";", ":", ".", "that", "who", "which", "while", "but", "because", "after", "before", "as", "when", "where", "“", "”", "\"", "if", "unless", "saying", "said", "(", ")", "–", "—"]);

export interface Arguments { sources: number[]; target: number | null; subjectToken: number | null }

/** Mention index of the actor mentioned at token j, or -1. */
function mentionOf(c: EventContext, j: number): number {
  return j >= 0 && j < c.v.count ? c.mentionAt[j] : -1;
}

export function subjectsBefore(c: EventContext, trigger: number): { mentions: number[]; token: number | null } {
  const { v } = c;
  let j = trigger - 1;
  while (j >= 0 && same(c, j, trigger) && BETWEEN.has(v.lower(j))) j--;
  // "the UK foreign secretary, David Lammy, also taunted": the subject's apposition ends in a comma.
  if (v.word(j) === "," && j < trigger - 1 && mentionOf(c, j - 1) >= 0) j--;
  const first = mentionOf(c, j);
  if (first < 0) return { mentions: [], token: null };
  const mentions = [first];
  // Walk left over the mention, then over "and" / "," + further mentions.
  let k = j;
  while (k - 1 >= 0 && c.mentionAt[k - 1] === first) k--;
  let token = k;
  while (k - 2 >= 0 && same(c, k - 2, trigger) && (v.is(k - 1, "and", "or") || v.word(k - 1) === ",")) {
    const m = mentionOf(c, k - 2);
    if (m < 0 || mentions.includes(m)) break;
    mentions.unshift(m);
    k -= 2;
    while (k - 1 >= 0 && c.mentionAt[k - 1] === m) k--;
    token = k;
  }
  return { mentions, token };
}

export function targetAfter(c: EventContext, from: number, exclude: ReadonlySet<string>): number | null {
  const { v } = c;
  for (let j = from; j < v.count && j < from + 12 && same(c, j, from); j++) {
    if (CLAUSE_END.has(v.lower(j)) && j > from) return null;
    const m = c.mentionAt[j];
    if (m >= 0 && !exclude.has(c.doc.mentions![m].actor)) return m;
  }
  return null;
}

/** "X was attacked by Y": the agent after "by" and the subject as target. */
export function passive(c: EventContext, trigger: number): { source: number | null; target: number | null } | null {
  const { v } = c;
  if (!v.is(trigger - 1, "was", "were", "been", "be", "is", "are") || !/ed$/.test(v.lower(trigger))) return null;
  let source: number | null = null;
  for (let j = trigger + 1; j < trigger + 8 && same(c, j, trigger); j++) {
    if (v.is(j, "by") && c.mentionAt[j + 1] >= 0) { source = c.mentionAt[j + 1]; break; }
  }
  const subj = subjectsBefore(c, trigger - 1);
  return { source, target: subj.mentions[0] ?? null };
}
