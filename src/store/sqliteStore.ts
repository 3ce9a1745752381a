// The embedded default: one SQLite file in WAL mode, full-text search with FTS5. Each
// article is written in its own transaction, so an interrupted ingest leaves whole
// articles only and a rerun completes it.
import Database from "better-sqlite3";
import type { ContractDocument } from "../model/index.js";
import { SQLITE_MIGRATIONS } from "./migrations.js";
import { COLUMNS, articleRows, clusterEvents, type ArticleRows, type ClusterInput } from "./rows.js";
import type { PutResult, QueryFilter, Store } from "./store.js";
import { buildQuery } from "./queries.js";

type Db = Database.Database;
const CHILD_TABLES = ["sentences", "actors", "mentions", "times", "quotes", "events", "positions"] as const;

export class SqliteStore implements Store {
  private readonly inserts: Record<string, Database.Statement>;
  private readonly putTx: (doc: ContractDocument, source: string | null) => PutResult;

  private constructor(private readonly db: Db) {
    this.inserts = Object.fromEntries(Object.entries(COLUMNS).map(([table, cols]) =>
      [table, db.prepare(`INSERT INTO ${table} (${cols.join(", ")}) VALUES (${cols.map(() => "?").join(", ")})`)]));
    const quoteFts = db.prepare("INSERT INTO quotes_fts (text, speaker_name, article_id, quote_id) VALUES (?, ?, ?, ?)");
    const sentenceFts = db.prepare("INSERT INTO sentences_fts (text, article_id, idx) VALUES (?, ?, ?)");
    const byId = db.prepare("SELECT 1 FROM articles WHERE id = ?");
    const byUrl = db.prepare("SELECT id FROM articles WHERE url = ?");
    const deletes = [...CHILD_TABLES, "articles"].map((t) => db.prepare(`DELETE FROM ${t} WHERE ${t === "articles" ? "id" : "article_id"} = ?`));
    const ftsDeletes = [db.prepare("DELETE FROM quotes_fts WHERE article_id = ?"), db.prepare("DELETE FROM sentences_fts WHERE article_id = ?")];
    this.putTx = db.transaction((doc: ContractDocument, source: string | null): PutResult => {
      if (byId.get(doc.id)) return "unchanged";
      let result: PutResult = "stored";
      const old = doc.url ? (byUrl.get(doc.url) as { id: string } | undefined) : undefined;
      if (old) {
        for (const d of [...deletes, ...ftsDeletes]) d.run(old.id);
        result = "replaced";
      }
      const rows: ArticleRows = articleRows(doc, source);
      this.inserts.articles.run(rows.article);
      for (const t of CHILD_TABLES) for (const r of rows[t]) this.inserts[t].run(r);
      for (const q of rows.quotes) quoteFts.run(q[4], q[7], q[0], q[1]);
      for (const s of rows.sentences) sentenceFts.run(s[4], s[0], s[1]);
      return result;
    });
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

  async put(doc: ContractDocument, source: string | null): Promise<PutResult> { return this.putTx(doc, source); }
  async has(id: string): Promise<boolean> { return Boolean(this.db.prepare("SELECT 1 FROM articles WHERE id = ?").get(id)); }
  async idForUrl(url: string): Promise<string | null> {
    return (this.db.prepare("SELECT id FROM articles WHERE url = ?").get(url) as { id: string } | undefined)?.id ?? null;
  }

  async rebuildClusters(): Promise<number> {
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

  async query(kind: "events" | "quotes" | "actors", f: QueryFilter): Promise<Array<Record<string, unknown>>> {
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
    for (const r of this.db.prepare("SELECT doc FROM articles ORDER BY id").iterate() as Iterable<{ doc: string }>) yield JSON.parse(r.doc);
  }

  async *exportEvents(): AsyncIterable<Record<string, unknown>> {
    yield* this.db.prepare(`SELECT e.*, a.url, a.published, m.cluster_id, c.reports FROM events e JOIN articles a ON a.id = e.article_id
      LEFT JOIN event_cluster_members m ON m.article_id = e.article_id AND m.event_id = e.id LEFT JOIN event_clusters c ON c.id = m.cluster_id
      ORDER BY e.date, e.article_id, e.id`).iterate() as Iterable<Record<string, unknown>>;
  }

  async close(): Promise<void> { this.db.close(); }
}
