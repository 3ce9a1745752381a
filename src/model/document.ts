// The one document model every pipeline stage reads and adds to. Stages append their own
// layer (tokens, mentions, quotes, …) and read the layers earlier stages added; none
// re-reads the raw input or edits another stage's layer.
import type {
  ActorOut, EventOut, MentionOut, PositionOut, QuoteOut, Range, TimeOut,
} from "./contract.js";
import type { TokenTable } from "./tokens.js";

export interface ArticleInput {
  /** The text to analyse; every offset indexes it. */
  text: string;
  id?: string;
  /** Publication date, YYYY-MM-DD. */
  published?: string | null;
  url?: string;
  title?: string;
}

export interface Doc {
  readonly id: string;
  readonly text: string;
  readonly published: string | null;
  readonly url?: string;
  readonly title?: string;
  /** segment stage */
  paragraphs?: Range[];
  sentences?: Range[];
  tokens?: TokenTable;
  /** actors stage */
  actors?: ActorOut[];
  mentions?: MentionOut[];
  /** time stage */
  times?: TimeOut[];
  /** quotes stage */
  quotes?: QuoteOut[];
  /** events stage */
  events?: EventOut[];
  /** positions stage */
  positions?: PositionOut[];
}
