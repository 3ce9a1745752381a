// Sentence and token boundaries, table-driven: text in, sentences out.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createPipeline } from "../src/pipeline.js";
import { TokenKind } from "../src/model/tokens.js";
import { needsShared, seedPath } from "./helpers.js";

const pipeline = createPipeline();
const sentencesOf = (text: string) => {
  const doc = pipeline.run({ text, id: "t" });
  return doc.sentences!.map(([s, e]) => text.slice(s, e));
};

const CASES: Array<[string, string, string[]]> = [
  ["plain", "The talks ended. Both sides left Geneva.", ["The talks ended.", "Both sides left Geneva."]],
  ["closing quote ends after the mark", "He said: “We must agree to a ceasefire now.” The minister left.",
    ["He said: “We must agree to a ceasefire now.”", "The minister left."]],
  ["quote then lower-case attribution stays one sentence", "“Stop the shelling!” she said. Talks resume today.",
    ["“Stop the shelling!” she said.", "Talks resume today."]],
  ["straight quotes", "\"It is over,\" he said. \"We are going home.\"", ["\"It is over,\" he said.", "\"We are going home.\""]],
  ["titles", "Mr. Smith met Dr. Jones and Gen. Halvorsen in Oslo. They agreed.",
    ["Mr. Smith met Dr. Jones and Gen. Halvorsen in Oslo.", "They agreed."]],
  ["dotted abbreviation inside a sentence", "The U.S. Senate voted on the U.N. resolution. It passed.",
    ["The U.S. Senate voted on the U.N. resolution.", "It passed."]],
  ["dotted abbreviation ending a sentence", "Troops returned to the U.S. The deployment ended.",
    ["Troops returned to the U.S.", "The deployment ended."]],
  ["initials", "J. D. Vance spoke at 10 a.m. on Tuesday. Later he flew home.",
    ["J. D. Vance spoke at 10 a.m. on Tuesday.", "Later he flew home."]],
  ["month and number abbreviations", "The attacks of Sept. 11 changed No. 10 too. Nobody forgot.",
    ["The attacks of Sept. 11 changed No. 10 too.", "Nobody forgot."]],
  ["decimals and thousands", "Aid rose 3.5% to $1.5 billion for 10,000 families. Donors paid.",
    ["Aid rose 3.5% to $1.5 billion for 10,000 families.", "Donors paid."]],
  ["ellipsis mid-sentence and at a break", "We waited… and waited. Nothing came... Then the convoy arrived.",
    ["We waited… and waited.", "Nothing came...", "Then the convoy arrived."]],
  ["brackets", "“[Donald] Trump has proposed it,” he said. (Officials declined to comment.) The vote is Monday.",
    ["“[Donald] Trump has proposed it,” he said.", "(Officials declined to comment.)", "The vote is Monday."]],
  ["question and exclamation", "Who will pay? Not us! The ministry said so.", ["Who will pay?", "Not us!", "The ministry said so."]],
  ["dashes do not split", "He can’t simply say it – he has to prove it — today. Yes.", ["He can’t simply say it – he has to prove it — today.", "Yes."]],
  ["paragraphs always split", "First paragraph without a stop\nSecond one.", ["First paragraph without a stop", "Second one."]],
  ["hard-wrapped line joins", "The envoy said the talks would\ncontinue next week. Both agreed.", ["The envoy said the talks would\ncontinue next week.", "Both agreed."]],
  ["guillemets", "« Nous refusons », a déclaré le ministre. Fin.", ["« Nous refusons », a déclaré le ministre.", "Fin."]],
  ["single quotes", "He called it ‘a test’. Then he left.", ["He called it ‘a test’.", "Then he left."]],
];

for (const [name, text, expected] of CASES) {
  test(`sentences: ${name}`, () => assert.deepEqual(sentencesOf(text), expected));
}

test("tokens: words keep apostrophes, hyphens and dotted abbreviations; quotes are typed", () => {
  const text = "“Ukraine’s 30-day U.S. plan,” he said.";
  const doc = pipeline.run({ text, id: "t" });
  const t = doc.tokens!;
  const toks = Array.from({ length: t.count }, (_, i) => [text.slice(t.starts[i], t.ends[i]), t.kinds[i]]);
  assert.deepEqual(toks, [
    ["“", TokenKind.QuoteOpen], ["Ukraine’s", TokenKind.Word], ["30-day", TokenKind.Number], ["U.S.", TokenKind.Word],
    ["plan", TokenKind.Word], [",", TokenKind.Punct], ["”", TokenKind.QuoteClose], ["he", TokenKind.Word],
    ["said", TokenKind.Word], [".", TokenKind.Punct],
  ]);
  assert.deepEqual(Array.from(t.sentenceTokenStart), [0, t.count]);
});

test("paragraphs are trimmed line ranges", () => {
  const text = "  One.  \n\n Two.\r\nThree.";
  const doc = pipeline.run({ text, id: "t" });
  assert.deepEqual(doc.paragraphs!.map(([s, e]) => text.slice(s, e)), ["One.", "Two.", "Three."]);
});

// The seed article: every boundary is the one a careful reader draws. Boundaries are given
// as offsets so the article's text is not copied here.
test("seed article sentence boundaries", { skip: needsShared() }, () => {
  const text = readFileSync(seedPath, "utf8");
  const doc = pipeline.run({ text, id: "seed" });
  const starts = doc.sentences!.map(([s]) => s);
  assert.deepEqual(starts, [0, 183, 420, 597, 737, 851, 971, 1111, 1260, 1444, 1635, 1760, 1832, 1978, 2180, 2272, 2373,
    2538, 2732, 2843, 2956, 3188, 3239, 3310, 3549, 3670, 3768, 3929]);
  // Each sentence ends on its final punctuation (after a closing quotation mark when there is one).
  for (const [s, e] of doc.sentences!) assert.match(text.slice(s, e), /[.!?…][”’"]?$/);
});
