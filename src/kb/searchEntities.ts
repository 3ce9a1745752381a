// Finding entities by name for `parley kb search` / `show`: case and diacritics do not
// matter, and every word of the query must begin a different word of one of the entity's
// names ("keir", "starm", "ki moon", "zelensk" all find someone). Best matches first:
// the whole name, then names that start with the query, then whole words, then prefixes;
// among equals, an entity's own name before an alias, then the entity that owns a shared name.
import type { Entity, KnowledgeBase } from "./types.js";
import { foldName, nameWords } from "./nameFold.js";

export interface SearchHit {
  entity: Entity;
  /** 5 id, 4 whole name, 3 name starts with the query, 2 every query word a whole word, 1 prefixes. */
  score: number;
  /** The name that matched best. */
  matched: string;
}

export function searchEntities(kb: KnowledgeBase, query: string, kinds?: ReadonlySet<string>): SearchHit[] {
  const q = nameWords(query);
  const hits: SearchHit[] = [];
  const id = query.trim();
  for (const e of kb.entities.values()) {
    if (kinds && !kinds.has(e.kind)) continue;
    if (e.id === id) { hits.push({ entity: e, score: 5, matched: e.name }); continue; }
    if (q.length === 0) continue;
    let best = 0, matched = "";
    // Demonyms and capitals stand for a country in text ("British", "Moscow said"), so they find it too.
    for (const n of [...e.names, ...(e.demonyms ?? []), ...(e.capitals ?? [])]) {
      const s = nameScore(q, nameWords(n));
      // Among equal scores the canonical name (listed first) is the one to show.
      if (s > best) { best = s; matched = n; }
    }
    if (best > 0) hits.push({ entity: e, score: best, matched });
  }
  const canonical = (h: SearchHit) => (h.matched === h.entity.name ? 1 : 0);
  return hits.sort((a, b) => b.score - a.score
    || canonical(b) - canonical(a)
    || (b.entity.priority ?? 0) - (a.entity.priority ?? 0)
    || (foldName(a.entity.name) < foldName(b.entity.name) ? -1 : foldName(a.entity.name) > foldName(b.entity.name) ? 1 : 0)
    || (a.entity.id < b.entity.id ? -1 : 1));
}

function nameScore(q: readonly string[], words: readonly string[]): number {
  if (words.length === 0 || q.length > words.length) return 0;
  if (q.length === words.length && q.every((w, i) => w === words[i])) return 4;
  if (q.every((w, i) => (i < q.length - 1 ? words[i] === w : words[i].startsWith(w)))) return 3;
  if (assign(q, words, (a, b) => a === b)) return 2;
  if (assign(q, words, (a, b) => b.startsWith(a))) return 1;
  return 0;
}

/** Whether each query word can take a different name word it matches (names are short: a greedy pass, longest query words first, suffices). */
function assign(q: readonly string[], words: readonly string[], fits: (qw: string, w: string) => boolean): boolean {
  const used = new Array<boolean>(words.length).fill(false);
  for (const w of [...q].sort((a, b) => b.length - a.length)) {
    const i = words.findIndex((x, j) => !used[j] && fits(w, x));
    if (i < 0) return false;
    used[i] = true;
  }
  return true;
}
