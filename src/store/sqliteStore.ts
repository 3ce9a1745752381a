// The embedded default: one SQLite file in WAL mode, full-text search with FTS5. Each
// article is written in its own transaction, so an interrupted ingest leaves whole
// articles only and a rerun completes it.
import Database from "better-sqlite3";
import type { ContractDocument } from "../model/index.js";
import { SQLITE_MIGRATIONS } from "./migrations.js";
import { COLUMNS, articleKey, articleRows, unpackDoc, clusterEvents, type ArticleRows, type ClusterInput } from "./rows.js";
import type { PutResult, QueryFilter, QueryKind, Store } from "./store.js";
import { buildQuery } from "./queries.js";

type Db = Database.Database;
const CHILD_TABLES = ["sentences", "actors", "mentions", "times", "quotes", "events", "positions"] as const;

// Articles are committed in batches: one commit per article costs more than storing it
// (the WAL frames and full-text segments of every commit), so puts wait a little for
// company. A batch is one transaction, so an interrupted ingest still leaves whole
// articles only; a batch that fails is retried article by article, so one bad article
// is reported alone and the rest are stored.
const BATCH_ARTICLES = 128;
const BATCH_CHARS = 16_000_000;
const BATCH_WAIT_MS = 200;

interface PendingPut { rows: ArticleRows; resolve: (r: PutResult) => void; reject: (e: Error) => void }

export class SqliteStore implements Store {
  private readonly putTx: (rows: ArticleRows) => PutResult;
  private readonly batchTx: (batch: PendingPut[]) => PutResult[];
  private pending: PendingPut[] = [];
  private pendingChars = 0;
  private timer: NodeJS.Timeout | null = null;

  private constructor(private readonly db: Db) {
    const byId = db.prepare("SELECT 1 FROM articles WHERE id = ?");
    const byUrl = db.prepare("SELECT id FROM articles WHERE url = ?");
    const deletes = [...CHILD_TABLES, "articles"].map((t) => db.prepare(`DELETE FROM ${t} WHERE ${t === "articles" ? "id" : "article_id"} = ?`));
    // External-content indexes are told which rows go, with the text they indexed.
    const ftsDeletes = [
      db.prepare("INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker_name) SELECT 'delete', rowid, text, speaker_name FROM quotes WHERE article_id = ?"),
      db.prepare("INSERT INTO sentences_fts (sentences_fts, rowid, text) SELECT 'delete', rowid, text FROM sentences WHERE article_id = ?"),
    ];
    const inserts = Object.fromEntries(Object.entries(COLUMNS).map(([table, cols]) =>
      [table, db.prepare(`INSERT INTO ${table} (${cols.join(", ")}) VALUES (${cols.map(() => "?").join(", ")})`)]));
    const quoteFts = db.prepare("INSERT INTO quotes_fts (rowid, text, speaker_name) VALUES (?, ?, ?)");
    const sentenceFts = db.prepare("INSERT INTO sentences_fts (rowid, text) VALUES (?, ?)");
    const putOne = (rows: ArticleRows): PutResult => {
      const { id, url } = articleKey(rows);
      if (byId.get(id)) return "unchanged";
      let result: PutResult = "stored";
      const old = url ? (byUrl.get(url) as { id: string } | undefined) : undefined;
      if (old) {
        for (const d of [...ftsDeletes, ...deletes]) d.run(old.id);
        result = "replaced";
      }
      inserts.articles.run(rows.article);
      for (const t of CHILD_TABLES) {
        if (t === "quotes") for (const q of rows.quotes) quoteFts.run(inserts.quotes.run(q).lastInsertRowid, q[4], q[7]);
        else if (t === "sentences") for (const r of rows.sentences) sentenceFts.run(inserts.sentences.run(r).lastInsertRowid, r[4]);
        else for (const r of rows[t]) inserts[t].run(r);
      }
      return result;
    };
    this.putTx = db.transaction(putOne);
    this.batchTx = db.transaction((batch: PendingPut[]) => batch.map((p) => putOne(p.rows)));
  }

  static open(file: string): SqliteStore {
    const db = new Database(file);
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
    const done = new Set((db.prepare("SELECT version FROM schema_migrations").all() as Array<{ version: number }>).map((r) => r.version));
    SQLITE_MIGRATIONS.forEach((sql, i) => {
      const version = i + 1;
      if (done.has(version)) return;
      db.transaction(() => {
        db.exec(sql);
        db.prepare("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)").run(version, new Date().toISOString());
      })();
    });
    return new SqliteStore(db);
  }

