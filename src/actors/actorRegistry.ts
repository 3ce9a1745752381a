// The document's actors: every finder registers what it found under a stable key
// ("kb:person:keir-starmer", "country:GBR", "group:USA:GOV", "local:jay-tarriela"); ids
// (a1, a2, …) are given afterwards in order of first mention, so output is deterministic.
import type { ActorKind, ActorOut, MentionKind } from "../model/index.js";

export interface ActorDraft {
  key: string;
  name: string;
  kind: ActorKind;
  country: string | null;
  sector: string | null;
  code: string | null;
  kb: string | null;
  gender?: "m" | "f";
}

export interface MentionDraft { start: number; end: number; key: string; kind: MentionKind; token: number }

export class ActorRegistry {
  readonly drafts = new Map<string, ActorDraft>();
  readonly mentions: MentionDraft[] = [];

  ensure(d: ActorDraft): ActorDraft {
    const old = this.drafts.get(d.key);
    if (old) {
      old.gender ??= d.gender;
      old.country ??= d.country;
      return old;
    }
    this.drafts.set(d.key, d);
    return d;
  }

  mention(m: MentionDraft): void { this.mentions.push(m); }

  /** Contract actors and mentions, ids by first mention. */
  finish(): { actors: ActorOut[]; mentions: Array<{ start: number; end: number; actor: string; kind: MentionKind }> } {
    // Sorted in place: the finders are done with the list.
    const ms = this.mentions;
    sortMentions(ms);
    const ids = new Map<string, string>();
    const actors: ActorOut[] = [];
    const mentions: Array<{ start: number; end: number; actor: string; kind: MentionKind }> = [];
    const keys: string[] = [];
    // One pass: an actor's id is given at its first mention, which is never a copy of another.
    for (const m of ms) {
      let id = ids.get(m.key);
      if (id === undefined) {
        const d = this.drafts.get(m.key)!;
        id = `a${actors.length + 1}`;
        ids.set(m.key, id);
        actors.push({ id, name: d.name, kind: d.kind, country: d.country, sector: d.sector, code: d.code, kb: d.kb });
      }
      // The same span for the same actor twice (found by two finders): the first stays.
      // Sorted by start, so an earlier copy is among the last mentions kept with this start.
      let copy = false;
      for (let j = mentions.length - 1; j >= 0 && mentions[j].start === m.start; j--) {
        if (mentions[j].end === m.end && keys[j] === m.key) { copy = true; break; }
      }
      if (copy) continue;
      mentions.push({ start: m.start, end: m.end, actor: id, kind: m.kind });
      keys.push(m.key);
    }
    return { actors, mentions };
  }
}

/** Up to this many mentions (nearly every document) sortMentions sorts by insertion. */
const INSERTION_SORT_MAX = 256;

/** Mention a comes before b: by start, the longer first, then by key. */
function before(a: MentionDraft, b: MentionDraft): boolean {
  return a.start !== b.start ? a.start < b.start : a.end !== b.end ? a.end > b.end : a.key < b.key;
}

/**
 * Sorts the mentions in place by start, the longer first, then by key; mentions alike in
 * all three keep the order they were found in (finish keeps the first). The list comes
 * in runs already sorted, one per finder, and an insertion sort, stable, with the
 * comparison written in, costs less than the built-in sort calling a comparator
 * function for every pair; long lists take the built-in sort. (Its comparator answers 1
 * both ways for mentions alike in all three; the built-in sort only asks whether an
 * answer is below 0, so it keeps those in their order too, as the insertion sort does.)
 */
function sortMentions(ms: MentionDraft[]): void {
  if (ms.length > INSERTION_SORT_MAX) {
    ms.sort((a, b) => a.start - b.start || b.end - a.end || (a.key < b.key ? -1 : 1));
    return;
  }
  for (let i = 1; i < ms.length; i++) {
    const x = ms[i];
    let j = i - 1;
    while (j >= 0 && before(x, ms[j])) { ms[j + 1] = ms[j]; j--; }
    ms[j + 1] = x;
  }
}
