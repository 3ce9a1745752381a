// A proposed event before refinement: the trigger, its arguments (mention indexes), and,
// once classified, its modality and final CAMEO code and PLOVER type.
import type { Trigger } from "./knowledge.js";
import type { ModalityFlags } from "./modality.js";

export interface Proposal {
  trigger: number;
  end: number;
  t: Trigger;
  sources: number[];
  target: number | null;
  subjectToken: number | null;
  /** a verbal trigger found without arguments: it still governs its complement, but is not an event */
  silent?: boolean;
  flags?: ModalityFlags;
  code?: string;
  type?: string;
}
