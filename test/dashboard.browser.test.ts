// The dashboard in a real browser (Debian's Chromium, driven by playwright-core): what a
// user sees and clicks, with layout, SVG geometry and browser events that a DOM without
// a browser cannot check. CI installs Chromium (.ci/run); elsewhere the test says why it
// skips.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { Browser, Page } from "playwright-core";
import { SqliteStore } from "../src/store/sqliteStore.js";
import { createPipeline } from "../src/pipeline.js";
import { createApiServer } from "../src/serve/httpApi.js";
import { exampleBatch } from "./storeFixtures.js";

const CHROMIUM = process.env.PARLEY_CHROMIUM ?? "/usr/bin/chromium";
const noBrowser = existsSync(CHROMIUM) ? false : `skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, as .ci/run does)`;
if (noBrowser) console.log(noBrowser);

let server: Server;
let store: SqliteStore;
let browser: Browser;
let page: Page;
let base = "";
const problems: string[] = [];

before(async () => {
  if (noBrowser) return;
  store = SqliteStore.open(path.join(mkdtempSync(path.join(tmpdir(), "parley-browser-")), "dash.db"));
  const pipeline = createPipeline();
  for (const line of exampleBatch(6)) {
    const { date, ...rest } = JSON.parse(line);
    await store.put(pipeline.analyze({ ...rest, published: date }), null);
  }
  await store.rebuildClusters();
  server = createApiServer({ store, maxBytes: 1 << 20 });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { chromium } = await import("playwright-core");
  // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
  page.on("response", (r) => { if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`); });
});

after(async () => {
  if (noBrowser) return;
  await browser?.close();
  await new Promise<void>((r) => server.close(() => r()));
  await store.close();
});

const tab = (name: string) => page.click(`nav button[data-tab=${name}]`);

test("a reader opens an article from the list and sees its quotations and mentions marked", { skip: noBrowser }, async () => {
  await page.goto(base + "/");
  await page.waitForSelector("tr.link");
  assert.equal(await page.locator("tr.link").count(), 6);
  assert.match(await page.locator("#stats").innerText(), /6 articles/);
  await page.locator("tr.link").first().click();
  await page.waitForSelector("span.q");
  const id = await page.evaluate(() => location.hash);
  // Every marked quotation is visible and shows words of one of the article's quotations.
  const doc = await (await fetch(`${base}/api/articles/${decodeURIComponent(id.replace(/^#article\//, ""))}`)).json() as { quotes: Array<{ text: string }> };
  const marked = await page.locator("span.q").evaluateAll((spans) => spans.map((s) => ({ text: s.textContent ?? "", w: s.getBoundingClientRect().width })));
  assert.ok(marked.length > 0);
  for (const m of marked) {
    assert.ok(m.w > 0, `a quotation mark-up is invisible: ${m.text}`);
    assert.ok(doc.quotes.some((q) => q.text.includes(m.text)), `marked text is no quotation of the article: ${m.text}`);
  }
  assert.ok(await page.locator("span.m").count() > 0);
  // The article has its own address: Back returns to the list, and the address opens it again.
  await page.goBack();
  await page.waitForSelector("tr.link");
  await page.goto(`${base}/${id}`);
  await page.waitForSelector("span.q");
  assert.equal(await page.locator("h2").innerText(), await page.evaluate(async (hash) => {
    const r = await fetch("/api/articles/" + hash.replace(/^#article\//, ""));
    const d = await r.json();
    return d.title || d.id;
  }, id));
});

test("the events view draws a timeline and a dyad chart that take up room on the page", { skip: noBrowser }, async () => {
  // Opened by its address, as a bookmark would.
  await page.goto(`${base}/#events`);
  await page.waitForSelector("table.dyads");
  assert.equal(await page.locator("nav button[aria-selected=true]").innerText(), "Events");
  const bars = await page.locator("svg#timeline rect").evaluateAll((rs) => rs.map((r) => r.getBoundingClientRect().height));
  assert.ok(bars.length > 0 && bars.some((h) => h > 0));
  assert.ok(await page.locator("table.dyads tr").count() > 0);
  // Filtering by type from the form narrows the list to that type.
  await page.fill("input[name=type]", "ACCUSE");
  await page.click("form button");
  await page.waitForFunction(() => [...document.querySelectorAll("tbody tr td:nth-child(2)")].every((td) => td.textContent === "ACCUSE"));
});

test("the actor network keeps every node and label inside the picture", { skip: noBrowser }, async () => {
  await tab("network");
  await page.waitForSelector("svg#network circle");
  const fit = await page.evaluate(() => {
    const svg = document.querySelector("svg#network") as SVGSVGElement;
    const box = svg.viewBox.baseVal;
    return [...svg.querySelectorAll("text, circle")].map((el) => {
      const b = (el as SVGGraphicsElement).getBBox();
      return { label: el.textContent, inside: b.x >= box.x && b.y >= box.y && b.x + b.width <= box.x + box.width && b.y + b.height <= box.y + box.height };
    });
  });
  assert.ok(fit.length > 2);
  assert.deepEqual(fit.filter((f) => !f.inside), []);
  assert.ok(await page.locator("svg#network line").count() > 0);
});

test("positions, quotes and actors lists show rows; pasted text is analysed and marked up", { skip: noBrowser }, async () => {
  await tab("positions");
  await page.waitForSelector("table.board");
  await tab("quotes");
  await page.waitForSelector("tbody tr");
  await tab("actors");
  await page.waitForSelector("tbody tr");
  await tab("analyse");
  await page.fill("textarea", "“We will not give up,” Volodymyr Zelenskyy said on Sunday.");
  await page.click("p button");
  await page.waitForSelector("span.q");
  assert.equal(await page.locator("span.q").innerText(), "“We will not give up,”");
  assert.deepEqual(problems, []);
});
