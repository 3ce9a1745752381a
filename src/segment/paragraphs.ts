// Paragraphs: a line break ends one, except a hard wrap inside running text (a line that
// stops mid-sentence followed by a line that starts in lower case). Ranges are trimmed of
// surrounding white space.
import type { Range } from "../model/index.js";
import { Cc, charClass } from "./charClass.js";

export function findParagraphs(text: string): Range[] {
  const out: Range[] = [];
  const n = text.length;
  let start = -1; // first non-space character of the open paragraph
  let lastNonSpace = -1;
  for (let i = 0; i < n; i++) {
    const cc = charClass(text.charCodeAt(i));
    if (cc === Cc.Newline) {
      if (start >= 0 && !isHardWrap(text, lastNonSpace, i)) {
        out.push([start, lastNonSpace + 1]);
        start = -1;
      }
      continue;
    }
    if (cc === Cc.Space) continue;
    if (start < 0) start = i;
    lastNonSpace = i;
  }
  if (start >= 0) out.push([start, lastNonSpace + 1]);
  return out;
}

/** A single line break after a non-final character, before a lower-case letter, is a wrap. */
function isHardWrap(text: string, lastNonSpace: number, newline: number): boolean {
  const endCc = charClass(text.charCodeAt(lastNonSpace));
  if (endCc !== Cc.Letter && endCc !== Cc.Upper && endCc !== Cc.Comma && endCc !== Cc.Digit) return false;
  let j = newline + 1;
  if (text.charCodeAt(newline) === 13 && text.charCodeAt(j) === 10) j++;
  const nextCc = charClass(text.charCodeAt(j));
  return nextCc === Cc.Letter; // lower-case start on the very next line (a blank line never wraps)
}
