// Positions: who stands where on which issue, with the stance the words give.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createPipeline } from "../src/pipeline.js";

const pipeline = createPipeline();

function positions(text: string, published = "2025-06-02"): string[] {
  const doc = pipeline.analyze({ text, published });
  const byId = new Map(doc.actors!.map((a) => [a.id, a]));
  for (const p of doc.positions!) assert.equal(doc.text.slice(p.evidence[0], p.evidence[1]), p.detail);
  return doc.positions!.map((p) => `${byId.get(p.actor)!.country ?? byId.get(p.actor)!.name} ${p.stance} ${p.issue}${p.condition ? ` if ${p.condition}` : ""}`);
}

test("positions: acceptance, refusal and demands with their holders", () => {
  assert.deepEqual(positions("Japan and South Korea agreed to a ceasefire on Monday."), ["JPN accepts ceasefire", "KOR accepts ceasefire"]);
  assert.deepEqual(positions("The Turkish government rejected the proposed sanctions."), ["TUR rejects sanctions"]);
  assert.deepEqual(positions("Brazil called for an immediate truce in the region."), ["BRA demands ceasefire"]);
  assert.deepEqual(positions("Germany pledged new air defence systems for Kyiv."), ["DEU commits military aid"]);
});

test("positions: negation turns acceptance into refusal; conditions are recorded", () => {
  assert.deepEqual(positions("Egypt did not accept the peace plan."), ["EGY rejects peace deal"]);
  assert.deepEqual(positions("Iran said it would only agree to talks if sanctions were lifted."), ["IRN conditions peace talks if sanctions were lifted"]);
});

test("positions: inside a quotation, the speaker demands what 'must' or an imperative asks of others", () => {
  assert.deepEqual(positions("“Moscow must accept a ceasefire now,” the French president, Emmanuel Macron, said.", "2025-03-16"), ["FRA demands ceasefire"]);
});

test("positions: no position from a hedge, a setting, or a cue inside another phrase", () => {
  assert.deepEqual(positions("Any deal would probably require Chile to accept new tariffs."), []);
  assert.deepEqual(positions("Peru agreed at talks in Lima to share data."), []);
  assert.deepEqual(positions("Canada accused Norway of dragging its feet over agreeing to a ceasefire."), []);
});
