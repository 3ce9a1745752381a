// PersonDrafts keeps people's drafts from document to document: what it hands out must be
// what draftOf makes for that person and date, and a copy of its own each time, since a
// document may complete its draft (sector, code) without touching the next document's.
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { compileActorKnowledge, draftOf } from "../src/actors/knowledge.js";
import { PersonDrafts } from "../src/actors/personDrafts.js";
import { repoRoot } from "./helpers.js";

test("PersonDrafts gives draftOf's draft for the person and date, a fresh copy each time", () => {
  const k = compileActorKnowledge(path.join(repoRoot, "data"));
  const people = [...k.kb.entities.values()].filter((e) => e.kind === "person" && (e.tenures ?? []).length > 0).slice(0, 50);
  assert.ok(people.length > 0);
  const memo = new PersonDrafts();
  for (const date of ["2015-06-01", "2025-03-16", null, "2015-06-01"]) {
    for (const e of people) {
      const a = memo.draftOn(e, date);
      assert.deepEqual(a, draftOf(e, date), `${e.id} on ${date}`);
      a.sector = "CHANGED";
      a.code = "CHANGED";
      const b = memo.draftOn(e, date);
      assert.notEqual(a, b);
      assert.deepEqual(b, draftOf(e, date), `${e.id} on ${date}, after a document changed its copy`);
    }
  }
});
