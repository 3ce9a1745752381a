// The actors stage: finds every mention of a person, organisation, country or group and
// resolves it to a document actor with a CAMEO-style code. Finders run in a fixed order;
// each takes only tokens no earlier finder claimed.
import type { Doc } from "../model/index.js";
import type { Stage } from "../pipeline.js";
import { compileActorKnowledge, type ActorKnowledge } from "./knowledge.js";
import { newContext } from "./context.js";
import { ScratchArrays } from "./scratchArrays.js";
import { DatedKnowledge } from "./datedKnowledge.js";
import { findKbNames } from "./kbNames.js";
import { findRolePhrases } from "./rolePhrases.js";
import { findSpeakerNames } from "./speakerNames.js";
import { findSurnames } from "./surnames.js";
import { findGroups } from "./groups.js";
import { findPlaceGroups } from "./placeGroups.js";
import { findPlaceNames } from "./placeNames.js";
import { findGroupsInPlaces } from "./groupsInPlaces.js";
import { findPronouns } from "./pronouns.js";
import { giveSoleCountry } from "./soleCountry.js";

export { compileActorKnowledge, loadCueForms, type ActorKnowledge } from "./knowledge.js";

/** `scratch`, `dated`: kept from document to document (one of each per stage). */
export function findActors(doc: Doc, k: ActorKnowledge, scratch = new ScratchArrays(), dated = new DatedKnowledge(k)): void {
  const c = newContext(doc, k, scratch, dated);
  findKbNames(c);
  findRolePhrases(c);
  findSpeakerNames(c);
  findSurnames(c);
  findGroups(c);
  findPlaceGroups(c);
  findPlaceNames(c);
  findGroupsInPlaces(c);
  findPronouns(c);
  giveSoleCountry(c.reg);
  const { actors, mentions } = c.reg.finish();
  doc.actors = actors;
  doc.mentions = mentions;
}

/** The actors stage, with the knowledge it compiled (for `parley resolve`, which reads it too). */
export interface ActorsStage extends Stage { readonly knowledge: ActorKnowledge }

export function createActorsStage(dataDir: string, knowledgeDirs: readonly string[] = []): ActorsStage {
  const k = compileActorKnowledge(dataDir, knowledgeDirs);
  const scratch = new ScratchArrays(), dated = new DatedKnowledge(k);
  return { name: "actors", knowledge: k, run: (doc) => findActors(doc, k, scratch, dated) };
}
