// What every store offers: the ingest side (has / put / replace, cluster rebuild) and the
// query side (events, quotes, actors, stats, export). SQLite and PostgreSQL implement it.
import type { ContractDocument } from "../model/index.js";
import type { ArticleRows } from "./rows.js";

export type QueryKind = "events" | "quotes" | "actors" | "positions" | "articles";

export interface QueryFilter {
  actor?: string;
  type?: string;
  since?: string;
  until?: string;
  search?: string;
  limit?: number;
}

export type PutResult = "stored" | "unchanged" | "replaced";

export interface Store {
  /** Stores an analysed article: unchanged when its id is there, replaced atomically when its URL is known with other text. */
  put(doc: ContractDocument, source: string | null): Promise<PutResult>;
  /** The same, from rows already made by articleRows (in an analysis worker, off the writer's thread). */
  putRows(rows: ArticleRows): Promise<PutResult>;
  has(id: string): Promise<boolean>;
  /** Id of the article stored for a URL, if any. */
  idForUrl(url: string): Promise<string | null>;
  rebuildClusters(): Promise<number>;
  query(kind: QueryKind, f: QueryFilter): Promise<Array<Record<string, unknown>>>;
  stats(): Promise<Record<string, number>>;
  exportDocs(): AsyncIterable<ContractDocument>;
  /** One stored article as analysed (the contract document), or null. */
  document(id: string): Promise<ContractDocument | null>;
  exportEvents(): AsyncIterable<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function openStore(db: string, options: { schema?: string } = {}): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(db)) {
    const { PostgresStore } = await import("./postgresStore.js");
    return PostgresStore.open(db, options.schema ?? "parley");
  }
  const { SqliteStore } = await import("./sqliteStore.js");
  return SqliteStore.open(db);
}
