// Finder 3: people the knowledge base lacks, recognised by how news introduces them —
// a title before the name ("Mr Okafor", "Gen. Halvorsen"), or a speech verb right after or
// before it ("Jay Tarriela said", "said Jay Tarriela").
import type { FinderContext } from "./context.js";
import { cover, ensureEntity, isFree, sameSentence } from "./context.js";
import { afterTitle, kbPersonByLooseName, matchKbName, readPersonName } from "./matchNames.js";
import { localPerson } from "./rolePhrases.js";
import { CUE, NOT_NAME, TITLE } from "./knowledge.js";
import { isKnownSurname } from "./surnames.js";

export function findSpeakerNames(c: FinderContext): void {
  const { v, k } = c;
  const { ids, caps } = v;
  let next = 0; // the token after the last mention found
  for (let x = 0; x < v.capitals.length; x++) {
    const i = v.capitals[x];
    if (i < next || c.covered[i] || !caps[i]) continue;
    const title = v.classes[i] & TITLE ? k.titleOf[ids[i]] : undefined;
    let nameStart = i;
    if (title) {
      nameStart = afterTitle(c, i);
    } else if (v.classes[i] & NOT_NAME) continue;
    const end = readPersonName(c, nameStart);
    if (end <= nameStart || !isFree(c, nameStart, end)) continue;
    const words = end - nameStart;
    // Without a title, a name of two words or more needs a speech verb next to it.
    if (!title && !(words >= 2 && (cueAfter(c, i, end) || cueBefore(c, i, end)))) continue;
    const kb = matchKbName(c, nameStart);
    if (kb) continue; // countries, organisations and known people were found already
    // "Mr Pashinyan" after "Nikol Pashinyan": the surname finder names him.
    if (title && words === 1 && isKnownSurname(c, nameStart)) continue;
    const name = v.text.slice(v.start(nameStart), v.end(end - 1) - v.possessive(end - 1));
    const known = kbPersonByLooseName(c, nameStart, end);
    const draft = known ? ensureEntity(c, known) : c.reg.ensure(localPerson(c, name, null, title?.sector ?? null, title?.gender));
    c.reg.mention({ start: v.start(i), end: v.end(end - 1) - v.possessive(end - 1), key: draft.key, kind: "name", token: i });
    cover(c, i, end);
    next = end;
  }
}

/** "Jay Tarriela said": a speech verb right after the name, in the same sentence. */
function cueAfter(c: FinderContext, i: number, end: number): boolean {
  return end < c.v.count && (c.v.classes[end] & CUE) !== 0 && sameSentence(c, end, i);
}

/** "said Jay Tarriela": a speech verb right before the name, which ends its clause. */
function cueBefore(c: FinderContext, i: number, end: number): boolean {
  const v = c.v;
  return i > 0 && (v.classes[i - 1] & CUE) !== 0 && sameSentence(c, i - 1, i) && (end >= v.count || !sameSentence(c, end, i) || [",", "."].includes(v.word(end)));
}
