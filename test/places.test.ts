// The gazetteer (src/places/): lookup by name and alias, the choice among places sharing a
// name, the guards against people's names and everyday words, a user's places file; and
// what the events and actors stages make of it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defaultDataDir } from "../src/dataDir.js";
import { Gazetteer, loadGazetteer, standsAlone, type Place, type PlaceTokens } from "../src/places/index.js";
import { createPipeline } from "../src/pipeline.js";
import { createActorResolver } from "../src/actors/resolveText.js";
import { KnowledgeError } from "../src/kb/types.js";

const g = loadGazetteer(defaultDataDir());

/** Words split on spaces, as a matcher reads tokens. */
function tokens(text: string): PlaceTokens {
  const w = text.split(" ");
  return { count: w.length, lower: (i) => w[i].toLowerCase(), isCap: (i) => /^\p{Lu}/u.test(w[i] ?? "") };
}

function place(text: string, mentioned: string[] = []): Place | null {
  const m = g.match(tokens(text), 0);
  return m ? g.choose(m, new Set(mentioned)) : null;
}

test("places: names, ASCII spellings, exonyms and multi-word names", () => {
  assert.equal(place("Kharkiv")?.country, "UKR");
  assert.equal(place("Kiev")?.name, "Kyiv");
  assert.equal(place("Bombay")?.name, "Mumbai");
  assert.equal(place("Ho Chi Minh City")?.country, "VNM");
  // A name is matched whole, longest first: "New York" the city, not "New" something.
  assert.equal(place("New York")?.name, "New York City");
  assert.equal(g.match(tokens("Sant Julia de Loria"), 0)?.length, 4);
  // Coordinates come along.
  const kano = place("Kano")!;
  assert.ok(Math.abs(kano.lat! - 12) < 0.1 && Math.abs(kano.lon! - 8.5) < 0.1);
  assert.equal(place("weather"), null);
});

test("places: a country's name is the country, never a town of that name", () => {
  assert.equal(place("Jordan")?.kind, "country");
  assert.equal(place("Georgia")?.country, "GEO");
  assert.ok(g.country("SAU")?.lat !== null);
});

test("places: ambiguous names go to the most populous place, else to a country the article names", () => {
  assert.equal(place("Birmingham")?.country, "GBR");
  assert.equal(place("Birmingham", ["USA"])?.country, "USA");
  // A national capital keeps its name even in an article about another country.
  assert.equal(place("London", ["CAN"])?.country, "GBR");
  // A region or country named after it settles the name ("London, Ontario").
  assert.deepEqual(locations("Protesters marched through the streets in London, Ontario."), ["London/CAN/true"]);
  // A region word after the name makes it the region; without one, the town.
  assert.equal(place("Lagos State")?.kind, "region");
  assert.equal(g.match(tokens("Lagos State"), 0)?.length, 2);
  assert.notEqual(place("Lagos")?.kind, "region");
});

test("places: a capitalised word next to the name makes it part of another name", () => {
  assert.equal(standsAlone(tokens("met Jordan Henderson"), 1, 1), false);
  assert.equal(standsAlone(tokens("near Paris Hilton hotels"), 1, 1), false);
  assert.equal(standsAlone(tokens("in Paris on"), 1, 1), true);
  // Everyday words are flagged, and months are no places at all.
  assert.equal(g.match(tokens("Reading"), 0)?.commonWord, true);
  assert.equal(g.match(tokens("March"), 0), null);
});

test("places: choose() prefers towns to regions of the same name and follows the population", () => {
  const words = { prepositions: new Set<string>(), directional: new Set<string>(), regionSuffixes: new Set(["province"]), commonWords: new Set<string>(), notPlaces: new Set<string>() };
  const at = (name: string, country: string, kind: Place["kind"], population: number): Place => ({ name, aliases: [], country, kind, lat: 1, lon: 2, population });
  const small = new Gazetteer([at("Alpha", "AAA", "region", 900), at("Alpha", "AAA", "city", 500), at("Alpha", "BBB", "city", 800)], words);
  const m = small.match(tokens("Alpha"), 0)!;
  assert.deepEqual([small.choose(m).country, small.choose(m).kind], ["AAA", "city"]);
  assert.equal(small.choose(m, new Set(["BBB"])).country, "BBB");
  const withSuffix = small.match(tokens("Alpha Province"), 0)!;
  assert.equal(small.choose(withSuffix).kind, "region");
});

test("places: a knowledge folder's places file adds places and names; a bad line names its file and line", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "parley-places-"));
  writeFileSync(path.join(dir, "mine.places.tsv"), [
    "# name\taliases\tcountry\tkind\tlat\tlon\tpopulation",
    "Qaryat Example\tQ. Example\tSYR\tcity\t35.5\t37.1\t1200",
    "Kharkiv\tKharkow\tUKR\tcity",
  ].join("\n") + "\n");
  const mine = loadGazetteer(defaultDataDir(), [dir]);
  assert.equal(g.match(tokens("Kharkow"), 0), null);
  assert.equal(mine.choose(mine.match(tokens("Kharkow"), 0)!).name, "Kharkiv");
  const doc = createPipeline({ knowledgeDirs: [dir] }).analyze({ text: "Government forces shelled homes in Qaryat Example on Tuesday.", published: "2025-03-16" });
  assert.deepEqual(doc.events!.map((e) => e.location), [{ name: "Qaryat Example", country: "SYR", lat: 35.5, lon: 37.1 }]);
  const bad = mkdtempSync(path.join(tmpdir(), "parley-places-bad-"));
  writeFileSync(path.join(bad, "bad.places.tsv"), "Somewhere\t\tXX\tcity\t1\t2\t3\n");
  assert.throws(() => loadGazetteer(defaultDataDir(), [bad]), (e: unknown) => e instanceof KnowledgeError && /bad\.places\.tsv:1 \(country\)/.test(e.message));
  // A row without coordinates must name a place the gazetteer has.
  const orphan = mkdtempSync(path.join(tmpdir(), "parley-places-orphan-"));
  writeFileSync(path.join(orphan, "orphan.places.tsv"), "Nowhere Town\tNowhere\tSYR\tcity\n");
  assert.throws(() => loadGazetteer(defaultDataDir(), [orphan]), (e: unknown) => e instanceof KnowledgeError && /orphan\.places\.tsv:1 \(lat\): no coordinates/.test(e.message));
});

