// ActorRegistry.finish orders mentions by start, the longer first, then by key, and keeps
// the first found of two alike in all three (finders may find one span twice): its own
// sort must give the order the built-in sort with the original comparator gives, for
// short lists (sorted by insertion) and long ones.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ActorRegistry, type MentionDraft } from "../src/actors/actorRegistry.js";

function reference(drafts: Array<[string, string]>, mentions: MentionDraft[]) {
  const ms = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end || (a.key < b.key ? -1 : 1));
  const ids = new Map<string, string>();
  const out: Array<{ start: number; end: number; actor: string; kind: string }> = [];
  const seen = new Set<string>();
  for (const m of ms) {
    if (!ids.has(m.key)) ids.set(m.key, `a${ids.size + 1}`);
    const span = `${m.start}:${m.end}:${m.key}`;
    if (seen.has(span)) continue;
    seen.add(span);
    out.push({ start: m.start, end: m.end, actor: ids.get(m.key)!, kind: m.kind });
  }
  return { ids: [...ids].map(([key, id]) => `${id}=${drafts.find(([k]) => k === key)![1]}`), out };
}

test("finish orders mentions as the built-in sort with the original comparator does, copies kept first-found", () => {
  let seed = 7;
  const rand = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
  const kinds = ["name", "role", "place", "demonym", "pronoun"] as const;
  for (const n of [0, 1, 5, 40, 255, 256, 257, 600]) {
    for (let round = 0; round < 5; round++) {
      const reg = new ActorRegistry();
      const drafts: Array<[string, string]> = [];
      for (let a = 0; a < 6; a++) {
        const key = `k${a}`;
        drafts.push([key, `Actor ${a}`]);
        reg.ensure({ key, name: `Actor ${a}`, kind: "person", country: null, sector: null, code: null, kb: null });
      }
      const mentions: MentionDraft[] = [];
      for (let m = 0; m < n; m++) {
        // Few starts and ends, so that many mentions tie on start, on end and on everything.
        const start = rand(Math.max(2, n / 4)), end = start + 1 + rand(3);
        mentions.push({ start, end, key: `k${rand(6)}`, kind: kinds[rand(kinds.length)], token: start });
      }
      for (const m of mentions) reg.mention(m);
      const got = reg.finish();
      const want = reference(drafts, mentions);
      assert.deepEqual(got.mentions, want.out, `n=${n} round ${round}`);
      assert.deepEqual(got.actors.map((a) => `${a.id}=${a.name}`), want.ids, `n=${n} round ${round}`);
    }
  }
});
