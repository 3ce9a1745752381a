// A contract document as table rows: the one place that knows how an analysed article
// maps onto the store's tables, shared by the SQLite and PostgreSQL stores.
import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { ContractDocument } from "../model/index.js";

export type Row = Array<string | number | null | Buffer>;

/**
 * The whole contract document, kept for export: its JSON without the text (stored once,
 * in its own column), deflated. It is the largest thing stored for an article, and
 * writing less is what makes a store fast.
 *
 * The JSON is made where the document is (an analysis worker); deflating it is done by
 * the worker too (`deflate`) or by the store as it writes the row (articleRowToStore),
 * whichever thread has time to spare: the writer when one worker is slower than it,
 * the workers when several keep the writer busy.
 */
export function docJson(doc: ContractDocument): string {
  const { text: _text, ...rest } = doc;
  return JSON.stringify(rest);
}

function deflateDoc(json: string): Buffer {
  return deflateRawSync(json, { level: 1 });
}

/** The article's row as stored: its document deflated (if the worker has not). */
export function articleRowToStore(rows: ArticleRows): Row {
  if (typeof rows.article[6] !== "string") return rows.article;
  const row = rows.article.slice();
  row[6] = deflateDoc(rows.article[6]);
  return row;
}

/** The document as analysed, keys in the contract's order. */
export function unpackDoc(packed: Uint8Array, text: string): ContractDocument {
  const { id, published, url, title, ...rest } = JSON.parse(inflateRawSync(packed).toString("utf8")) as Omit<ContractDocument, "text">;
  return { id, published, ...(url !== undefined ? { url } : {}), ...(title !== undefined ? { title } : {}), text, ...rest } as ContractDocument;
}

/** The tables that hold an article's parts, each row keyed by article_id (its first column). */
export const CHILD_TABLES = ["sentences", "actors", "mentions", "times", "quotes", "events", "positions"] as const;
export type ChildTable = (typeof CHILD_TABLES)[number];

export interface ArticleRows {
  article: Row;
  sentences: Row[];
  actors: Row[];
  mentions: Row[];
  times: Row[];
  quotes: Row[];
  events: Row[];
  positions: Row[];
}

export const COLUMNS = {
  articles: ["id", "url", "title", "published", "text", "source", "doc"],
  sentences: ["article_id", "idx", "start_offset", "end_offset", "text"],
  actors: ["article_id", "id", "name", "kind", "country", "sector", "code", "kb"],
  mentions: ["article_id", "start_offset", "end_offset", "actor", "kind"],
  times: ["article_id", "start_offset", "end_offset", "text", "value"],
  quotes: ["article_id", "id", "start_offset", "end_offset", "text", "type", "speaker", "speaker_name", "speaker_start", "speaker_end", "cue", "cue_start"],
  events: ["article_id", "id", "type", "mode", "context", "cameo", "source", "source_name", "source_code", "source_country", "target", "target_name", "target_code", "target_country", "date", "location_name", "location_country", "modality", "quote", "goldstein", "evidence_start", "evidence_end"],
  positions: ["article_id", "idx", "actor", "stance", "issue", "condition", "detail", "date", "evidence_start", "evidence_end"],
} as const;

/** The article row's id, URL and text (columns 0, 1 and 4). */
export function articleKey(rows: ArticleRows): { id: string; url: string | null; text: string } {
  return { id: rows.article[0] as string, url: rows.article[1] as string | null, text: rows.article[4] as string };
}

export function articleRows(doc: ContractDocument, source: string | null, o: { deflate?: boolean } = {}): ArticleRows {
  const id = doc.id;
  const actor = new Map((doc.actors ?? []).map((a) => [a.id, a]));
  return {
    article: [id, doc.url ?? null, doc.title ?? null, doc.published, doc.text, source, o.deflate ? deflateDoc(docJson(doc)) : docJson(doc)],
    sentences: doc.sentences.map(([s, e], i) => [id, i, s, e, doc.text.slice(s, e)]),
    actors: (doc.actors ?? []).map((a) => [id, a.id, a.name, a.kind, a.country, a.sector, a.code, a.kb]),
    mentions: (doc.mentions ?? []).map((m) => [id, m.start, m.end, m.actor, m.kind]),
    times: (doc.times ?? []).map((t) => [id, t.start, t.end, t.text, t.value]),
    quotes: (doc.quotes ?? []).map((q) => [id, q.id, q.start, q.end, q.text, q.type, q.speaker, q.speaker ? actor.get(q.speaker)?.name ?? null : q.speakerText ?? null,
      q.speakerStart, q.speakerEnd, q.cue, q.cueStart]),
    events: (doc.events ?? []).map((e) => {
      const s = e.source ? actor.get(e.source) : undefined, t = e.target ? actor.get(e.target) : undefined;
      return [id, e.id, e.type, e.mode, JSON.stringify(e.context), e.cameo, e.source, s?.name ?? null, s?.code ?? null, s?.country ?? null,
        e.target, t?.name ?? null, t?.code ?? null, t?.country ?? null, e.date, e.location?.name ?? null, e.location?.country ?? null,
        e.modality, e.quote, e.goldstein, e.evidence[0], e.evidence[1]];
    }),
    positions: (doc.positions ?? []).map((p, i) => [id, i, p.actor, p.stance, p.issue, p.condition ?? null, p.detail, p.date, p.evidence[0], p.evidence[1]]),
  };
}

/** Events of the same type, source, target and place within a day of each other are one real-world event. */
export interface ClusterInput { article_id: string; id: string; type: string; source_code: string | null; target_code: string | null; place: string | null; date: string }

export function clusterEvents(events: ClusterInput[]): Array<{ key: string; first: string; last: string; members: ClusterInput[] }> {
  // Only day-precise dates can be compared within a day; week and month dates stay alone.
  const sorted = events.filter((e) => /^\d{4}-\d{2}-\d{2}$/.test(e.date)).sort((a, b) => {
    const ka = `${a.type}|${a.source_code}|${a.target_code}|${a.place}`, kb = `${b.type}|${b.source_code}|${b.target_code}|${b.place}`;
    return ka < kb ? -1 : ka > kb ? 1 : a.date < b.date ? -1 : a.date > b.date ? 1 : a.article_id < b.article_id ? -1 : a.article_id > b.article_id ? 1 : a.id < b.id ? -1 : 1;
  });
  const out: Array<{ key: string; first: string; last: string; members: ClusterInput[] }> = [];
  const day = (d: string) => Date.parse(d.slice(0, 10) + "T00:00:00Z") / 86400000;
  for (const e of sorted) {
    const key = `${e.type}|${e.source_code}|${e.target_code}|${e.place}`;
    const cur = out[out.length - 1];
    // Chained within one day of the previous report, so a story told over three days stays one event.
    if (cur && cur.key === key && day(e.date) - day(cur.last) <= 1) { cur.members.push(e); cur.last = e.date; continue; }
    out.push({ key, first: e.date, last: e.date, members: [e] });
  }
  return out;
}
