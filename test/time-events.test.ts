// Time expressions against a fixed publication date, and events: sentence in, coded
// events out.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createPipeline } from "../src/pipeline.js";

const pipeline = createPipeline();

const TIMES: Array<[string, string, string, string[]]> = [
  ["past weekday looks back", "2025-03-16", "The ministers met on Saturday.", ["on Saturday=2025-03-15"]],
  ["future weekday looks forward", "2025-03-16", "Military chiefs would meet in London on Thursday.", ["on Thursday=2025-03-20"]],
  ["a Sunday paper's last week is the week just ending", "2025-03-16", "Talks were held last week.", ["last week=2025-W11"]],
  ["last week on a weekday", "2025-03-12", "Talks were held last week.", ["last week=2025-W10"]],
  ["overnight and yesterday", "2024-02-29", "Drones struck overnight after shelling yesterday.", ["overnight=2024-02-29", "yesterday=2024-02-28"]],
  ["months", "2024-02-10", "Prices rose earlier this month and will fall next month.", ["earlier this month=2024-02", "next month=2024-03"]],
  // A year is coarser than any granularity the contract allows: no value, and its words are not read as a month.
  ["years are not given values", "2019-05-01", "Trump withdrew from the deal last year and will decide next year.", []],
  // Words that are properties of every JavaScript object are not months or weekdays.
  ["no false dates from object keys", "2024-05-01", "The Constructor 3 team met in Valueof 2020 and Hasownproperty.", []],
  ["explicit dates", "2024-05-01", "The vote on March 3 followed the accord of 3 January 2023 and talks in June.", ["March 3=2024-03-03", "3 January 2023=2023-01-03", "June=2023-06"]],
];

for (const [name, published, text, expected] of TIMES) {
  test(`time: ${name}`, () => {
    const doc = pipeline.analyze({ text, published });
    assert.deepEqual(doc.times!.map((t) => `${t.text}=${t.value}`), expected);
  });
}

function events(text: string, published = "2025-03-16"): string[] {
  const doc = pipeline.analyze({ text, published });
  const actor = new Map(doc.actors!.map((a) => [a.id, a.country ?? a.name]));
  return doc.events!.map((e) => `${e.source ? actor.get(e.source) : "-"} ${e.type}/${e.cameo} ${e.target ? actor.get(e.target) : "-"} ${e.modality} ${e.date}${e.location ? " @" + e.location.country : ""}${e.sources ? " [" + e.sources.map((s) => actor.get(s)).join("+") + "]" : ""}`);
}

const EVENTS: Array<[string, string, string[]]> = [
  ["accusation with object", "Emmanuel Macron accused Vladimir Putin of lying on Saturday.", ["FRA ACCUSE/112 RUS asserted 2025-03-15"]],
  ["reciprocal attacks of a compound subject", "Both Israel and Iran launched missile attacks overnight.",
    ["ISR ASSAULT/195 IRN asserted 2025-03-16", "IRN ASSAULT/195 ISR asserted 2025-03-16"]],
  ["negated rejection target after a preposition", "Recep Tayyip Erdoğan ruled out sending troops to Syria.", ["TUR REJECT/120 SYR asserted 2025-03-16"]],
  ["planned meeting with a place", "Antony Blinken will meet Wang Yi in Beijing on Friday.", ["USA AGREE/036 CHN planned 2025-03-21 @CHN"]],
  ["negation", "Japan did not condemn China.", ["JPN ACCUSE/111 CHN negated 2025-03-16"]],
  ["sanctions (the PLOVER manual: SANCTION)", "The European Union imposed sanctions on Iran.", ["European Union SANCTION/163 IRN asserted 2025-03-16"]],
  ["reported accusation", "Volodymyr Zelenskyy said Russia was playing for time.", ["UKR ACCUSE/112 RUS reported 2025-03-16"]],
  // Subjects: past adverbials and time expressions, appositions, prepositional phrases, speaker pronouns.
  ["subject before adverbials and a weekday", "Chile on Tuesday again condemned Peru.", ["CHL ACCUSE/111 PER asserted 2025-03-11"]],
  ["subject before an apposition", "Norway, a long-time mediator, criticised Israel.", ["NOR ACCUSE/111 ISR asserted 2025-03-16"]],
  ["subject in a prepositional phrase (and the place before the verb)", "Rebels in Mali attacked a convoy.", ["MLI ASSAULT/190 - asserted 2025-03-16 @MLI"]],
  ["coordinated modifiers are a reciprocal pair", "Greek and Turkish officials agreed to resume talks.", ["GRC AGREE/030 TUR asserted 2025-03-16"]],
  ["a speaker's 'it' is the speaker", "Japan said it had halted economic aid to Myanmar.", ["JPN SANCTION/162 MMR reported 2025-03-16"]],
  ["compound actor, one PLOVER event", "The United States and Britain accused Iran of piracy.", ["USA ACCUSE/112 IRN asserted 2025-03-16 [USA+GBR]"]],
  // Event nouns and complements.
  ["light verb gives the noun its actor", "Kenya issued an ultimatum to Somalia.", ["KEN THREATEN/130 SOM asserted 2025-03-16"]],
  ["the rejected offer is no event of its own", "Egypt rejected an Israeli offer to hold talks.", ["EGY REJECT/120 ISR asserted 2025-03-16"]],
  ["reported obligation is a request", "The Indian foreign minister said Pakistan must stop the attacks.", ["IND REQUEST/100 PAK reported 2025-03-16"]],
  // The PLOVER manual's intentions and refusals.
  ["future aid is AGREE", "Canada will send aid to Haiti.", ["CAN AGREE/033 HTI planned 2025-03-16"]],
  ["future sanctions are THREATEN", "Germany will impose sanctions on Iran.", ["DEU THREATEN/131 IRN planned 2025-03-16"]],
  ["announced withdrawal is CONCEDE", "France announced it will withdraw its troops from Mali.", ["FRA CONCEDE/035 MLI planned 2025-03-16"]],
  ["refused concession is REJECT", "Hungary said it will not accept the refugees.", ["HUN REJECT/124 - negated 2025-03-16"]],
  // The noun "strike" is a labour strike, unless an armed force strikes.
  ["strikes by an armed force are force", "The Israeli military launched strikes on Lebanon.", ["ISR ASSAULT/190 LBN asserted 2025-03-16"]],
];

for (const [name, text, expected] of EVENTS) test(`events: ${name}`, () => assert.deepEqual(events(text), expected));
