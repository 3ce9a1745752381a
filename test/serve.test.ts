// `parley serve` as a client uses it: list endpoints with filters, one stored article,
// analysis of posted text, errors that name the problem, the OpenAPI description and the
// dashboard page; and the command itself starting and stopping.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { Script } from "node:vm";
import type { Server } from "node:http";
import { SqliteStore } from "../src/store/sqliteStore.js";
import { createPipeline } from "../src/pipeline.js";
import { createApiServer } from "../src/serve/httpApi.js";
import { cliPath } from "./helpers.js";
import { exampleBatch } from "./storeFixtures.js";

const dir = mkdtempSync(path.join(tmpdir(), "parley-serve-"));
const dbFile = path.join(dir, "serve.db");
let server: Server;
let store: SqliteStore;
let base = "";
const stored: string[] = [];

before(async () => {
  store = SqliteStore.open(dbFile);
  const pipeline = createPipeline();
  for (const line of exampleBatch(6)) {
    const { date, ...rest } = JSON.parse(line);
    const doc = pipeline.analyze({ ...rest, published: date });
    stored.push(doc.id);
    await store.put(doc, null);
  }
  await store.rebuildClusters();
  server = createApiServer({ store, maxBytes: 2000 });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await store.close();
});

const get = async (p: string) => { const r = await fetch(base + p); return { status: r.status, type: r.headers.get("content-type") ?? "", body: r.headers.get("content-type")?.startsWith("application/json") ? await r.json() : await r.text() }; };
const post = async (p: string, body: string) => { const r = await fetch(base + p, { method: "POST", body, headers: { "content-type": "application/json" } }); return { status: r.status, body: await r.json() }; };

test("list endpoints return the rows parley query returns, filtered", async () => {
  const stats = await get("/api/stats");
  assert.equal(stats.status, 200);
  assert.equal(stats.body.articles, 6);
  const events = await get("/api/events?limit=500");
  assert.equal(events.body.length, stats.body.events);
  const accuse = await get("/api/events?type=ACCUSE&limit=500");
  assert.ok(accuse.body.length > 0 && accuse.body.every((e: { type: string }) => e.type === "ACCUSE"));
  const quotes = await get("/api/quotes?search=ceasefire");
  assert.ok(quotes.body.length > 0);
  assert.deepEqual(await store.query("quotes", { search: "ceasefire", limit: 100 }), quotes.body);
  const articles = await get("/api/articles?limit=3");
  assert.equal(articles.body.length, 3);
  assert.ok(articles.body.every((a: { id: string }) => stored.includes(a.id)));
});

test("bad filters are 400 with a message naming the parameter", async () => {
  for (const [q, word] of [["since=2025-13-40", "since"], ["limit=0", "limit"], ["limit=abc", "limit"], ["colour=red", "colour"], ["type=a&type=b", "type"]]) {
    const r = await get(`/api/events?${q}`);
    assert.equal(r.status, 400, q);
    assert.match(r.body.error, new RegExp(word), q);
  }
  // A filter a list does not honour is refused, not ignored.
  const ignored = await get("/api/actors?since=2025-01-01");
  assert.equal(ignored.status, 400);
  assert.match(ignored.body.error, /"since" for actors/);
  assert.equal((await get("/api/nothing")).status, 404);
  const wrongMethod = await post("/api/events", "{}");
  assert.equal(wrongMethod.status, 405);
});

test("one stored article comes back as its contract document; an unknown id is 404", async () => {
  const r = await get(`/api/articles/${stored[2]}`);
  assert.equal(r.status, 200);
  assert.equal(r.body.id, stored[2]);
  for (const q of r.body.quotes) assert.equal(r.body.text.slice(q.start, q.end), q.text);
  const missing = await get("/api/articles/no-such-id");
  assert.equal(missing.status, 404);
  assert.match(missing.body.error, /no-such-id/);
});

