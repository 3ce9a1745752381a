// Main-text extraction from an HTML page: Mozilla's Readability over a linkedom DOM finds
// the article body; its block elements become paragraphs (one per line) so the
// segmenter sees the page's paragraph structure. Title and publication date come from
// meta tags and JSON-LD when the page has them.
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";
import { normalisePublished } from "./publishedDate.js";

export interface HtmlArticle {
  text: string;
  title?: string;
  published: string | null;
  url?: string;
}

const FURNITURE = 'nav, footer, aside, form, dialog, noscript, [role="navigation"], [role="dialog"], [class*="cookie" i], [id*="cookie" i], [class*="consent" i], [class*="share" i], [class*="newsletter" i]';
const BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, dd, dt";

export function extractHtmlArticle(html: string): HtmlArticle | { error: string } {
  const { document } = parseHTML(html);
  const meta = readMeta(document);
  // Readability mutates the DOM it reads; the meta tags were read first. Page furniture
  // that Readability's own class-name heuristics miss (consent banners, menus) goes first.
  for (const el of [...document.querySelectorAll(FURNITURE)]) el.remove();
  // linkedom's Document is close enough to the DOM Readability expects.
  const parsed = new Readability(document as unknown as Document, { charThreshold: 100 }).parse();
  const bodyHtml = parsed?.content ?? document.body?.innerHTML ?? "";
  const text = blockText(bodyHtml);
  if (text.trim() === "") return { error: "no article text found in the HTML" };
  return {
    text,
    title: meta.title ?? parsed?.title ?? undefined,
    published: meta.published ?? normalisePublished(parsed?.publishedTime ?? null),
    url: meta.url,
  };
}

function blockText(fragment: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${fragment}</body></html>`);
  const blocks = [...document.querySelectorAll(BLOCKS)] as Element[];
  // Innermost blocks only, so a <blockquote><p>…</p></blockquote> is one paragraph, not two.
  const leaves = blocks.filter((b) => !b.querySelector(BLOCKS));
  const parts = (leaves.length ? leaves : [document.body as Element])
    .map((el) => (el.textContent ?? "").replace(/\s+/g, " ").trim())
    .filter((t) => t !== "");
  return parts.join("\n");
}

interface PageMeta { title?: string; published: string | null; url?: string }

function readMeta(document: { querySelector(s: string): Element | null; querySelectorAll(s: string): ArrayLike<Element> }): PageMeta {
  const metaContent = (sel: string) => document.querySelector(sel)?.getAttribute("content")?.trim() || undefined;
  let title = metaContent('meta[property="og:title"]') ?? metaContent('meta[name="twitter:title"]');
  let published = normalisePublished(
    metaContent('meta[property="article:published_time"]') ?? metaContent('meta[name="pubdate"]') ??
    metaContent('meta[name="date"]') ?? metaContent('meta[name="DC.date.issued"]') ?? metaContent('meta[itemprop="datePublished"]') ?? null,
  );
  let url = metaContent('meta[property="og:url"]') ?? document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? undefined;
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    for (const node of jsonLdNodes(script.textContent ?? "")) {
      if (typeof node !== "object" || node === null) continue;
      const n = node as Record<string, unknown>;
      if (!/Article|NewsArticle|Report|BlogPosting/.test(String(n["@type"] ?? ""))) continue;
      if (!title && typeof n.headline === "string") title = n.headline;
      published ??= normalisePublished(n.datePublished);
      if (!url && typeof n.url === "string") url = n.url;
    }
  }
  if (!published) {
    const time = document.querySelector("time[datetime]");
    published = normalisePublished(time?.getAttribute("datetime") ?? null);
  }
  if (!title) title = document.querySelector("title")?.textContent?.trim() || undefined;
  return { title, published, url };
}

function jsonLdNodes(raw: string): unknown[] {
  try {
    const v = JSON.parse(raw);
    const list = Array.isArray(v) ? v : [v];
    return list.flatMap((x) => (x && typeof x === "object" && Array.isArray((x as { "@graph"?: unknown[] })["@graph"]) ? (x as { "@graph": unknown[] })["@graph"] : [x]));
  } catch {
    return []; // a broken JSON-LD block is common on the web and not worth failing the page for
  }
}
