// The shared store: PostgreSQL, in its own schema, full-text search with tsvector/GIN.
// Writes are idempotent under concurrency: an article's row is claimed with
// INSERT … ON CONFLICT DO NOTHING inside the transaction that writes the rest, so two
// workers handed the same article store it once.
import pg from "pg";
import type { ContractDocument } from "../model/index.js";
import { POSTGRES_MIGRATIONS } from "./migrations.js";
import { CHILD_TABLES, COLUMNS, articleKey, articleRows, articleRowToStore, unpackDoc, clusterEvents, type ArticleRows, type ClusterInput, type Row } from "./rows.js";
import type { PutResult, QueryFilter, QueryKind, Store } from "./store.js";
import { buildQuery } from "./queries.js";

function insertSql(table: keyof typeof COLUMNS, rows: Row[]): { text: string; values: unknown[] } | null {
  if (rows.length === 0) return null;
  const cols = COLUMNS[table];
  const values: unknown[] = [];
  const tuples = rows.map((r) => `(${r.map((v) => { values.push(v); return `$${values.length}`; }).join(", ")})`);
  return { text: `INSERT INTO ${table} (${cols.join(", ")}) VALUES ${tuples.join(", ")}`, values };
}

export class PostgresStore implements Store {
  private constructor(private readonly pool: pg.Pool, readonly schema: string) {}

  static async open(url: string, schema: string): Promise<PostgresStore> {
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`schema name "${schema}" must be lower-case letters, digits and _`);
    const pool = new pg.Pool({ connectionString: url, max: 4, options: `-c search_path=${schema}` });
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock(hashtext('parley-migrations'))");
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await client.query("CREATE TABLE IF NOT EXISTS schema_migrations (version INT PRIMARY KEY, applied_at TEXT NOT NULL)");
      const done = new Set((await client.query("SELECT version FROM schema_migrations")).rows.map((r) => Number(r.version)));
      for (let i = 0; i < POSTGRES_MIGRATIONS.length; i++) {
        if (done.has(i + 1)) continue;
        await client.query(POSTGRES_MIGRATIONS[i]);
        await client.query("INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)", [i + 1, new Date().toISOString()]);
      }
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK").catch(() => undefined);
      await pool.end();
      throw e;
    } finally {
      client.release();
    }
    return new PostgresStore(pool, schema);
  }

  async put(doc: ContractDocument, source: string | null): Promise<PutResult> {
    return this.putRows(articleRows(doc, source));
  }

  async putRows(rows: ArticleRows): Promise<PutResult> {
    const { id, url } = articleKey(rows);
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      let result: PutResult = "stored";
      if (url) {
        const old = await client.query("SELECT id FROM articles WHERE url = $1 AND id <> $2 FOR UPDATE", [url, id]);
        if (old.rowCount) {
          for (const t of CHILD_TABLES) await client.query(`DELETE FROM ${t} WHERE article_id = $1`, [old.rows[0].id]);
          await client.query("DELETE FROM articles WHERE id = $1", [old.rows[0].id]);
          result = "replaced";
        }
      }
      const claim = insertSql("articles", [articleRowToStore(rows)])!;
      const claimed = await client.query(claim.text + " ON CONFLICT (id) DO NOTHING", claim.values);
      if (claimed.rowCount === 0) { await client.query("ROLLBACK"); return "unchanged"; }
      for (const t of CHILD_TABLES) {
        const q = insertSql(t, rows[t]);
        if (q) await client.query(q.text, q.values);
      }
      await client.query("COMMIT");
      return result;
    } catch (e) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  async has(id: string): Promise<boolean> { return ((await this.pool.query("SELECT 1 FROM articles WHERE id = $1", [id])).rowCount ?? 0) > 0; }
  async idForUrl(url: string): Promise<string | null> { return (await this.pool.query("SELECT id FROM articles WHERE url = $1", [url])).rows[0]?.id ?? null; }

  async rebuildClusters(): Promise<number> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock(hashtext('parley-clusters'))");
      const events = (await client.query(`SELECT article_id, id, type, source_code, target_code, location_country AS place, date FROM events
        WHERE date IS NOT NULL AND (source_code IS NOT NULL OR target_code IS NOT NULL)`)).rows as ClusterInput[];
      const clusters = clusterEvents(events);
      await client.query("DELETE FROM event_cluster_members; DELETE FROM event_clusters;");
      for (let i = 0; i < clusters.length; i++) {
        const c = clusters[i], m = c.members[0];
        await client.query("INSERT INTO event_clusters (id, type, source_code, target_code, place, first_date, last_date, reports) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)",
          [i + 1, m.type, m.source_code, m.target_code, m.place, c.first, c.last, new Set(c.members.map((x) => x.article_id)).size]);
        for (const e of c.members) await client.query("INSERT INTO event_cluster_members (cluster_id, article_id, event_id) VALUES ($1,$2,$3)", [i + 1, e.article_id, e.id]);
      }
      await client.query("COMMIT");
      return clusters.length;
    } catch (e) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  async query(kind: QueryKind, f: QueryFilter): Promise<Array<Record<string, unknown>>> {
    const { sql, params } = buildQuery(kind, f, "postgres");
    return (await this.pool.query(sql, params)).rows;
  }

  async stats(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const t of ["articles", "actors", "mentions", "quotes", "events", "times", "positions", "event_clusters"]) {
      out[t] = Number((await this.pool.query(`SELECT count(*) AS n FROM ${t}`)).rows[0].n);
    }
    out.multi_report_events = Number((await this.pool.query("SELECT count(*) AS n FROM event_clusters WHERE reports > 1")).rows[0].n);
    return out;
  }

  async *exportDocs(): AsyncIterable<ContractDocument> {
    for (const r of (await this.pool.query("SELECT doc, text FROM articles ORDER BY id")).rows) yield unpackDoc(r.doc, r.text);
  }

  async document(id: string): Promise<ContractDocument | null> {
    const r = (await this.pool.query("SELECT doc, text FROM articles WHERE id = $1", [id])).rows[0];
    return r ? unpackDoc(r.doc, r.text) : null;
  }

  async *exportEvents(): AsyncIterable<Record<string, unknown>> {
    yield* (await this.pool.query(`SELECT e.*, a.url, a.published, m.cluster_id, c.reports FROM events e JOIN articles a ON a.id = e.article_id
      LEFT JOIN event_cluster_members m ON m.article_id = e.article_id AND m.event_id = e.id LEFT JOIN event_clusters c ON c.id = m.cluster_id
      ORDER BY e.date, e.article_id, e.id`)).rows;
  }

  async close(): Promise<void> { await this.pool.end(); }
}