test("POST /api/extract analyses text without storing it; bad bodies are refused with the reason", async () => {
  const text = "Vladimir Putin said on Monday that Russia would not agree to a ceasefire.";
  const r = await post("/api/extract", JSON.stringify({ text, published: "2025-03-16" }));
  assert.equal(r.status, 200);
  assert.equal(r.body.text, text);
  assert.equal(r.body.published, "2025-03-16");
  assert.ok(r.body.actors.some((a: { name: string }) => a.name === "Vladimir Putin"));
  for (const q of r.body.quotes) assert.equal(text.slice(q.start, q.end), q.text);
  assert.equal((await get("/api/stats")).body.articles, 6, "extract stores nothing");
  const cases: Array<[string, number, RegExp]> = [
    ["not json", 400, /not JSON/],
    [JSON.stringify({ title: "no text" }), 400, /no "text" field/],
    [JSON.stringify({ text: "   " }), 400, /empty/],
    [JSON.stringify({ text: "x".repeat(3000) }), 413, /too large/],
  ];
  for (const [body, status, message] of cases) {
    const bad = await post("/api/extract", body);
    assert.equal(bad.status, status, body.slice(0, 30));
    assert.match(bad.body.error, message);
  }
});

test("the OpenAPI description lists every endpoint; the dashboard page is served at /", async () => {
  const spec = await get("/openapi.json");
  assert.equal(spec.body.openapi, "3.1.0");
  for (const p of ["/api/events", "/api/quotes", "/api/actors", "/api/positions", "/api/articles", "/api/articles/{id}", "/api/extract", "/api/stats"]) assert.ok(spec.body.paths[p], p);
  const page = await get("/");
  assert.equal(page.status, 200);
  assert.match(page.type, /text\/html/);
  assert.match(page.body, /<script>/);
  assert.match(page.body, /\/api\/articles\//);
  // The page's script compiles (a syntax error would leave a blank dashboard).
  new Script(String(page.body).split("<script>")[1].split("</script>")[0]);
});

test("the dashboard renders every view from the API (run in a DOM without a browser)", async () => {
  const { parseHTML } = await import("linkedom");
  const html = String((await get("/")).body);
  const { document, window } = parseHTML(html);
  const script = html.split("<script>")[1].split("</script>")[0];
  // The page's own code, with its relative fetches sent to the test server.
  new Function("document", "window", "fetch", script)(document, window, (p: string, init?: RequestInit) => fetch(base + p, init));
  const view = document.getElementById("view")!;
  const settle = async (done: () => boolean) => {
    for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
    assert.ok(done(), view.innerHTML.slice(-600));
  };
  await settle(() => document.getElementById("stats")!.textContent!.includes("6 articles"));
  await settle(() => view.querySelectorAll("tr.link").length === 6);
  const tab = (name: string) => (document.querySelector(`nav button[data-tab=${name}]`) as unknown as { onclick: () => void }).onclick();
  // An article opened from the list: its quotations marked, each span's text the quote's.
  (view.querySelector("tr.link") as unknown as { onclick: () => void }).onclick();
  await settle(() => view.querySelectorAll("span.q").length > 0);
  assert.ok(view.querySelectorAll("span.m").length > 0);
  tab("events");
  await settle(() => view.querySelector("table.dyads") !== null);
  assert.ok(view.querySelector("svg#timeline rect"));
  tab("positions");
  await settle(() => view.querySelector("table.board") !== null);
  tab("network");
  await settle(() => view.querySelectorAll("svg#network circle").length > 1 && view.querySelectorAll("svg#network line").length > 0);
  tab("quotes");
  await settle(() => view.querySelectorAll("tbody tr").length > 0);
  // Pasted text analysed through POST /api/extract and shown marked up.
  tab("analyse");
  (view.querySelector("textarea") as unknown as { value: string }).value = "“We will not give up,” Volodymyr Zelenskyy said on Sunday.";
  (view.querySelector("p button") as unknown as { onclick: () => void }).onclick();
  await settle(() => view.querySelectorAll("span.q").length === 1 && view.querySelectorAll("h3").length === 2);
});

test("parley serve listens, answers, and stops on SIGTERM", async () => {
  const child = spawn(process.execPath, [cliPath, "serve", "--db", dbFile, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (c) => { out += c; const m = /listening on (http:\/\/\S+\/)/.exec(out); if (m) resolve(m[1]); });
    child.on("exit", (code) => reject(new Error(`exited ${code}`)));
  });
  const health = await fetch(url + "api/health");
  assert.equal(health.status, 200);
  child.kill("SIGTERM");
  const code = await new Promise<number | null>((r) => child.on("exit", r));
  assert.equal(code, 0);
});
