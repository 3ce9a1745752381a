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
    const ms = this.mentions.sort((a, b) => a.start - b.start || b.end - a.end || (a.key < b.key ? -1 : 1));
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
