// The SQL behind `parley query`, for both dialects: filters by actor (name or code),
// type, date range and full-text search.
import type { QueryFilter, QueryKind } from "./store.js";

export function buildQuery(kind: QueryKind, f: QueryFilter, dialect: "sqlite" | "postgres"): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (v: unknown) => { params.push(v); return dialect === "sqlite" ? "?" : `$${params.length}`; };
  const where: string[] = [];
  const like = dialect === "sqlite" ? "LIKE" : "ILIKE";
  const limit = f.limit ?? 100;
  if (kind === "events") {
    if (f.actor) { const a = `%${f.actor}%`; where.push(`(e.source_name ${like} ${p(a)} OR e.target_name ${like} ${p(a)} OR e.source_code = ${p(f.actor)} OR e.target_code = ${p(f.actor)})`); }
    if (f.type) where.push(`(e.type = ${p(f.type.toUpperCase())} OR e.cameo = ${p(f.type)})`);
    if (f.since) where.push(`e.date >= ${p(f.since)}`);
    if (f.until) where.push(`e.date <= ${p(f.until)}`);
    // Events whose own sentence matches the words (full-text index over sentences).
    if (f.search) where.push(`EXISTS (SELECT 1 FROM sentences s WHERE s.article_id = e.article_id AND s.start_offset <= e.evidence_start AND e.evidence_start < s.end_offset AND ${sentenceMatch(f.search, dialect, p)})`);
    return { sql: `SELECT e.date, e.type, e.cameo, e.source_name AS source, e.source_code, e.target_name AS target, e.target_code, e.modality, e.location_name AS place, e.goldstein, e.article_id,
      substr(a.text, e.evidence_start + 1, e.evidence_end - e.evidence_start) AS evidence
      FROM events e JOIN articles a ON a.id = e.article_id ${where.length ? "WHERE " + where.join(" AND ") : ""} ORDER BY e.date, e.article_id, e.id LIMIT ${Number(limit)}`, params };
  }
  if (kind === "quotes") {
    if (f.actor) where.push(`q.speaker_name ${like} ${p(`%${f.actor}%`)}`);
    if (f.type) where.push(`q.type = ${p(f.type)}`);
    if (f.since) where.push(`a.published >= ${p(f.since)}`);
    if (f.until) where.push(`a.published <= ${p(f.until)}`);
    // Quotations whose sentences match the words: the quoted words and the clause that
    // reports them ("…, Starmer said").
    if (f.search) where.push(`EXISTS (SELECT 1 FROM sentences s WHERE s.article_id = q.article_id AND s.start_offset < q.end_offset AND q.start_offset < s.end_offset AND ${sentenceMatch(f.search, dialect, p)})`);
    return { sql: `SELECT a.published, q.speaker_name AS speaker, q.type, q.cue, q.text, q.article_id FROM quotes q JOIN articles a ON a.id = q.article_id
      ${where.length ? "WHERE " + where.join(" AND ") : ""} ORDER BY a.published, q.article_id, q.start_offset LIMIT ${Number(limit)}`, params };
  }
  if (kind === "positions") {
    if (f.actor) where.push(`(ac.name ${like} ${p(`%${f.actor}%`)} OR ac.code = ${p(f.actor)} OR ac.country = ${p(f.actor)})`);
    if (f.type) where.push(`ps.stance = ${p(f.type)}`);
    if (f.since) where.push(`coalesce(ps.date, a.published) >= ${p(f.since)}`);
    if (f.until) where.push(`coalesce(ps.date, a.published) <= ${p(f.until)}`);
    if (f.search) where.push(`(ps.issue ${like} ${p(`%${f.search}%`)} OR ps.detail ${like} ${p(`%${f.search}%`)})`);
    return { sql: `SELECT coalesce(ps.date, a.published) AS date, ac.name AS actor, ac.code, ps.stance, ps.issue, ps.condition, ps.detail, ps.article_id
      FROM positions ps JOIN articles a ON a.id = ps.article_id LEFT JOIN actors ac ON ac.article_id = ps.article_id AND ac.id = ps.actor
      ${where.length ? "WHERE " + where.join(" AND ") : ""} ORDER BY coalesce(ps.date, a.published), ps.article_id, ps.idx LIMIT ${Number(limit)}`, params };
  }
  if (kind === "articles") {
    // Articles naming an actor, published in the range, with a sentence matching the words.
    if (f.actor) where.push(`EXISTS (SELECT 1 FROM actors ac WHERE ac.article_id = a.id AND (ac.name ${like} ${p(`%${f.actor}%`)} OR ac.code = ${p(f.actor)}))`);
    if (f.since) where.push(`a.published >= ${p(f.since)}`);
    if (f.until) where.push(`a.published <= ${p(f.until)}`);
    if (f.search) where.push(`EXISTS (SELECT 1 FROM sentences s WHERE s.article_id = a.id AND ${sentenceMatch(f.search, dialect, p)})`);
    return { sql: `SELECT a.id, a.published, a.title, a.url, (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes,
      (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events FROM articles a
      ${where.length ? "WHERE " + where.join(" AND ") : ""} ORDER BY a.published DESC, a.id LIMIT ${Number(limit)}`, params };
  }
  if (f.actor) where.push(`(ac.name ${like} ${p(`%${f.actor}%`)} OR ac.code = ${p(f.actor)})`);
  if (f.type) where.push(`ac.kind = ${p(f.type)}`);
  return { sql: `SELECT ac.name, ac.kind, ac.country, ac.sector, ac.code, count(DISTINCT ac.article_id) AS articles FROM actors ac
    ${where.length ? "WHERE " + where.join(" AND ") : ""} GROUP BY ac.name, ac.kind, ac.country, ac.sector, ac.code ORDER BY articles DESC, ac.name LIMIT ${Number(limit)}`, params };
}

/** A sentence `s` matches the user's words (full-text index over sentences). */
function sentenceMatch(search: string, dialect: "sqlite" | "postgres", p: (v: unknown) => string): string {
  return dialect === "sqlite"
    ? `s.rowid IN (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ${p(ftsQuery(search))})`
    : `s.tsv @@ plainto_tsquery('english', ${p(search)})`;
}

/** User words as an FTS5 query: each word quoted, so punctuation never becomes syntax. */
function ftsQuery(search: string): string {
  return search.split(/\s+/).filter(Boolean).map((w) => `"${w.replace(/"/g, '""')}"`).join(" ");
}
