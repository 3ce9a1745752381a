// Who reports each content span the tagger found, and through which cue: a reported-speech
// finding that covers the span lends its own; otherwise the nearest likely cue before the
// span in its sentence ("X said CONTENT", "X called for CONTENT") or, failing that, after it
// ("CONTENT, X said"), with that cue's subject.
import type { QuoteContext } from "./quoteContext.js";
import type { ContentSpan } from "./contentTagger.js";
import type { Attribution } from "./attributions.js";
import { cueBucket } from "./contentFeatures.js";
import { cueSpeaker, subjectAfter, subjectBefore, type Speaker } from "./speakerSpan.js";

export interface AttributedContent extends ContentSpan {
  speaker: Speaker | null;
  cue: number | null;
}

function isCue(c: QuoteContext, rates: ReadonlyMap<string, number>, i: number): boolean {
  const w = c.v.lower(i);
  return c.inMarks[i] < 0 && (c.cues.forms.has(w) || w === "according" || cueBucket(rates, w) >= 3);
}

export function attributeContent(c: QuoteContext, spans: ContentSpan[], rates: ReadonlyMap<string, number>, reported: Attribution[]): AttributedContent[] {
  const t = c.doc.tokens!;
  const out: AttributedContent[] = [];
  for (const sp of spans) {
    // A reported-speech finding whose content overlaps most of this span.
    let best: Attribution | null = null, bestOverlap = 0;
    for (const a of reported) {
      const o = Math.min(a.to, sp.to) - Math.max(a.from, sp.from) + 1;
      if (o > bestOverlap) { best = a; bestOverlap = o; }
    }
    if (best && bestOverlap * 2 >= sp.to - sp.from + 1) { out.push({ ...sp, speaker: best.speaker, cue: best.cue }); continue; }
    const s = c.sentenceOf[sp.from];
    const ss = t.sentenceTokenStart[s], se = t.sentenceTokenStart[s + 1] - 1;
    let speaker: Speaker | null = null, cue: number | null = null;
    for (let k = sp.from - 1; k >= ss && !speaker; k--) {
      if (!isCue(c, rates, k)) continue;
      speaker = c.v.lower(k) === "according" ? subjectAfter(c, k + 1) : cueSpeaker(c, k) ?? subjectAfter(c, k);
      if (speaker) cue = k;
    }
    for (let k = sp.to + 1; k <= se && !speaker; k++) {
      if (!isCue(c, rates, k)) continue;
      speaker = c.v.lower(k) === "according" ? subjectAfter(c, k + 1) : subjectBefore(c, k) ?? subjectAfter(c, k);
      if (speaker && speaker.token <= sp.to) speaker = subjectAfter(c, k);
      if (speaker) cue = k;
    }
    out.push({ ...sp, speaker, cue });
  }
  return out;
}
