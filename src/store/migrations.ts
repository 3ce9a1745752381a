// Versioned schema migrations. Each version runs once, in order, inside a transaction,
// and is recorded in schema_migrations. Add a new version; never edit a released one.

// articles.doc: the contract document without its text, deflated (rows.ts docJson, articleRowToStore).
const TABLES = (t: { text: string; int: string; real: string; blob: string }) => `
CREATE TABLE articles (id TEXT PRIMARY KEY, url TEXT UNIQUE, title TEXT, published TEXT, text TEXT NOT NULL, source TEXT, doc ${t.blob} NOT NULL);
CREATE TABLE sentences (article_id TEXT NOT NULL, idx ${t.int} NOT NULL, start_offset ${t.int}, end_offset ${t.int}, text TEXT, PRIMARY KEY (article_id, idx));
CREATE TABLE actors (article_id TEXT NOT NULL, id TEXT NOT NULL, name TEXT, kind TEXT, country TEXT, sector TEXT, code TEXT, kb TEXT, PRIMARY KEY (article_id, id));
CREATE TABLE mentions (article_id TEXT NOT NULL, start_offset ${t.int}, end_offset ${t.int}, actor TEXT, kind TEXT);
CREATE TABLE times (article_id TEXT NOT NULL, start_offset ${t.int}, end_offset ${t.int}, text TEXT, value TEXT);
CREATE TABLE quotes (article_id TEXT NOT NULL, id TEXT NOT NULL, start_offset ${t.int}, end_offset ${t.int}, text TEXT, type TEXT, speaker TEXT, speaker_name TEXT, speaker_start ${t.int}, speaker_end ${t.int}, cue TEXT, cue_start ${t.int}, PRIMARY KEY (article_id, id));
CREATE TABLE events (article_id TEXT NOT NULL, id TEXT NOT NULL, type TEXT, mode TEXT, context TEXT, cameo TEXT, source TEXT, source_name TEXT, source_code TEXT, source_country TEXT, target TEXT, target_name TEXT, target_code TEXT, target_country TEXT, date TEXT, location_name TEXT, location_country TEXT, modality TEXT, quote TEXT, goldstein ${t.real}, evidence_start ${t.int}, evidence_end ${t.int}, PRIMARY KEY (article_id, id));
CREATE TABLE positions (article_id TEXT NOT NULL, idx ${t.int} NOT NULL, actor TEXT, stance TEXT, issue TEXT, condition TEXT, detail TEXT, date TEXT, evidence_start ${t.int}, evidence_end ${t.int}, PRIMARY KEY (article_id, idx));
CREATE TABLE event_clusters (id ${t.int} PRIMARY KEY, type TEXT, source_code TEXT, target_code TEXT, place TEXT, first_date TEXT, last_date TEXT, reports ${t.int});
CREATE TABLE event_cluster_members (cluster_id ${t.int} NOT NULL, article_id TEXT NOT NULL, event_id TEXT NOT NULL, PRIMARY KEY (article_id, event_id));
CREATE INDEX mentions_article ON mentions (article_id);
CREATE INDEX times_article ON times (article_id);
CREATE INDEX events_date ON events (date);
CREATE INDEX events_type ON events (type);
CREATE INDEX quotes_speaker ON quotes (speaker_name);
`;

// The full-text indexes are external-content FTS5 tables over quotes and sentences: the
// text is stored once, and the index rows carry the content rows' rowids.
export const SQLITE_MIGRATIONS: string[] = [
  TABLES({ text: "TEXT", int: "INTEGER", real: "REAL", blob: "BLOB" }) + `
CREATE VIRTUAL TABLE quotes_fts USING fts5 (text, speaker_name, content = 'quotes', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE sentences_fts USING fts5 (text, content = 'sentences', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2');
`,
  // Quotations are searched through the sentences they stand in, as events are: one index
  // over the text, not a second one over the quoted parts of it, which cost about a sixth
  // of the time spent storing an article.
  "DROP TABLE quotes_fts;",
];

export const POSTGRES_MIGRATIONS: string[] = [
  TABLES({ text: "TEXT", int: "BIGINT", real: "DOUBLE PRECISION", blob: "BYTEA" }) + `
ALTER TABLE quotes ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(text, '') || ' ' || coalesce(speaker_name, ''))) STORED;
ALTER TABLE sentences ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(text, ''))) STORED;
CREATE INDEX quotes_tsv ON quotes USING GIN (tsv);
CREATE INDEX sentences_tsv ON sentences USING GIN (tsv);
`,
  "DROP INDEX quotes_tsv; ALTER TABLE quotes DROP COLUMN tsv;",
];
