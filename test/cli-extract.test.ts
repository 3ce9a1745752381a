// `parley extract` as a user runs it: output, determinism, and one-line errors for bad input.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, openSync, ftruncateSync, closeSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { cliPath, needsShared, seedPath } from "./helpers.js";
import { COMMANDS } from "../src/cli/commands/index.js";

const run = (args: string[], input?: string) => {
  const r = spawnSync(process.execPath, [cliPath, ...args], { input, encoding: "utf8", maxBuffer: 1 << 28 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const dir = mkdtempSync(path.join(tmpdir(), "parley-cli-"));
const file = (name: string, content: string | Buffer) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};

test("extract prints a contract document whose sentence spans index its text", () => {
  const p = file("a.txt", "The minister said the talks failed. “We will return,” she added.\n\nTroops withdrew on Monday.");
  const r = run(["extract", p, "--published", "2024-05-01", "--format", "json"]);
  assert.equal(r.code, 0, r.err);
  const doc = JSON.parse(r.out);
  assert.equal(doc.published, "2024-05-01");
  assert.match(doc.id, /^[0-9a-f]{16}$/);
  assert.deepEqual(doc.sentences.map(([s, e]: [number, number]) => doc.text.slice(s, e)),
    ["The minister said the talks failed.", "“We will return,” she added.", "Troops withdrew on Monday."]);
});

test("the same command twice gives byte-identical output", { skip: needsShared() }, () => {
  const a = run(["extract", seedPath, "--published", "2025-03-16", "--format", "json"]);
  const b = run(["extract", seedPath, "--published", "2025-03-16", "--format", "json"]);
  assert.equal(a.code, 0, a.err);
  assert.equal(a.out, b.out);
});

test("bad inputs get one line each naming the input and the problem; exit 1", () => {
  const cases: Array<[string, string | Buffer, RegExp]> = [
    ["binary.txt", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0x10]), /binary\.txt: binary data/],
    ["empty.txt", "", /empty\.txt: empty/],
    ["blank.txt", " \n\t\n", /blank\.txt: empty/],
    ["latin1.txt", Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]), /latin1\.txt: invalid UTF-8 \(first bad byte at 3\)/],
    ["broken.html", "<html><body><div><script>var x = 1;</script></div>", /broken\.html: no article text found/],
  ];
  for (const [name, content, pattern] of cases) {
    const r = run(["extract", file(name, content)]);
    assert.equal(r.code, 1, name);
    assert.equal(r.out, "", name);
    assert.equal(r.err.trim().split("\n").length, 1, `${name}: ${r.err}`);
    assert.match(r.err, pattern);
  }
});

test("a 50 MB file is refused as too large without reading it", () => {
  const p = path.join(dir, "huge.txt");
  const fd = openSync(p, "w");
  ftruncateSync(fd, 50 * 1024 * 1024);
  closeSync(fd);
  const r = run(["extract", p]);
  assert.equal(r.code, 1);
  assert.match(r.err, /huge\.txt: too large: 50\.0 MiB/);
});

test("a JSONL batch reports bad lines by number and still processes the rest", () => {
  const p = file("batch.jsonl", [
    JSON.stringify({ id: "one", text: "Talks began in Doha. They ended.", date: "2024-01-02" }),
    "{not json",
    JSON.stringify({ id: "two" }),
    JSON.stringify({ id: "three", text: 42 }),
    "",
    JSON.stringify({ id: "four", text: "   " }),
    JSON.stringify({ id: "five", text: "Rebels shelled the town.", published: "2024-01-03T10:00:00Z" }),
  ].join("\n"));
  const r = run(["extract", p]);
  assert.equal(r.code, 1);
  const docs = r.out.trim().split("\n").map((l) => JSON.parse(l));
  assert.deepEqual(docs.map((d) => [d.id, d.published]), [["one", "2024-01-02"], ["five", "2024-01-03"]]);
  assert.deepEqual(r.err.trim().split("\n"), [
    `${p}:2: not JSON: ${jsonError("{not json")}`,
    `${p}:3: no "text" field`,
    `${p}:4: "text" is not a string`,
    `${p}:6: empty: no text to analyse`,
  ]);
});

test("standard input and --input-format", () => {
  const r = run(["extract", "-", "--input-format", "jsonl"], '{"id":"x","text":"One. Two."}\nnope\n');
  assert.equal(r.code, 1);
  assert.equal(JSON.parse(r.out).id, "x");
  assert.match(r.err, /^<stdin>:2: not JSON/);
  const t = run(["extract", "-", "--id", "mine"], "Plain text from a pipe.");
  assert.equal(t.code, 0);
  assert.equal(JSON.parse(t.out).id, "mine");
});

test("HTML pages: main text, title and date from meta tags and JSON-LD", () => {
  const html = `<!doctype html><html><head><title>Site | Story</title>
    <meta property="og:title" content="Envoys meet in Geneva">
    <script type="application/ld+json">{"@type":"NewsArticle","headline":"x","datePublished":"2023-06-02T08:00:00Z"}</script></head>
    <body><nav><a href="/">Home</a><a href="/world">World</a></nav><div class="cookie">We use cookies.</div>
    <article><h1>Envoys meet in Geneva</h1><p>Envoys from both governments met in Geneva on Thursday, officials said, in the first direct talks for a year.</p>
    <p>“We are here to listen,” the mediator said after the session, adding that a second round was planned for next month.</p>
    <p>The talks follow weeks of shelling along the border, which both sides blame on each other.</p></article>
    <footer>© News Corp</footer></body></html>`;
  const r = run(["extract", file("page.html", html)]);
  assert.equal(r.code, 0, r.err);
  const doc = JSON.parse(r.out);
  assert.equal(doc.title, "Envoys meet in Geneva");
  assert.equal(doc.published, "2023-06-02");
  assert.doesNotMatch(doc.text, /cookies|Home|News Corp/);
  assert.match(doc.text, /^(Envoys meet in Geneva\n)?Envoys from both governments met in Geneva/);
  assert.equal(doc.paragraphs.length >= 3, true);
});

test("usage errors exit 2; --help works for every command", () => {
  assert.equal(run(["extract"]).code, 2);
  assert.equal(run(["extract", "x", "--format", "xml"]).code, 2);
  assert.equal(run(["extract", "x", "--published", "16/03/2025"]).code, 2);
  assert.equal(run(["no-such-command"]).code, 2);
  assert.equal(run(["--help"]).code, 0);
  for (const c of COMMANDS) {
    const r = run([c.name, "--help"]);
    assert.equal(r.code, 0, c.name);
    assert.match(r.out, new RegExp(`parley ${c.name}`));
  }
});

function jsonError(raw: string): string {
  try { JSON.parse(raw); } catch (e) { return (e as Error).message; }
  return "";
}
