// `parley serve`: the store and the analyser over HTTP (JSON), with the dashboard at "/".
// Every answer is JSON except the dashboard; every error is {"error": "..."} with a 4xx/5xx
// status that says whose fault it was. The OpenAPI description is at /openapi.json.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { parseJsonLine } from "../intake/index.js";
import { createPipeline, documentId, type Pipeline, type PipelineOptions } from "../pipeline.js";
import type { QueryKind, Store } from "../store/store.js";
import { BadRequest, filterFromQuery } from "./requestParams.js";
import { openApiDocument } from "./openapi.js";
import { DASHBOARD_HTML } from "./dashboard.js";

export interface ApiOptions {
  store: Store;
  /** Largest article text accepted by POST /api/extract, in characters. */
  maxBytes: number;
  pipeline?: PipelineOptions;
}

const LISTS: readonly QueryKind[] = ["events", "quotes", "actors", "positions", "articles"];

export function createApiServer(o: ApiOptions): Server {
  // The analyser loads its knowledge on first use: a server that only reads the store
  // starts at once.
  let pipeline: Pipeline | null = null;
  const analyser = () => (pipeline ??= createPipeline(o.pipeline ?? {}));

  async function route(req: IncomingMessage, url: URL): Promise<{ body: unknown } | { html: string }> {
    const parts = url.pathname.split("/").filter(Boolean);
    const method = req.method ?? "GET";
    if (parts.length === 0) return only(method, "GET", () => ({ html: DASHBOARD_HTML }));
    if (parts.length === 1 && parts[0] === "openapi.json") return only(method, "GET", () => ({ body: openApiDocument() }));
    if (parts[0] !== "api") throw new BadRequest(`no such path: ${url.pathname}`, 404);
    const [, what, id, ...rest] = parts;
    if (what === "health" && !id) return only(method, "GET", () => ({ body: { ok: true } }));
    if (what === "stats" && !id) return only(method, "GET", async () => ({ body: await o.store.stats() }));
    if (what === "extract" && !id) {
      if (method !== "POST") throw new BadRequest("POST an article as JSON: {\"text\": …, \"published\": \"YYYY-MM-DD\", \"url\": …, \"title\": …}", 405);
      // A body of more characters than an article may have cannot hold one (a UTF-8
      // character is at most 4 bytes).
      const raw = await readBody(req, o.maxBytes * 4);
      if (raw.length > o.maxBytes) throw new BadRequest(`request body too large: ${raw.length} characters (the limit is ${o.maxBytes})`, 413);
      const item = parseJsonLine(raw, "request body", 1, o.maxBytes);
      if (!item.ok) throw new BadRequest(`request body: ${item.problem.message}`);
      const article = item.article;
      article.id ??= documentId(article.text, article.url);
      return { body: analyser().analyze(article) };
    }
    if (what === "articles" && id && rest.length === 0) {
      return only(method, "GET", async () => {
        const doc = await o.store.document(decodeURIComponent(id));
        if (!doc) throw new BadRequest(`no stored article with id "${decodeURIComponent(id)}"`, 404);
        return { body: doc };
      });
    }
    if (LISTS.includes(what as QueryKind) && !id) {
      return only(method, "GET", async () => ({ body: await o.store.query(what as QueryKind, filterFromQuery(what as QueryKind, url.searchParams)) }));
    }
    throw new BadRequest(`no such path: ${url.pathname}`, 404);
  }

  return createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    route(req, url).then(
      (r) => ("html" in r ? send(res, 200, r.html, "text/html; charset=utf-8") : send(res, 200, JSON.stringify(r.body), "application/json")),
      (e: Error) => {
        const status = e instanceof BadRequest ? e.status : 500;
        send(res, status, JSON.stringify({ error: e instanceof BadRequest ? e.message : `internal error: ${e.message}` }), "application/json");
      },
    );
  });
}

async function only<T>(method: string, allowed: string, f: () => T | Promise<T>): Promise<T> {
  if (method !== allowed && !(allowed === "GET" && method === "HEAD")) throw new BadRequest(`method ${method} not allowed here (use ${allowed})`, 405);
  return f();
}

function send(res: ServerResponse, status: number, body: string, type: string): void {
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body), "cache-control": "no-store" });
  res.end(body);
}

/** The request body as text, refusing more than `limit` bytes (413) and bytes that are not UTF-8 (400). */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Past the limit the rest is read and dropped, so the client still gets its answer.
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
    });
    req.on("end", () => {
      if (size > limit) { reject(new BadRequest(`request body too large: more than ${limit} bytes`, 413)); return; }
      try {
        resolve(new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks)));
      } catch {
        reject(new BadRequest("request body is not UTF-8 text"));
      }
    });
    req.on("error", reject);
  });
}
