// Parley's public library surface: analyze(text, options) returns the output contract.
import { createPipeline, type Pipeline, type PipelineOptions } from "./pipeline.js";
import type { ContractDocument } from "./model/index.js";

export type * from "./model/contract.js";
export { createPipeline, type Pipeline, type PipelineOptions } from "./pipeline.js";

export interface AnalyzeOptions {
  published?: string | null;
  id?: string;
  url?: string;
  title?: string;
}

let shared: Pipeline | undefined;

/** Analyses one article with the default knowledge base (loaded once, on first use). */
export function analyze(text: string, options: AnalyzeOptions = {}): ContractDocument {
  shared ??= createPipeline();
  return shared.analyze({ text, ...options });
}

export function analyzer(options: PipelineOptions = {}): (text: string, o?: AnalyzeOptions) => ContractDocument {
  const p = createPipeline(options);
  return (text, o = {}) => p.analyze({ text, ...o });
}
