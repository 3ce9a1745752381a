// The shapes of gold records the scorer reads (see ../shared/eval/README.md), kept loose:
// gold files come from several projects and carry extra fields.

export interface GoldQuote {
  text: string; type?: string; speaker?: string | null; speaker_alternatives?: string[];
  speaker_start?: number | null; speaker_end?: number | null; required?: boolean;
}
export interface GoldEvent {
  // seed style
  plover?: string; plover_alternatives?: string[]; symmetric?: boolean; required?: boolean;
  // PLOVER / CAMEO / PENTA styles
  code?: string | number; reciprocal?: boolean;
  source?: string | null; target?: string | null;
}
export interface GoldPosition { country: string; issue: string[]; stance: string[] }
export interface GoldDoc {
  id?: string | number; text?: string; file?: string; published?: string; date?: string | null;
  quotes?: GoldQuote[]; not_quotes?: Array<{ text: string }>; events?: GoldEvent[];
  positions?: GoldPosition[]; dates?: Array<{ text: string; value: string }>;
  actors?: Array<{ name: string; country?: string | null }>;
  spans?: { S?: string[]; T?: string[]; R?: string[] };
  expect?: { country?: string; code_1?: string; [k: string]: unknown };
}

/** A prediction: our contract document, or a `parley resolve` line. Read loosely too. */
export interface PredDoc {
  id?: string | number; text?: string;
  actors?: Array<{ id: string; name?: string; country?: string | null; code?: string | null; sector?: string | null }>;
  mentions?: Array<{ start: number; end: number; actor: string }>;
  times?: Array<{ start: number; end: number; text?: string; value: string }>;
  quotes?: Array<{ start?: number; end?: number; text?: string; speaker?: string | null; speakerText?: string | null; speakerStart?: number | null; speakerEnd?: number | null }>;
  events?: Array<{ type?: string; cameo?: string | null; source?: string | null; target?: string | null }>;
  positions?: Array<{ actor: string; stance: string; issue: string; detail?: string | null }>;
  actor?: { name?: string; country?: string | null; sector?: string | null; code?: string | null } | null;
}