const pipeline = createPipeline();
const locations = (text: string) => pipeline.analyze({ text, published: "2025-03-16" }).events!.map((e) => e.location && `${e.location.name}/${e.location.country}/${e.location.lat !== null}`);

test("events: a town after a word of place is the event's location, with coordinates", () => {
  assert.deepEqual(locations("Police arrested twelve protesters in Kano on Monday."), ["Kano/NGA/true"]);
  assert.deepEqual(locations("Russian forces shelled residential buildings near Kharkiv."), ["Kharkiv/UKR/true"]);
  // A country and a capital get coordinates too.
  assert.ok(locations("Israel struck targets in Lebanon.").every((l) => l === "Lebanon/LBN/true"));
  assert.ok(locations("Protesters clashed with police in Tehran.").every((l) => l === "Tehran/IRN/true"));
  // A capital the knowledge base names is placed at the capital, not at a region of its name.
  const washington = pipeline.analyze({ text: "Officials met in Washington on Monday.", published: "2025-03-16" }).events![0].location!;
  assert.ok(Math.abs(washington.lat! - 38.9) < 0.1 && Math.abs(washington.lon! + 77.0) < 0.1);
});

test("events: no location from a person's name, a longer name or a date", () => {
  assert.deepEqual(locations("Police arrested a protester in Jordan Henderson's street."), [null]);
  // "Clinton" is a town, but here the person the article names.
  assert.ok(locations("Hillary Clinton criticised Trump. Protesters attacked a car in Clinton.").every((l) => l === null));
  assert.ok(locations("The army attacked rebel positions in March.").every((l) => l === null));
});

test("actors and resolve: a place with a group noun is a group of the place's country; a bare town is its country's people", () => {
  const resolve = createActorResolver();
  const r = (text: string) => { const a = resolve({ text }); return a && [a.country, a.sector]; };
  assert.deepEqual(r("Mumbai police"), ["IND", "COP"]);
  assert.deepEqual(r("Lagos State government"), ["NGA", "GOV"]);
  assert.deepEqual(r("Bombay High Court"), ["IND", "JUD"]);
  assert.deepEqual(r("Guangzhou authorities"), ["CHN", "GOV"]);
  assert.deepEqual(r("a market in Kandahar"), ["AFG", "CVL"]);
  assert.deepEqual(r("Kharkiv"), ["UKR", "CVL"]);
  // A region that ends a group's name says where the group is.
  assert.deepEqual(r("Teachers Association Queensland"), ["AUS", "EDU"]);
  // A capital alone stands for its government.
  assert.deepEqual(r("Kyiv"), ["UKR", "GOV"]);
  // Everyday words are no places: the noun gives the sector alone.
  assert.deepEqual(r("Reading police"), [null, "COP"]);
  assert.equal(r("Mobile"), null);
  // In an article, the group is an actor of its own with the place's country.
  const doc = pipeline.analyze({ text: "Guangzhou authorities detained two activists, the state broadcaster said.", published: "2025-03-16" });
  assert.ok(doc.actors!.some((a) => a.code === "CHNGOV" && a.name === "Guangzhou authorities"));
});

test("actors: a town after a word of place is a place mention of its country, so an event without another party acts on it", () => {
  const doc = pipeline.analyze({ text: "Turkish jets bombed villages near Kirkuk.", published: "2025-03-16" });
  const kirkuk = doc.mentions!.find((m) => doc.text.slice(m.start, m.end) === "Kirkuk")!;
  assert.equal(kirkuk.kind, "place");
  const actor = new Map(doc.actors!.map((a) => [a.id, a]));
  assert.equal(actor.get(kirkuk.actor)!.country, "IRQ");
  assert.deepEqual(doc.events!.map((e) => `${actor.get(e.source!)?.country} ${e.type} ${actor.get(e.target!)?.country}`), ["TUR ASSAULT IRQ"]);
  // "the government of Punjab province": a group of a place belongs to the place's country.
  const punjab = pipeline.analyze({ text: "The government of Punjab province has ordered army patrols.", published: "2025-03-16" });
  const pa = new Map(punjab.actors!.map((a) => [a.id, a]));
  assert.deepEqual(punjab.events!.map((e) => `${pa.get(e.source!)?.country} ${e.type}`), ["PAK MOBILIZE"]);
  // Not a name with a capitalised word after it, nor a surname of someone the text names.
  const named = pipeline.analyze({ text: "Ricardo Lagos spoke in Santiago. Crowds rallied in support of Lagos.", published: "2005-03-16" });
  assert.ok(!named.mentions!.some((m) => m.kind === "place" && named.text.slice(m.start, m.end) === "Lagos"));
});
