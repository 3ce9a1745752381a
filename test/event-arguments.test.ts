// Who acts on whom: the mechanisms that find an event's source and target (coordinated
// verbs, coordinated objects, words that are no actor), sentence in, coded events out.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createPipeline } from "../src/pipeline.js";

const pipeline = createPipeline();

function events(text: string, published: string | null = "2025-03-16"): string[] {
  const doc = pipeline.analyze({ text, published });
  const actor = new Map(doc.actors!.map((a) => [a.id, a.country ?? a.name]));
  return doc.events!.map((e) => `${e.source ? actor.get(e.source) : "-"} ${e.type}/${e.cameo} ${e.target ? actor.get(e.target) : "-"}${e.sources ? " [" + e.sources.map((s) => actor.get(s)).join("+") + "]" : ""}`);
}

const CASES: Array<[string, string, string[]]> = [
  // The second verb of "V1 … and V2" has the first one's subject; the first verb's object
  // search stops where the second verb phrase starts.
  ["coordinated verb shares the subject, not the object", "Kenya recalled its ambassador on Tuesday and accused Somalia of meddling.",
    ["KEN SANCTION/161 -", "KEN ACCUSE/112 SOM"]],
  ["coordinated verb after modals", "The European Union would review its aid programmes and would hold talks with Ethiopia.",
    ["European Union AGREE/036 ETH"]],
  ["coordinated verb of a compound subject", "Britain and France signed the treaty and praised Germany.", ["GBR SUPPORT/051 DEU [GBR+FRA]"]],
  ["coordinated verb after a present form", "Kenya expresses its deep sympathy for the victims and condemns the attack by Somalia.", ["KEN ACCUSE/111 SOM"]],
  ["compound subject with a determiner in its second conjunct", "Kenya and the United States on Wednesday signed an agreement on trade.", ["KEN SUPPORT/057 - [KEN+USA]"]],
  // A plural after a participle ("renewed sanctions") is a noun, here the object of a light verb.
  ["participle before a plural noun trigger", "Kenya recalled its envoy and announced renewed sanctions against Somalia.", ["KEN SANCTION/163 SOM"]],
  // A statement's content is its issuer's event, also with a time between noun and participle.
  ["statement, time, participle", "Andrzej Duda, the president of Poland, issued a statement Monday calling on the Czech government to act.", ["POL REQUEST/100 CZE"]],
  // An irregular past form is a verb even where its lemma is also a noun trigger (strike).
  ["irregular past of a verb that is also an event noun", "Ethiopian government forces have struck a rebel camp.", ["ETH ASSAULT/195 -"]],
  ["adverb before a participle", "Japan is once again sending aid to Nepal.", ["JPN AID/070 NPL"]],
  ["quantifier between light verb and event noun", "The Kenyan air force carried out at least four air strikes near the border.", ["KEN ASSAULT/195 -"]],
  ["intensify as a light verb", "The Turkish army intensified its bombardment of rebel villages.", ["TUR ASSAULT/194 -"]],
  // A passive told with a place or time is a passive ("were arrested in Uganda"), and without
  // an agent the state where an arrest or expulsion happened is its source.
  ["agentless passive arrest: the state where it happened acts", "Two Kenyan journalists were arrested in Uganda.", ["UGA COERCE/173 KEN"]],
  ["agentless passive expulsion", "Two Kenyan journalists were expelled from Uganda.", ["UGA SANCTION/1663 KEN"]],
  ["agentless passive killing keeps no source", "Two Kenyan journalists were killed in Uganda.", ["- ASSAULT/190 KEN"]],
  // Unnamed victims of an attack are of the place it happened in, even past a "when" clause,
  // also where that is the attackers' own country (PLOVER codes domestic violence so).
  ["an attack's unnamed victims are of its place", "Somali gunmen killed nine people on Sunday when they stormed a hotel in Mombasa.", ["SOM ASSAULT/190 KEN"]],
  ["a domestic attack's unnamed victims", "Somali gunmen killed nine people when they stormed a hotel in Somalia.", ["SOM ASSAULT/190 SOM"]],
  ["an adjective before 'to' is no passive", "Israel is opposed to the plan.", ["ISR REJECT/120 -"]],
  // "agreed and accepted the offer": two verbs before one object share it.
  ["two verbs share one object", "Kenya agreed and accepted the offer from Somalia.", ["KEN AGREE/030 SOM"]],
  // A linking noun ("responsibility for", "part in") passes the light verb's subject to the event noun.
  ["claimed responsibility for an attack", "The Taliban claimed responsibility for the attack on the Pakistani embassy.", ["AFG ASSAULT/190 PAK"]],
  // The place an event happens in is its target only when no actor follows it in the clause.
  ["an actor after the place is the target", "Kenyan students blocked roads in Nairobi in defiance of the Ugandan government.", ["KEN PROTEST/144 UGA"]],
  ["the place is the target when nothing follows", "Kenyan troops shelled positions in Somalia.", ["KEN ASSAULT/194 SOM"]],
  // A gerund clause after a preposition has objects of its own.
  ["no target inside a gerund clause", "Kenyan police detained dozens of people for spying with Ugandan agents.", ["KEN COERCE/173 -"]],
];

for (const [name, text, expected] of CASES) test(`event arguments: ${name}`, () => assert.deepEqual(events(text), expected));

test("event arguments: a weekday after a verb is no person, even without a publication date", () => {
  const doc = pipeline.analyze({ text: "Brazil insisted Friday that Argentina scrap the new tariffs.", published: null });
  assert.deepEqual(doc.actors!.filter((a) => a.kind === "person").map((a) => a.name), []);
  // The undated weekday is still an adverbial: the demand's target is the clause after it.
  assert.deepEqual(events(doc.text, null), ["BRA REQUEST/100 ARG"]);
  assert.deepEqual(events("Kenya on Tuesday recalled its ambassador from Somalia.", null), ["KEN SANCTION/161 SOM"]);
});

test("event arguments: a title and surname out of office that day still name the one holder the office ever had by it", () => {
  assert.deepEqual(events("President Reagan praised Canada.", "2005-06-01"), ["USA SUPPORT/051 CAN"]);
});

test("event arguments: Turkey is named by its common English name", () => {
  assert.deepEqual(events("Turkey accused Greece of provocations.", null), ["TUR ACCUSE/112 GRC"]);
});

// A reported clause whose subject is a pronoun or an unnamed government has the speaker as its source.
const REPORTED: Array<[string, string, string[]]> = [
  ["an unnamed government is the speaker's", "Prime Minister Keir Starmer has announced that the government will impose a curfew in Belfast.", ["GBR THREATEN/132 GBR"]],
  ["'cannot' stands between subject and verb, and is a refusal", "Kenya said it cannot accept more refugees from Somalia.", ["KEN REJECT/124 SOM"]],
  ["'earlier' before an undated weekday", "The African Union announced earlier Monday that it had suspended aid to Sudan.", ["African Union SANCTION/162 SDN"]],
];
for (const [name, text, expected] of REPORTED) test(`event arguments: ${name}`, () => assert.deepEqual(events(text, null), expected));

test("event arguments: an obligation in a reported clause the quotes stage gave no speaker is requested by its cue verb's subject", () => {
  assert.deepEqual(events("The Obama administration declared Thursday that Russia must withdraw its troops from the border.", "2014-05-01"), ["USA REQUEST/100 RUS"]);
});