  /** Resolves once the article is committed (with the batch it joined). */
  put(doc: ContractDocument, source: string | null): Promise<PutResult> {
    return this.putRows(articleRows(doc, source));
  }

  putRows(rows: ArticleRows): Promise<PutResult> {
    return new Promise<PutResult>((resolve, reject) => {
      this.pending.push({ rows, resolve, reject });
      this.pendingChars += articleKey(rows).text.length;
      if (this.pending.length >= BATCH_ARTICLES || this.pendingChars >= BATCH_CHARS) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), BATCH_WAIT_MS);
    });
  }

  /** Commits every waiting article now. */
  flush(): void {
    if (this.timer) { clearTimeout(this.timer); this.timer = null; }
    const batch = this.pending;
    this.pending = [];
    this.pendingChars = 0;
    if (batch.length === 0) return;
    let results: PutResult[] | null = null;
    try { results = this.batchTx(batch); } catch { /* retried one by one below */ }
    if (results) { batch.forEach((p, i) => p.resolve(results![i])); return; }
    for (const p of batch) {
      try { p.resolve(this.putTx(p.rows)); } catch (e) { p.reject(e as Error); }
    }
  }

  async has(id: string): Promise<boolean> { return Boolean(this.db.prepare("SELECT 1 FROM articles WHERE id = ?").get(id)); }
  async idForUrl(url: string): Promise<string | null> {
    return (this.db.prepare("SELECT id FROM articles WHERE url = ?").get(url) as { id: string } | undefined)?.id ?? null;
  }

  async rebuildClusters(): Promise<number> {
    this.flush();
    const events = this.db.prepare(`SELECT article_id, id, type, source_code, target_code, location_country AS place, date FROM events
      WHERE date IS NOT NULL AND (source_code IS NOT NULL OR target_code IS NOT NULL)`).all() as ClusterInput[];
    const clusters = clusterEvents(events);
    const insertCluster = this.db.prepare("INSERT INTO event_clusters (id, type, source_code, target_code, place, first_date, last_date, reports) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    const insertMember = this.db.prepare("INSERT INTO event_cluster_members (cluster_id, article_id, event_id) VALUES (?, ?, ?)");
    this.db.transaction(() => {
      this.db.exec("DELETE FROM event_cluster_members; DELETE FROM event_clusters;");
      clusters.forEach((c, i) => {
        const m = c.members[0];
        insertCluster.run(i + 1, m.type, m.source_code, m.target_code, m.place, c.first, c.last, new Set(c.members.map((x) => x.article_id)).size);
        for (const e of c.members) insertMember.run(i + 1, e.article_id, e.id);
      });
    })();
    return clusters.length;
  }

  async query(kind: QueryKind, f: QueryFilter): Promise<Array<Record<string, unknown>>> {
    const { sql, params } = buildQuery(kind, f, "sqlite");
    return this.db.prepare(sql).all(...params) as Array<Record<string, unknown>>;
  }

  async stats(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const t of ["articles", "actors", "mentions", "quotes", "events", "times", "positions", "event_clusters"]) {
      out[t] = (this.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    }
    out.multi_report_events = (this.db.prepare("SELECT count(*) AS n FROM event_clusters WHERE reports > 1").get() as { n: number }).n;
    return out;
  }

  async *exportDocs(): AsyncIterable<ContractDocument> {
    for (const r of this.db.prepare("SELECT doc, text FROM articles ORDER BY id").iterate() as Iterable<{ doc: Buffer; text: string }>) yield unpackDoc(r.doc, r.text);
  }

  async *exportEvents(): AsyncIterable<Record<string, unknown>> {
    yield* this.db.prepare(`SELECT e.*, a.url, a.published, m.cluster_id, c.reports FROM events e JOIN articles a ON a.id = e.article_id
      LEFT JOIN event_cluster_members m ON m.article_id = e.article_id AND m.event_id = e.id LEFT JOIN event_clusters c ON c.id = m.cluster_id
      ORDER BY e.date, e.article_id, e.id`).iterate() as Iterable<Record<string, unknown>>;
  }

  async close(): Promise<void> { this.flush(); this.db.close(); }
}
