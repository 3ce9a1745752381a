// The one place to read the whole flow: the stages, in order. Each stage is created once
// per pipeline (loading and compiling its knowledge then) and run on every document; it
// adds its own layer to the document and reads the layers before it.
import { createHash } from "node:crypto";
import type { ArticleInput, ContractDocument, Doc } from "./model/index.js";
import { defaultDataDir } from "./dataDir.js";
import { createSegmentStage } from "./segment/index.js";
import { createActorsStage } from "./actors/index.js";
import { createTimeStage } from "./time/index.js";
import { createQuotesStage } from "./quotes/index.js";
import { createEventsStage } from "./events/index.js";
import { createPositionsStage } from "./positions/index.js";

export interface Stage {
  readonly name: string;
  run(doc: Doc): void;
}

export interface PipelineOptions {
  /** Folder of knowledge files; defaults to the package's data/ (or $PARLEY_DATA). */
  dataDir?: string;
  /** A user's knowledge folders (`parley kb`), loaded after the built-in data, in order. */
  knowledgeDirs?: readonly string[];
  /** Run the stages up to and including this one (for benchmarks and partial runs). */
  until?: string;
}

export interface StageFactory {
  readonly name: string;
  create(options: { dataDir: string; knowledgeDirs: readonly string[] }): Stage;
}

/** The stages in order. A stage that is not built yet is simply not listed. */
export const STAGES: readonly StageFactory[] = [
  { name: "segment", create: (o) => createSegmentStage(o.dataDir) },
  { name: "actors", create: (o) => createActorsStage(o.dataDir, o.knowledgeDirs) },
  { name: "time", create: (o) => createTimeStage(o.dataDir) },
  { name: "quotes", create: (o) => createQuotesStage(o.dataDir) },
  { name: "events", create: (o) => createEventsStage(o.dataDir, o.knowledgeDirs) },
  { name: "positions", create: (o) => createPositionsStage(o.dataDir) },
];

export interface Pipeline {
  readonly stages: readonly Stage[];
  /** Runs every stage and returns the annotated document model. */
  run(input: ArticleInput): Doc;
  /** Runs every stage and returns the output contract. */
  analyze(input: ArticleInput): ContractDocument;
}

export function createPipeline(options: PipelineOptions = {}): Pipeline {
  const resolved = { dataDir: options.dataDir ?? defaultDataDir(), knowledgeDirs: options.knowledgeDirs ?? [] };
  let factories = STAGES;
  if (options.until !== undefined) {
    const last = STAGES.findIndex((f) => f.name === options.until);
    if (last < 0) throw new Error(`unknown stage "${options.until}" (stages: ${STAGES.map((f) => f.name).join(", ")})`);
    factories = STAGES.slice(0, last + 1);
  }
  const stages = factories.map((f) => f.create(resolved));
  const run = (input: ArticleInput): Doc => {
    const doc = newDoc(input);
    for (const stage of stages) stage.run(doc);
    return doc;
  };
  return { stages, run, analyze: (input) => toContract(run(input)) };
}

/** Stable id: the given one, else a hash of the text (and URL, so one text at two URLs stays two articles). */
export function documentId(text: string, url?: string): string {
  const h = createHash("sha256").update(text);
  if (url) h.update("\u0000" + url);
  return h.digest("hex").slice(0, 16);
}

export function newDoc(input: ArticleInput): Doc {
  return {
    id: input.id ?? documentId(input.text, input.url),
    text: input.text,
    published: input.published ?? null,
    ...(input.url ? { url: input.url } : {}),
    ...(input.title ? { title: input.title } : {}),
  };
}

/** The contract view of a document: offsets and stage layers, without internal tables such as tokens. */
export function toContract(doc: Doc): ContractDocument {
  const out: ContractDocument = {
    id: doc.id,
    published: doc.published,
    ...(doc.url ? { url: doc.url } : {}),
    ...(doc.title ? { title: doc.title } : {}),
    text: doc.text,
    paragraphs: doc.paragraphs ?? [],
    sentences: doc.sentences ?? [],
  };
  if (doc.actors) out.actors = doc.actors;
  if (doc.mentions) out.mentions = doc.mentions;
  if (doc.times) out.times = doc.times;
  if (doc.quotes) out.quotes = doc.quotes;
  if (doc.events) out.events = doc.events;
  if (doc.positions) out.positions = doc.positions;
  return out;
}
