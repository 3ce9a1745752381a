// The output contract of ../shared/DESIGN.md, as TypeScript types. These are what
// `analyze` returns and what `parley extract --format json` prints. Fields may be added;
// the ones here may not change meaning.

/** Half-open [start, end) UTF-16 offsets into the analysed text. */
export type Range = [number, number];

export type ActorKind = "person" | "organisation" | "country" | "group";

export interface ActorOut {
  id: string;
  name: string;
  kind: ActorKind;
  /** ISO 3166-1 alpha-3, or null (IGOs, unknown). */
  country: string | null;
  /** CAMEO-style sector: GOV MIL OPP REB JUD LEG BUS MED NGO IGO CVL COP SPY CRM … */
  sector: string | null;
  /** CAMEO-style actor code, e.g. GBRGOV, RUSMIL, IGONAT. */
  code: string | null;
  /** Knowledge-base id, or null for an actor found only in this text. */
  kb: string | null;
}

export type MentionKind = "name" | "role" | "pronoun" | "demonym" | "place";

export interface MentionOut {
  start: number;
  end: number;
  actor: string;
  kind: MentionKind;
}

export interface TimeOut {
  start: number;
  end: number;
  text: string;
  /** YYYY-MM-DD, YYYY-Www or YYYY-MM. */
  value: string;
}

export type QuoteType = "direct" | "mixed" | "indirect";

export interface QuoteOut {
  id: string;
  start: number;
  end: number;
  text: string;
  type: QuoteType;
  speaker: string | null;
  speakerStart: number | null;
  speakerEnd: number | null;
  cue: string | null;
  cueStart: number | null;
  /** The speaker's words when no actor could be resolved ("a senior official"). */
  speakerText?: string;
}

export type Modality = "asserted" | "negated" | "planned" | "hypothetical" | "reported";

export interface LocationOut {
  name: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
}

export interface EventOut {
  id: string;
  type: string;
  mode: string | null;
  context: string[];
  cameo: string;
  source: string | null;
  /** every member of a compound actor ("the US and Britain accused …"), PLOVER style; `source` is the first */
  sources?: string[];
  target: string | null;
  date: string | null;
  location: LocationOut | null;
  modality: Modality;
  quote: string | null;
  goldstein: number;
  evidence: Range;
}

export type Stance = "proposes" | "supports" | "accepts" | "demands" | "conditions" | "commits" | "rejects";

export interface PositionOut {
  actor: string;
  stance: Stance;
  issue: string;
  condition?: string | null;
  detail: string;
  date: string | null;
  evidence: Range;
}

/** One analysed document. Stage outputs are present only when that stage ran. */
export interface ContractDocument {
  id: string;
  published: string | null;
  url?: string;
  title?: string;
  text: string;
  paragraphs: Range[];
  sentences: Range[];
  actors?: ActorOut[];
  mentions?: MentionOut[];
  times?: TimeOut[];
  quotes?: QuoteOut[];
  events?: EventOut[];
  positions?: PositionOut[];
}
