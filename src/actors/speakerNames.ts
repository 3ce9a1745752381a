// Finder 3: people the knowledge base lacks, recognised by how news introduces them —
// a title before the name ("Mr Okafor", "Gen. Halvorsen"), or a speech verb right after or
// before it ("Jay Tarriela said", "said Jay Tarriela").
import type { FinderContext } from "./context.js";
import { cover, isFree, sameSentence } from "./context.js";
import { matchKbName, readPersonName } from "./matchNames.js";
import { localPerson } from "./rolePhrases.js";

export function findSpeakerNames(c: FinderContext): void {
  const { v, k } = c;
  for (let i = 0; i < v.count; i++) {
    if (c.covered[i] || !v.isCap(i)) continue;
    const title = k.kb.titles.get(v.lower(i)) ?? k.kb.titles.get(v.lower(i) + ".");
    let nameStart = i;
    if (title) {
      nameStart = i + 1;
      if (v.word(nameStart) === "." && v.touches(i, nameStart)) nameStart++;
    } else if (k.notNames.has(v.lower(i))) continue;
    const end = readPersonName(c, nameStart);
    if (end <= nameStart || !isFree(c, nameStart, end)) continue;
    const kb = matchKbName(c, nameStart);
    if (kb) continue; // countries, organisations and known people were found already
    const words = end - nameStart;
    const cueAfter = c.cueForms.has(v.lower(end)) && sameSentence(c, end, i);
    const cueBefore = c.cueForms.has(v.lower(i - 1)) && sameSentence(c, i - 1, i) && (end >= v.count || !sameSentence(c, end, i) || [",", "."].includes(v.word(end)));
    if (!title && !(words >= 2 && (cueAfter || cueBefore))) continue;
    const name = v.text.slice(v.start(nameStart), v.end(end - 1) - v.possessive(end - 1));
    const draft = c.reg.ensure(localPerson(c, name, null, title?.sector ?? null, title?.gender));
    c.reg.mention({ start: v.start(i), end: v.end(end - 1) - v.possessive(end - 1), key: draft.key, kind: "name", token: i });
    cover(c, i, end);
    i = end - 1;
  }
}
