// The web dashboard served at "/" by `parley serve`: one page, no build step, no outside
// requests. It reads the JSON API only, so whatever it shows a client can fetch too.
// Text from articles is always inserted as text (textContent), never as HTML.
export const DASHBOARD_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Parley</title>
<link rel="icon" href="data:,">
<style>
  body { font: 14px/1.45 system-ui, sans-serif; margin: 0; color: #1d1d1f; background: #f6f6f4; }
  header { background: #23303f; color: #fff; padding: 10px 18px; display: flex; gap: 18px; align-items: baseline; flex-wrap: wrap; }
  header h1 { font-size: 18px; margin: 0; }
  #stats { font-size: 12px; opacity: .85; }
  nav { display: flex; gap: 4px; padding: 8px 18px 0; }
  nav button { border: 1px solid #ccc; border-bottom: none; background: #e9e9e6; padding: 6px 12px; cursor: pointer; border-radius: 6px 6px 0 0; }
  nav button[aria-selected=true] { background: #fff; font-weight: 600; }
  main { background: #fff; margin: 0 18px 18px; padding: 12px; border: 1px solid #ccc; }
  form.filters { display: flex; gap: 8px; flex-wrap: wrap; margin-bottom: 10px; }
  form.filters input { padding: 4px 6px; }
  table { border-collapse: collapse; width: 100%; font-size: 13px; }
  th, td { text-align: left; border-bottom: 1px solid #eee; padding: 4px 6px; vertical-align: top; }
  tr.link { cursor: pointer; } tr.link:hover { background: #f3f7fb; }
  .error { color: #a00; white-space: pre-wrap; }
  #timeline { margin: 6px 0 12px; }
  .article { white-space: pre-wrap; line-height: 1.7; max-width: 60em; }
  .q { border-radius: 3px; }
  .m { border-bottom: 2px solid #6b8; }
  .ev { outline: 1px dashed #c55; }
  .legend span { margin-right: 12px; font-size: 12px; }
  textarea { width: 100%; min-height: 10em; font: inherit; }
</style>
</head>
<body>
<header><h1>Parley</h1><span id="stats"></span></header>
<nav id="tabs"></nav>
<main id="view"></main>
<script>
"use strict";
const TABS = [["articles", "Articles"], ["quotes", "Quotes"], ["events", "Events"], ["positions", "Positions"], ["actors", "Actors"], ["network", "Actor network"], ["analyse", "Analyse text"]];
const el = (tag, props = {}, ...kids) => {
  const { style, ...rest } = props;
  const e = Object.assign(document.createElement(tag), rest);
  if (style) e.setAttribute("style", style);
  for (const k of kids) e.append(k);
  return e;
};
const view = document.getElementById("view");
async function api(path, init) {
  const r = await fetch(path, init);
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}
function showError(e) { view.append(el("p", { className: "error", textContent: String(e.message || e) })); }

function table(rows, onClick) {
  if (!rows.length) return el("p", { textContent: "Nothing matches." });
  const cols = Object.keys(rows[0]);
  const t = el("table", {}, el("thead", {}, el("tr", {}, ...cols.map((c) => el("th", { textContent: c })))));
  const body = el("tbody");
  for (const r of rows) {
    const tr = el("tr", {}, ...cols.map((c) => el("td", { textContent: r[c] == null ? "" : String(r[c]) })));
    if (onClick) { tr.className = "link"; tr.onclick = () => onClick(r); }
    body.append(tr);
  }
  t.append(body);
  return t;
}

/** Events per day, cooperation above the line and conflict below (Goldstein sign). */
function timeline(events) {
  const days = new Map();
  for (const e of events) {
    if (!e.date || !/^\\d{4}-\\d{2}-\\d{2}$/.test(e.date)) continue;
    const d = days.get(e.date) || { coop: 0, conflict: 0 };
    if ((e.goldstein || 0) >= 0) d.coop++; else d.conflict++;
    days.set(e.date, d);
  }
  const keys = [...days.keys()].sort();
  if (!keys.length) return el("div");
  const max = Math.max(...keys.map((k) => Math.max(days.get(k).coop, days.get(k).conflict)));
  const w = Math.max(8, Math.min(40, 900 / keys.length)), h = 60, ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("width", String(keys.length * w + 2)); svg.setAttribute("height", String(2 * h + 4)); svg.setAttribute("id", "timeline");
  keys.forEach((k, i) => {
    const d = days.get(k);
    for (const [n, colour, up] of [[d.coop, "#4a8", true], [d.conflict, "#c55", false]]) {
      const r = document.createElementNS(ns, "rect"), bh = (n / max) * h;
      r.setAttribute("x", String(i * w + 1)); r.setAttribute("width", String(w - 2));
      r.setAttribute("y", String(up ? h - bh : h + 2)); r.setAttribute("height", String(bh)); r.setAttribute("fill", colour);
      const title = document.createElementNS(ns, "title"); title.textContent = k + ": " + d.coop + " cooperative, " + d.conflict + " conflictual";
      r.append(title); svg.append(r);
    }
  });
  return svg;
}

/** Who acts on whom: the most frequent source → target pairs, cooperative events to the right and conflictual to the left. */
function dyads(events) {
  const pairs = new Map();
  for (const e of events) {
    if (!e.source || !e.target) continue;
    const key = e.source + " → " + e.target;
    const d = pairs.get(key) || { key, coop: 0, conflict: 0 };
    if ((e.goldstein || 0) >= 0) d.coop++; else d.conflict++;
    pairs.set(key, d);
  }
  const top = [...pairs.values()].sort((a, b) => b.coop + b.conflict - (a.coop + a.conflict) || (a.key < b.key ? -1 : 1)).slice(0, 15);
  if (!top.length) return el("div");
  const max = Math.max(...top.map((d) => Math.max(d.coop, d.conflict)));
  const t = el("table", { className: "dyads" }, el("caption", { textContent: "Dyads: conflict ◀ ▶ cooperation" }));
  for (const d of top) {
    const bar = (n, colour, side) => el("div", { style: "height: 10px; background: " + colour + "; width: " + (n / max) * 100 + "%; margin-" + side + ": auto" });
    t.append(el("tr", {}, el("td", { textContent: d.key }), el("td", { style: "width: 30%" }, bar(d.conflict, "#c55", "left")), el("td", { style: "width: 30%" }, bar(d.coop, "#4a8", "right")), el("td", { textContent: d.conflict + " / " + d.coop })));
  }
  return t;
}

/** Positions as a board: one row per issue, one column per stance, the actors in the cells. */
function positionsBoard(rows) {
  const stances = [...new Set(rows.map((r) => r.stance))].sort();
  const issues = new Map();
  for (const r of rows) {
    const row = issues.get(r.issue) || new Map();
    const cell = row.get(r.stance) || new Set();
    cell.add(r.actor || "?");
    row.set(r.stance, cell);
    issues.set(r.issue, row);
  }
  if (!issues.size) return el("p", { textContent: "No positions." });
  const t = el("table", { className: "board" }, el("tr", {}, el("th", { textContent: "issue" }), ...stances.map((s) => el("th", { textContent: s }))));
  for (const [issue, row] of [...issues].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    t.append(el("tr", {}, el("td", { textContent: issue }), ...stances.map((s) => el("td", { textContent: [...(row.get(s) || [])].join(", ") }))));
  }
  return t;
}

/** Actors linked by the events between them: the busiest actors on a circle, a line per pair (red conflict, green cooperation, width by count). */
async function showNetwork() {
  view.replaceChildren(el("p", { textContent: "Loading…" }));
  try {
    const events = await api("/api/events?limit=1000");
    const degree = new Map(), links = new Map();
    for (const e of events) {
      if (!e.source || !e.target || e.source === e.target) continue;
      for (const a of [e.source, e.target]) degree.set(a, (degree.get(a) || 0) + 1);
      const key = [e.source, e.target].sort().join("\u0000");
      const l = links.get(key) || { a: e.source, b: e.target, n: 0, tone: 0 };
      l.n++; l.tone += Math.sign(e.goldstein || 0);
      links.set(key, l);
    }
    const nodes = [...degree].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, 30).map(([name]) => name);
    if (!nodes.length) { view.replaceChildren(el("p", { textContent: "No events between two actors yet." })); return; }
    // Labels stand outside the circle, so the picture is wider than the circle by the longest of them.
    const ns = "http://www.w3.org/2000/svg", r = 230, margin = 190, cx = r + margin, cy = r + 30;
    const angle = (i) => (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    const at = new Map(nodes.map((n, i) => [n, [cx + r * Math.cos(angle(i)), cy + r * Math.sin(angle(i))]]));
    const svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 " + 2 * cx + " " + 2 * cy); svg.setAttribute("width", String(2 * cx)); svg.setAttribute("id", "network");
    const maxN = Math.max(...[...links.values()].map((l) => l.n));
    for (const l of links.values()) {
      if (!at.has(l.a) || !at.has(l.b)) continue;
      const line = document.createElementNS(ns, "line");
      const [x1, y1] = at.get(l.a), [x2, y2] = at.get(l.b);
      line.setAttribute("x1", String(x1)); line.setAttribute("y1", String(y1)); line.setAttribute("x2", String(x2)); line.setAttribute("y2", String(y2));
      line.setAttribute("stroke", l.tone >= 0 ? "#4a8" : "#c55"); line.setAttribute("stroke-width", String(1 + (4 * l.n) / maxN)); line.setAttribute("opacity", "0.7");
      const title = document.createElementNS(ns, "title"); title.textContent = l.a + " – " + l.b + ": " + l.n + " events"; line.append(title);
      svg.append(line);
    }
    nodes.forEach((n, i) => {
      const [x, y] = at.get(n), cos = Math.cos(angle(i)), sin = Math.sin(angle(i));
      const dot = document.createElementNS(ns, "circle");
      dot.setAttribute("cx", String(x)); dot.setAttribute("cy", String(y)); dot.setAttribute("r", String(3 + Math.sqrt(degree.get(n)))); dot.setAttribute("fill", "#23303f");
      const title = document.createElementNS(ns, "title"); title.textContent = n + ": " + degree.get(n) + " events"; dot.append(title);
      // Each label continues its node's radius outwards: to the side, or above and below at the poles.
      const label = document.createElementNS(ns, "text");
      label.setAttribute("x", String(x + 10 * cos)); label.setAttribute("y", String(y + 10 * sin + 4 + 6 * sin)); label.setAttribute("font-size", "11");
      label.setAttribute("text-anchor", Math.abs(cos) < 0.2 ? "middle" : cos > 0 ? "start" : "end"); label.textContent = n.length > 28 ? n.slice(0, 27) + "…" : n;
      svg.append(dot, label);
    });
    view.replaceChildren(el("p", { textContent: "The " + nodes.length + " actors in most events; a line for each pair with events between them (green: cooperation, red: conflict; thicker: more events). Hover a line for counts." }), svg);
  } catch (e) { view.replaceChildren(); showError(e); }
}

/** The article's text with quotations coloured by speaker, actor mentions underlined and event evidence outlined. */
function annotated(doc) {
  const names = new Map((doc.actors || []).map((a) => [a.id, a.name]));
  const hue = (id) => { let h = 0; for (const c of String(id)) h = (h * 31 + c.charCodeAt(0)) % 360; return h; };
  const marks = [];
  for (const q of doc.quotes || []) marks.push({ s: q.start, e: q.end, cls: "q", style: "background: hsl(" + hue(q.speaker) + " 70% 88%)", title: (names.get(q.speaker) || q.speakerText || "no speaker") + " (" + q.type + ")" });
  for (const m of doc.mentions || []) marks.push({ s: m.start, e: m.end, cls: "m", title: names.get(m.actor) || m.actor });
  for (const v of doc.events || []) marks.push({ s: v.evidence[0], e: v.evidence[1], cls: "ev", title: v.type + " " + (v.cameo || "") + ": " + (names.get(v.source) || "?") + " → " + (names.get(v.target) || "?") });
  const cuts = [...new Set([0, doc.text.length, ...marks.flatMap((m) => [m.s, m.e])])].sort((a, b) => a - b);
  const out = el("div", { className: "article" });
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i], b = cuts[i + 1];
    let node = document.createTextNode(doc.text.slice(a, b));
    for (const m of marks) if (m.s <= a && b <= m.e) {
      const span = el("span", { className: m.cls, title: m.title, style: m.style });
      span.append(node); node = span;
    }
    out.append(node);
  }
  return el("div", {}, el("p", { className: "legend" }, el("span", { textContent: "coloured: quotation (by speaker)" }), el("span", { textContent: "underlined: actor mention" }), el("span", { textContent: "dashed: event evidence" }), el("span", { textContent: "hover for details" })), out);
}

function filters(kind, onSubmit) {
  const f = el("form", { className: "filters" });
  for (const [name, hint] of [["actor", "actor"], ["type", kind === "events" ? "type (ACCUSE, 112)" : "type"], ["search", "words"], ["since", "since YYYY-MM-DD"], ["until", "until YYYY-MM-DD"]]) {
    if (kind === "actors" && (name === "since" || name === "until" || name === "search")) continue;
    if (kind === "articles" && name === "type") continue;
    f.append(el("input", { name, placeholder: hint }));
  }
  f.append(el("button", { type: "submit", textContent: "Show" }));
  f.onsubmit = (ev) => { ev.preventDefault(); onSubmit(new URLSearchParams([...new FormData(f)].filter(([, v]) => v !== ""))); };
  return f;
}

async function showList(kind) {
  view.replaceChildren();
  const results = el("div");
  const load = async (params) => {
    results.replaceChildren(el("p", { textContent: "Loading…" }));
    try {
      params.set("limit", "500");
      const rows = await api("/api/" + kind + "?" + params);
      results.replaceChildren();
      if (kind === "events") results.append(timeline(rows), dyads(rows));
      if (kind === "positions") results.append(positionsBoard(rows));
      // A row opens its article; actors stand in many, so theirs open none.
      results.append(table(rows, kind === "articles" ? (r) => showArticle(r.id) : kind === "actors" ? null : (r) => showArticle(r.article_id)));
    } catch (e) { results.replaceChildren(el("p", { className: "error", textContent: String(e.message) })); }
  };
  view.append(filters(kind, load), results);
  load(new URLSearchParams());
}

async function showArticle(id, push = true) {
  if (push) remember("article/" + encodeURIComponent(id));
  highlight("articles");
  view.replaceChildren(el("p", { textContent: "Loading…" }));
  try {
    const doc = await api("/api/articles/" + encodeURIComponent(id));
    view.replaceChildren(el("h2", { textContent: doc.title || doc.id }), el("p", { textContent: (doc.published || "") + (doc.url ? "  " + doc.url : "") }), annotated(doc));
  } catch (e) { view.replaceChildren(); showError(e); }
}

function showAnalyse() {
  const text = el("textarea", { placeholder: "Paste an article…" });
  const date = el("input", { placeholder: "published YYYY-MM-DD" });
  const out = el("div");
  const go = el("button", { textContent: "Analyse" });
  go.onclick = async () => {
    out.replaceChildren(el("p", { textContent: "Analysing…" }));
    try {
      const body = { text: text.value }; if (date.value) body.published = date.value;
      const doc = await api("/api/extract", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      const names = new Map((doc.actors || []).map((a) => [a.id, a.name]));
      const nameOf = (id) => names.get(id) || "";
      out.replaceChildren(annotated(doc), el("h3", { textContent: "Quotes" }), table((doc.quotes || []).map((q) => ({ speaker: nameOf(q.speaker), type: q.type, text: q.text }))),
        el("h3", { textContent: "Events" }), table((doc.events || []).map((e) => ({ type: e.type, cameo: e.cameo, source: nameOf(e.source), target: nameOf(e.target), date: e.date, modality: e.modality }))));
    } catch (e) { out.replaceChildren(el("p", { className: "error", textContent: String(e.message) })); }
  };
  view.replaceChildren(text, el("p", {}, date, " ", go), out);
}

function highlight(name) {
  for (const b of document.querySelectorAll("nav button")) b.setAttribute("aria-selected", String(b.dataset.tab === name));
}
function select(name, push = true) {
  if (push) remember(name);
  highlight(name);
  if (name === "analyse") showAnalyse(); else if (name === "network") showNetwork(); else showList(name);
}

// Each view has its own address (#events, #article/ID), so it can be bookmarked, shared
// and reached again with Back. (Guarded: the tests also run this page without a browser.)
function remember(hash) {
  const w = window;
  if (w.history && w.history.pushState && w.location && w.location.hash !== "#" + hash) w.history.pushState(null, "", "#" + hash);
}
function route() {
  const h = window.location && window.location.hash ? decodeURIComponent(window.location.hash.slice(1)) : "";
  if (h.startsWith("article/")) showArticle(h.slice("article/".length), false);
  else select(TABS.some(([n]) => n === h) ? h : "articles", false);
}
if (window.addEventListener) window.addEventListener("popstate", route);
for (const [name, label] of TABS) { const b = el("button", { textContent: label, onclick: () => select(name) }); b.dataset.tab = name; document.getElementById("tabs").append(b); }
api("/api/stats").then((s) => { document.getElementById("stats").textContent = s.articles + " articles · " + s.quotes + " quotes · " + s.events + " events · " + s.actors + " actor rows"; }).catch(showError);
route();
</script>
</body>
</html>
`;
