// Paragraphs of the form "Name: text" — transcripts ("TAPPER: Do you think …"), interview
// questions ("Q: …"), headlines that attribute ("Sanders: Clinton email story has moved")
// — report the named source's words without a cue verb; annotators of reported speech
// (PolNeAR) mark the text after the colon as the content and the label as its speaker.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Doc } from "../model/index.js";
import type { Speaker } from "./speakerSpan.js";

export interface LabelledParagraph { start: number; end: number; speaker: Speaker; cue: number }

/** Words a speaker's label may hold at most: longer labels are headlines, not names. */
const MAX_LABEL_WORDS = 4;
/** Characters before a label's colon at most: the opening's blanks and its 60-character label. */
const MAX_OPENING = 200;
/** Words the text after the colon needs to be a statement (not "Clinton: 547"). */
const MIN_CONTENT_WORDS = 3;

export function loadParagraphLabels(dataDir: string): Set<string> {
  const raw = JSON.parse(readFileSync(path.join(dataDir, "quotes", "paragraph-labels.json"), "utf8")) as { notSpeakers: string[] };
  return new Set(raw.notSpeakers.map((w) => w.toLowerCase()));
}

/**
 * Each paragraph opening with a label of one to four capitalised words (none of them a
 * word that names no speaker) and a colon, with a statement after it. `cue` is the colon's
 * character offset. On the PolNeAR training split about six in ten such paragraphs are
 * annotated so; most of the rest are interview turns left unannotated.
 */
export function findLabelledParagraphs(doc: Doc, notSpeakers: ReadonlySet<string>): LabelledParagraph[] {
  const out: LabelledParagraph[] = [];
  const text = doc.text;
  // Sticky, read in place: copying each paragraph out would cost as much as the search.
  const opening = /([ \t]*)([^\n:]{1,60}?)[ \t]*:[ \t]+/y;
  // The first colon at or after each paragraph's start, found in one pass over the text
  // (paragraphs come in order): most paragraphs have none near their start, and then the
  // search is not tried.
  let colon = text.indexOf(":");
  for (const [ps, pe] of doc.paragraphs ?? []) {
    while (colon !== -1 && colon < ps) colon = text.indexOf(":", colon + 1);
    if (colon === -1) break;
    if (colon >= pe || colon - ps > MAX_OPENING) continue;
    opening.lastIndex = ps;
    const m = opening.exec(text);
    if (!m || ps + m[0].length >= pe) continue;
    const label = m[2];
    const words = label.split(/\s+/);
    if (words.length > MAX_LABEL_WORDS || /\d/.test(label)) continue;
    if (!words.every((w) => /^\p{Lu}/u.test(w)) || notSpeakers.has(words[0].toLowerCase())) continue;
    let end = pe;
    while (end > ps + m[0].length && /[\s.;,]/.test(text[end - 1])) end--;
    const start = ps + m[0].length;
    const content = text.slice(start, end);
    if ((content.match(/[\p{L}][\p{L}'’-]*/gu) ?? []).length < MIN_CONTENT_WORDS || /^[\d@]/.test(content)) continue;
    const labelStart = ps + m[1].length;
    const speakerMention = (doc.mentions ?? []).find((x) => x.start === labelStart && x.end === labelStart + label.length);
    out.push({
      start, end, cue: text.indexOf(":", labelStart + label.length),
      speaker: { actor: speakerMention?.actor ?? null, start: labelStart, end: labelStart + label.length, text: label, token: -1 },
    });
  }
  return out;
}
