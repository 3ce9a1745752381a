// The embedded default: one SQLite file in WAL mode, full-text search with FTS5. Articles
// are committed whole, in batches (below), so an interrupted ingest leaves whole articles
// only and a rerun completes it.
import Database from "better-sqlite3";
import type { ContractDocument } from "../model/index.js";
import { SQLITE_MIGRATIONS } from "./migrations.js";
import { CHILD_TABLES, COLUMNS, articleKey, articleRows, articleRowToStore, unpackDoc, clusterEvents, type ArticleRows, type ClusterInput } from "./rows.js";
import type { PutResult, QueryFilter, QueryKind, Store } from "./store.js";
import { buildQuery } from "./queries.js";

type Db = Database.Database;

// Articles are committed in batches: one commit per article costs more than storing it
// (the WAL frames and full-text segments of every commit). A batch is one transaction, so
// an interrupted ingest still leaves whole articles only and a rerun completes it. The
// batch is written a few articles per turn of the event loop, so the thread that writes
// keeps feeding the analysis workers meanwhile.
//
// Articles inside a batch have no savepoints of their own: a savepoint makes the full-text
// indexes flush what they hold into a new segment, which costs about a third of the write.
// Instead an article that fails rolls the batch back, and the batch's other articles,
// already known to be good, are written again: one article fails alone, as it should, and
// the common case pays nothing for it.
const BATCH_ARTICLES = 128;
const BATCH_CHARS = 16_000_000;
const BATCH_WAIT_MS = 200;
const ARTICLES_PER_TURN = 4;

interface PendingPut { rows: ArticleRows; resolve: (r: PutResult) => void; reject: (e: Error) => void }

export class SqliteStore implements Store {
  private readonly putOne: (rows: ArticleRows) => PutResult;
  /** Articles waiting to be written. */
  private queue: PendingPut[] = [];
  /** Written in the open transaction, settled when it commits. */
  private written: Array<{ put: PendingPut; result: PutResult }> = [];
  private writtenChars = 0;
  private batchStarted = 0;
  private turn: NodeJS.Immediate | null = null;
  private timer: NodeJS.Timeout | null = null;

  private constructor(private readonly db: Db) {
    const byId = db.prepare("SELECT 1 FROM articles WHERE id = ?");
    const byUrl = db.prepare("SELECT id FROM articles WHERE url = ?");
    const deletes = [...CHILD_TABLES, "articles"].map((t) => db.prepare(`DELETE FROM ${t} WHERE ${t === "articles" ? "id" : "article_id"} = ?`));
    // The external-content index is told which rows go, with the text it indexed.
    const ftsDelete = db.prepare("INSERT INTO sentences_fts (sentences_fts, rowid, text) SELECT 'delete', rowid, text FROM sentences WHERE article_id = ?");
    const insertInto = (t: keyof typeof COLUMNS) => db.prepare(`INSERT INTO ${t} (${COLUMNS[t].join(", ")}) VALUES (${COLUMNS[t].map(() => "?").join(", ")})`);
    const insertArticle = insertInto("articles");
    const inserts = CHILD_TABLES.map((t) => [t, insertInto(t)] as const);
    const sentenceFts = db.prepare("INSERT INTO sentences_fts (rowid, text) VALUES (?, ?)");
    this.putOne = (rows: ArticleRows): PutResult => {
      const { id, url } = articleKey(rows);
      if (byId.get(id)) return "unchanged";
      let result: PutResult = "stored";
      const old = url ? (byUrl.get(url) as { id: string } | undefined) : undefined;
      if (old) {
        for (const d of [ftsDelete, ...deletes]) d.run(old.id);
        result = "replaced";
      }
      insertArticle.run(articleRowToStore(rows));
      for (const [t, insert] of inserts) {
        if (t === "sentences") for (const r of rows.sentences) sentenceFts.run(insert.run(r).lastInsertRowid, r[4]);
        else for (const r of rows[t]) insert.run(r);
      }
      return result;
    };
  }

  static open(file: string): SqliteStore {
    let db: Db;
    try {
      db = new Database(file);
    } catch (e) {
      throw new Error(`cannot open the database ${file}: ${(e as Error).message}`);
    }
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
      this.queue.push({ rows, resolve, reject });
      this.turn ??= setImmediate(() => { this.turn = null; this.writeSome(ARTICLES_PER_TURN); });
    });
  }

  /** Writes up to `n` waiting articles into the open batch (opening one if needed); commits a full batch. */
  private writeSome(n: number): void {
    for (let i = 0; i < n && this.queue.length; i++) this.write(this.queue.shift()!);
    const full = this.written.length >= BATCH_ARTICLES || this.writtenChars >= BATCH_CHARS || Date.now() - this.batchStarted >= BATCH_WAIT_MS;
    if (full) this.commit();
    else if (this.db.inTransaction) this.timer ??= setTimeout(() => { this.timer = null; this.commit(); }, BATCH_WAIT_MS);
    if (this.queue.length) this.turn ??= setImmediate(() => { this.turn = null; this.writeSome(ARTICLES_PER_TURN); });
  }

  /** Writes one article into the open batch; one that fails is rejected alone (see the note at the top). */
  private write(p: PendingPut): void {
    if (!this.db.inTransaction) { this.db.exec("BEGIN"); this.batchStarted = Date.now(); }
    try {
      this.written.push({ put: p, result: this.putOne(p.rows) });
      this.writtenChars += articleKey(p.rows).text.length;
    } catch (e) {
      p.reject(e as Error);
      const good = this.written;
      this.written = [];
      this.writtenChars = 0;
      if (this.db.inTransaction) this.db.exec("ROLLBACK");
      for (const w of good) this.write(w.put);
    }
  }

  private commit(): void {
    if (this.timer) { clearTimeout(this.timer); this.timer = null; }
    const done = this.written;
    this.written = [];
    this.writtenChars = 0;
    try {
      if (this.db.inTransaction) this.db.exec("COMMIT");
    } catch (e) {
      // A commit that fails (a full disk) loses the batch: each article is reported.
      if (this.db.inTransaction) this.db.exec("ROLLBACK");
      for (const w of done) w.put.reject(new Error(`not committed: ${(e as Error).message}`));
      return;
    }
    for (const w of done) w.put.resolve(w.result);
  }

  /** Writes and commits every waiting article now. */
  flush(): void {
    if (this.turn) { clearImmediate(this.turn); this.turn = null; }
    this.writeSome(Infinity);
    this.commit();
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

  async document(id: string): Promise<ContractDocument | null> {
    const r = this.db.prepare("SELECT doc, text FROM articles WHERE id = ?").get(id) as { doc: Buffer; text: string } | undefined;
    return r ? unpackDoc(r.doc, r.text) : null;
  }

  async *exportEvents(): AsyncIterable<Record<string, unknown>> {
    yield* this.db.prepare(`SELECT e.*, a.url, a.published, m.cluster_id, c.reports FROM events e JOIN articles a ON a.id = e.article_id
      LEFT JOIN event_cluster_members m ON m.article_id = e.article_id AND m.event_id = e.id LEFT JOIN event_clusters c ON c.id = m.cluster_id
      ORDER BY e.date, e.article_id, e.id`).iterate() as Iterable<Record<string, unknown>>;
  }

  async close(): Promise<void> { this.flush(); this.db.close(); }
}
