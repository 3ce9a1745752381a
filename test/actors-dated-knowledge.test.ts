// DatedKnowledge keeps answers that depend on the date from document to document: what it
// gives must be what draftOf and holderOn give for those arguments, and each draft a copy
// of its own, since a document may complete its draft (sector, code) without touching the
// next document's.
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { compileActorKnowledge, draftOf, holderOn, tenureOn } from "../src/actors/knowledge.js";
import type { Entity } from "../src/kb/types.js";
import { DatedKnowledge } from "../src/actors/datedKnowledge.js";
import { repoRoot } from "./helpers.js";

test("DatedKnowledge gives draftOf's draft for the person and date, a fresh copy each time", () => {
  const k = compileActorKnowledge(path.join(repoRoot, "data"));
  const people = [...k.kb.entities.values()].filter((e) => e.kind === "person" && (e.tenures ?? []).length > 0).slice(0, 50);
  assert.ok(people.length > 0);
  const memo = new DatedKnowledge(k);
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

test("DatedKnowledge gives holderOn's holder for the office, place and date", () => {
  const k = compileActorKnowledge(path.join(repoRoot, "data"));
  const asked = [...k.holders.keys()].slice(0, 200).map((key) => key.split("|") as [string, string]);
  assert.ok(asked.length > 0);
  const memo = new DatedKnowledge(k);
  for (const date of ["2015-06-01", "2025-03-16", null, "2015-06-01"]) {
    for (const [office, where] of [...asked, ["president", "nowhere"] as [string, string]]) {
      assert.equal(memo.holderOn(office, where, date), holderOn(k, office, where, date), `${office} of ${where} on ${date}`);
    }
  }
});

test("DatedKnowledge gives tenureOn's tenure, and a choice among a list of people as made afresh", () => {
  const k = compileActorKnowledge(path.join(repoRoot, "data"));
  const people = [...k.kb.entities.values()].filter((e) => e.kind === "person" && (e.tenures ?? []).length > 0).slice(0, 50);
  const lists = k.peopleBySurnameId.filter((l): l is Entity[] => l !== undefined).slice(0, 100);
  const firstSitting = (list: readonly Entity[], date: string | null) => list.find((e) => tenureOn(e, date) !== null && (e.tenures ?? []).some((t) => t.start <= (date ?? "9999-12-31")));
  const memo = new DatedKnowledge(k);
  for (const date of ["2015-06-01", "2025-03-16", null, "2015-06-01"]) {
    for (const e of people) assert.equal(memo.tenureOn(e, date), tenureOn(e, date), `${e.id} on ${date}`);
    for (const list of lists) assert.equal(memo.chosenAmong(list, date, firstSitting), firstSitting(list, date));
  }
});
