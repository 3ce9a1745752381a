// The knowledge base as loaded: every entity an article can name, with what Parley needs
// to code it (country, sector, CAMEO-style code) and, for people, their offices by date.

export type EntityKind = "person" | "organisation" | "country" | "group";

export interface Tenure {
  /** Canonical office ("prime minister", "foreign minister"; see data/actors/roles.json). */
  office: string;
  /** Country of the office, or null for an organisation's office. */
  country: string | null;
  /** Organisation entity id for offices such as NATO's secretary general. */
  org: string | null;
  sector: string;
  start: string;
  /** Last day in office, or null when still in office. */
  end: string | null;
  /** The full CAMEO code for this tenure when the source gave one (imported dictionaries: IGOUNO, AFGGOVAGR). */
  code?: string;
  /** Where the tenure came from (file:line). */
  origin?: string;
}

export interface Entity {
  /** Knowledge-base id: "country:GBR", "org:nato", "person:keir-starmer", "seat:RUS:kremlin". */
  id: string;
  name: string;
  kind: EntityKind;
  country: string | null;
  sector: string | null;
  code: string | null;
  /** Names and aliases as written (the index matches them token by token). */
  names: string[];
  gender?: "m" | "f";
  tenures?: Tenure[];
  /** A person's sector outside any office, from a row without one (a party leader PTY, an opposition figure OPP). */
  standingSector?: string;
  /** For countries: demonyms and capitals. */
  demonyms?: string[];
  capitals?: string[];
  /** Which entity keeps a name several share ("French": France, not its territories): higher wins. */
  priority?: number;
  /** Where the entry came from (file:line). */
  origin: string;
  /** Every entry merged into this entity (file:line or file:field), first one first. */
  sources?: string[];
}

export interface OfficeRole { office: string; sector: string }
export interface GroupNoun { noun: string; sector: string }

export interface KnowledgeBase {
  entities: Map<string, Entity>;
  /** Lower-cased role phrase (possibly several words) -> office. */
  offices: Map<string, OfficeRole>;
  /** Lower-cased group noun (possibly several words) -> sector. */
  groups: Map<string, string>;
  /** Lower-cased title word -> gender / sector hints. */
  titles: Map<string, { gender?: "m" | "f"; sector?: string }>;
  /** Lower-cased word that, before a nationality standing alone, makes it a kind of people ("ordinary Kazakhs" CVL) -> sector. */
  qualifiers: Map<string, string>;
  /** Lower-cased words that, before a media organisation's or company's name, make it the state's own ("state-run", "official"). */
  stateQualifiers: Set<string>;
  /** Lower-cased surnames of known people that are everyday English words ("price", "power"; data/actors/everyday-surnames.json). */
  everydaySurnames?: Set<string>;
  /** Problems that did not stop loading (conflicting codes merged, duplicates). */
  warnings: string[];
}

export interface KbProblem { file: string; line?: number; field?: string; message: string }

export class KnowledgeError extends Error {
  constructor(readonly problem: KbProblem) {
    super(`${problem.file}${problem.line != null ? `:${problem.line}` : ""}${problem.field ? ` (${problem.field})` : ""}: ${problem.message}`);
    this.name = "KnowledgeError";
  }
}
