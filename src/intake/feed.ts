// RSS 2.0 and Atom files: each item with body content becomes an article (its HTML
// content reduced to paragraphs); the item's link and date travel with it.
import { DOMParser } from "linkedom";
import type { IntakeItem } from "./types.js";
import { extractHtmlArticle } from "./html.js";
import { checkText } from "./decodeText.js";
import { normalisePublished } from "./publishedDate.js";

export function readFeed(xml: string, input: string, maxBytes: number): IntakeItem[] {
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  const items = [...doc.querySelectorAll("item"), ...doc.querySelectorAll("entry")];
  if (items.length === 0) return [{ ok: false, problem: { input, message: "no <item> or <entry> elements: not an RSS or Atom feed" } }];
  return items.map((item, i): IntakeItem => {
    const child = (name: string) => item.getElementsByTagName(name)[0] as Element | undefined;
    const body = child("content:encoded")?.textContent || child("content")?.textContent || child("description")?.textContent || child("summary")?.textContent || "";
    const where = `${input}#${i + 1}`;
    const extracted = extractHtmlArticle(`<html><body><article>${body}</article></body></html>`);
    if ("error" in extracted) return { ok: false, problem: { input: where, message: `feed item: ${extracted.error}` } };
    const checked = checkText(extracted.text, maxBytes);
    if (!checked.ok) return { ok: false, problem: { input: where, message: checked.message } };
    const link = child("link");
    const url = link?.getAttribute("href") || link?.textContent?.trim() || undefined;
    const title = child("title")?.textContent?.trim() || undefined;
    const published = normalisePublished(child("pubDate")?.textContent ?? child("published")?.textContent ?? child("updated")?.textContent ?? child("dc:date")?.textContent ?? null);
    return { ok: true, input: where, format: "feed", article: { text: checked.text, published, ...(url ? { url } : {}), ...(title ? { title } : {}) } };
  });
}
