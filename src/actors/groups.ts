// Finder 5: groups named by nationality and kind — "Ukrainian officials", "American and
// Ukrainian officials" (two actors), "Chinese coast guard vessels", "Israeli troops" —
// and nationality words standing alone ("Russian control"), which name the country.
import type { FinderContext } from "./context.js";
import { cover, sameSentence } from "./context.js";
import { matchKbName } from "./matchNames.js";
import { draftOf, type Phrase } from "./knowledge.js";

export function findGroups(c: FinderContext): void {
  const { v, k, reg } = c;
  for (let i = 0; i < v.count; i++) {
    if (c.covered[i]) continue;
    const m = matchKbName(c, i, ["demonym", "name"]);
    if (!m) continue;
    const e = k.kb.entities.get(m.entry.entity)!;
    if (e.kind !== "country") continue;
    // Collect "A, B and C" nationality lists ending in a group noun.
    const members: Array<{ start: number; end: number; iso3: string; possessive: number }> = [{ start: i, end: m.end, iso3: e.country!, possessive: m.possessive }];
    let j = m.end;
    while (j < v.count && (v.word(j) === "," || v.is(j, "and", "or")) && sameSentence(c, i, j + 1)) {
      const next = matchKbName(c, j + 1, ["demonym", "name"]);
      const ne = next && k.kb.entities.get(next.entry.entity);
      if (!next || !ne || ne.kind !== "country") break;
      members.push({ start: j + 1, end: next.end, iso3: ne.country!, possessive: next.possessive });
      j = next.end;
    }
    const noun = groupNounAt(c, j);
    if (noun && sameSentence(c, i, j)) {
      const nounText = v.text.slice(v.start(j), v.end(j + noun.tokens.length - 1));
      members.forEach((mem, n) => {
        const country = k.kb.entities.get(`country:${mem.iso3}`)!;
        const label = `${v.text.slice(v.start(mem.start), v.end(mem.end - 1) - mem.possessive)} ${nounText}`;
        const draft = reg.ensure({ key: `group:${mem.iso3}:${noun.value}`, name: label, kind: "group", country: mem.iso3, sector: noun.value, code: `${mem.iso3}${noun.value}`, kb: null });
        const last = n === members.length - 1;
        reg.mention({ start: v.start(mem.start), end: last ? v.end(j + noun.tokens.length - 1) : v.end(mem.end - 1), key: draft.key, kind: last ? "name" : "demonym", token: mem.start });
        void country;
      });
      cover(c, i, j + noun.tokens.length);
      i = j + noun.tokens.length - 1;
      continue;
    }
    if (m.entry.kind !== "demonym" || members.length > 1 && !noun) {
      // Country names standing alone were taken by the name finder; only demonyms remain here.
      if (m.entry.kind !== "demonym") continue;
    }
    const draft = reg.ensure(draftOf(e, c.date));
    reg.mention({ start: v.start(i), end: v.end(m.end - 1) - m.possessive, key: draft.key, kind: "demonym", token: i });
    cover(c, i, m.end);
    i = m.end - 1;
  }
}

/** A group noun at token j, allowing one or two words between ("coast guard vessels", "security officials"). */
function groupNounAt(c: FinderContext, j: number): Phrase | null {
  for (let skip = 0; skip <= 2; skip++) {
    const at = j + skip;
    if (at >= c.v.count) return null;
    const list = c.k.groups.get(c.v.lower(at));
    for (const p of list ?? []) {
      let ok = at + p.tokens.length <= c.v.count;
      for (let t = 0; ok && t < p.tokens.length; t++) ok = c.v.lower(at + t) === p.tokens[t];
      if (ok) return skip === 0 ? p : { tokens: Array(skip).fill("").concat(p.tokens), value: p.value };
    }
    if (!c.v.isWord(at) || c.v.isCap(at)) return null;
  }
  return null;
}
