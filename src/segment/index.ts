// The segment stage: paragraphs, sentences and tokens, all as offsets into the text.
import type { Doc, Range } from "../model/index.js";
import type { TokenTable } from "../model/tokens.js";
import type { Stage } from "../pipeline.js";
import { findParagraphs } from "./paragraphs.js";
import { tokenize } from "./tokenize.js";
import { splitSentences } from "./sentences.js";
import { loadAbbreviations, type AbbreviationLists } from "./abbreviations.js";

export { tokenize } from "./tokenize.js";
export { findParagraphs } from "./paragraphs.js";

export interface Segmentation {
  paragraphs: Range[];
  sentences: Range[];
  tokens: TokenTable;
}

export function segment(text: string, abbr: AbbreviationLists): Segmentation {
  const paragraphs = findParagraphs(text);
  const tok = tokenize(text);
  const sentenceStarts: number[] = [];
  let t = 0;
  for (const [ps, pe] of paragraphs) {
    while (t < tok.count && tok.starts[t] < ps) t++;
    let u = t;
    while (u < tok.count && tok.starts[u] < pe) u++;
    splitSentences(text, tok, t, u, abbr, sentenceStarts);
    t = u;
  }
  const sentences: Range[] = new Array(sentenceStarts.length);
  const sentenceTokenStart = new Uint32Array(sentenceStarts.length + 1);
  for (let s = 0; s < sentenceStarts.length; s++) {
    const first = sentenceStarts[s];
    const afterLast = s + 1 < sentenceStarts.length ? sentenceStarts[s + 1] : tok.count;
    sentences[s] = [tok.starts[first], tok.ends[afterLast - 1]];
    sentenceTokenStart[s] = first;
  }
  sentenceTokenStart[sentenceStarts.length] = tok.count;
  const tokens: TokenTable = {
    count: tok.count,
    starts: tok.starts.subarray(0, tok.count),
    ends: tok.ends.subarray(0, tok.count),
    kinds: tok.kinds.subarray(0, tok.count),
    sentenceTokenStart,
  };
  return { paragraphs, sentences, tokens };
}

export function createSegmentStage(dataDir: string): Stage {
  const abbr = loadAbbreviations(dataDir);
  return {
    name: "segment",
    run(doc: Doc) {
      const s = segment(doc.text, abbr);
      doc.paragraphs = s.paragraphs;
      doc.sentences = s.sentences;
      doc.tokens = s.tokens;
    },
  };
}
