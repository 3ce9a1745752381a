// Finder 4: a person named in full once is then named by surname ("Starmer", "Mr Lammy").
// Only after the first full mention, and only for capitalised words not taken already.
// A surname the article never gave in full names a person of the knowledge base only
// when exactly one person known by it is in office on the article's date ("Trump said"
// in 2025, "President Tebboune"): news names sitting leaders by surname alone.
import type { FinderContext } from "./context.js";
import { cover, ensureEntity } from "./context.js";
import { soleSitting, surnameOf } from "./knowledge.js";
import { stableOrder } from "./stableOrder.js";

export function findSurnames(c: FinderContext): void {
  const { v, reg, k } = c;
  // surname (lower case) -> [key, first full mention offset]; a surname two people share is dropped.
  const bySurname = new Map<string, { key: string; from: number } | null>();
  const firsts = new Map<string, number>();
  for (const m of reg.mentions) {
    const first = firsts.get(m.key);
    if (first === undefined || first > m.start) firsts.set(m.key, m.start);
  }
  const keys = [...firsts.keys()], froms = [...firsts.values()];
  for (const at of stableOrder(froms, c.scratch)) {
    const key = keys[at], from = froms[at];
    const d = reg.drafts.get(key)!;
    if (d.kind !== "person" || !key.startsWith("kb:") && !key.startsWith("local:")) continue;
    const lasts = d.kb ? k.surnames.get(d.kb)! : [surnameOf(d.name, k.notNames)];
    for (const last of lasts) {
      if (last === null) continue;
      const old = bySurname.get(last);
      if (old === undefined) bySurname.set(last, { key, from });
      else if (old && old.key !== key) bySurname.set(last, null);
    }
  }
  if (bySurname.size === 0) { findOfficeHolderSurnames(c); return; }
  // Surnames the knowledge has a word id for are looked up by the token's id; only the
  // others need the token's text.
  const byId = new Map<number, { key: string; from: number } | null>();
  const byText = new Map<string, { key: string; from: number } | null>();
  for (const [last, hit] of bySurname) {
    const id = k.words.id(last);
    if (id) byId.set(id, hit); else byText.set(last, hit);
  }
  for (let x = 0; x < v.capitals.length; x++) {
    const i = v.capitals[x];
    if (c.covered[i]) continue;
    const stem = v.stemIds[i];
    const hit = stem ? byId.get(stem) : byText.size ? byText.get(v.stemLower(i)) : undefined;
    if (!hit || v.start(i) < hit.from) continue;
    reg.mention({ start: startWithTitle(c, i), end: v.end(i) - v.possessive(i), key: hit.key, kind: "name", token: i });
    cover(c, i, i + 1);
  }
  findOfficeHolderSurnames(c);
}

function findOfficeHolderSurnames(c: FinderContext): void {
  const { v, reg, k } = c;
  for (let x = 0; x < v.capitals.length; x++) {
    const i = v.capitals[x];
    if (c.covered[i] || (i + 1 < v.count && v.isCap(i + 1))) continue;
    // Asked first: most capitalised words are nobody's surname, and this reads no text.
    const person = soleSitting(k.peopleBySurnameId[v.stemIds[i]], c.date);
    if (!person) continue;
    // "protested Friday against …": a weekday or month is a surname only after a title ("Prime Minister Friday").
    if (k.calendarWords.has(v.lower(i)) && startWithTitle(c, i) === v.start(i)) continue;
    reg.mention({ start: startWithTitle(c, i), end: v.end(i) - v.possessive(i), key: ensureEntity(c, person).key, kind: "name", token: i });
    cover(c, i, i + 1);
  }
}

/** "Mr Lammy": a title just before a surname belongs to the mention. */
function startWithTitle(c: FinderContext, i: number): number {
  const { v, k } = c;
  return i > 0 && !c.covered[i - 1] && k.kb.titles.has(v.lower(i - 1).replace(/\.$/, "")) ? v.start(i - 1) : v.start(i);
}
