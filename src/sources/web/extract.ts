import { Readability } from "@mozilla/readability";
import type { DocumentMeta } from "../../knowledge/types.js";
import { isElement, parseDocument, tag, TEXT_NODE, type DomDocument, type DomElement, type DomNode } from "./dom.js";
import { SourceParseError } from "./errors.js";
import { readPageMeta } from "./metadata.js";
import { canonicalUrl } from "./url.js";

/** An article read from a web page: seed text plus its metadata. */
export interface ExtractedArticle {
  /**
   * The article as seed text: one block per line, blocks separated by blank lines; headings on their
   * own line, list items as `- item`, table rows as `| a | b |`. Page furniture is left out.
   */
  readonly text: string;
  /**
   * The metadata in seed form. `title` comes from the page (`titleFrom: "capture"`), or else is the
   * text's first line (`"text"`); `url` is the canonical URL, cleaned by `canonicalUrl`; unknown is null.
   */
  readonly meta: DocumentMeta;
}

/** Elements that are never article text. */
const DROP_TAGS = [
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "object",
  "embed",
  "svg",
  "canvas",
  "video",
  "audio",
  "picture",
  "img",
  "form",
  "button",
  "input",
  "select",
  "textarea",
  "label",
  "nav",
  "aside",
  "dialog",
  "menu",
  "figcaption",
  "footer",
  "header",
];

/** ARIA roles of page furniture. */
const DROP_ROLES = ["navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search", "menu", "menubar", "toolbar", "form"];

/** Class or id words of page furniture (matched as whole words between `-`, `_` or the ends). */
const FURNITURE_WORD =
  /(?:^|[-_])(?:cookies?|consent|gdpr|cmp|onetrust|share|sharing|sharebar|social|newsletters?|subscribe|subscription|signup|sign-up|related|recommended|recommendations|recirc|more-stories|most-read|most-popular|trending|read-more|readmore|read-next|comments?|disqus|respond|promo|promos|advert|advertisement|ads?|ad-slot|sponsor|sponsored|outbrain|taboola|breadcrumbs?|popup|modal|paywall|piano|masthead|sidebar|widget|toolbar|caption|credit|tags|author-bio|bio|byline|dateline|meta|timestamp|print|pagination|skip-link|jump-link|donate|banner)(?:$|[-_])/i;

/** Headings that open a section of furniture: everything under them until the next heading is left out. */
const FURNITURE_HEADING =
  /^(?:related(?: articles| stories| news| content| reading| coverage)?|more (?:stories|news|on this|from .*|to read|coverage)|recommended(?: for you| stories| reading)?|read (?:more|next|also)|see also|most (?:read|popular|viewed)|trending(?: now)?|you (?:may|might) (?:also )?like|comments?(?: \(\d+\))?|\d+ comments?|join the (?:conversation|discussion)|leave a (?:reply|comment)|newsletters?|sign up.*|subscribe.*|share (?:this|the) (?:article|story)|about the author|tags|topics)$/i;

const MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*";

/** Lines (of at most {@link FURNITURE_LINE_WORDS} words) that are furniture wherever they stand. */
const FURNITURE_LINE: readonly RegExp[] = [
  /^(?:share|share this|share on \w+|tweet|email|print|copy link|link copied|facebook|twitter|x|linkedin|whatsapp|reddit)(?: (?:article|story|this))?$/i,
  /\b(?:sign up|subscribe)\b.{0,80}\b(?:newsletter|inbox|email|briefing|updates)\b/i,
  /\bnewsletter\b/i,
  /\bcookies?\b.{0,120}\b(?:accept|consent|agree|preferences|settings|privacy|use of)\b|\b(?:accept|consent|agree)\b.{0,40}\bcookies?\b/i,
  /^(?:advertisement|sponsored(?: content)?|ad|story continues below(?: advertisement)?)$/i,
  /^(?:read more|see also|related(?: stories| articles| coverage| content)?|more from [^:]*|recommended|read next|also read)\s*(?::|$)/i,
  /^(?:\d+ )?comments?$/i,
  /^(?:leave a (?:reply|comment)|join the (?:conversation|discussion)|add a comment|log in to comment)/i,
  /^(?:photo|image|picture|illustration|video)(?: credit)?\s*:/i,
  /\b(?:getty images|afp via getty|shutterstock)\b/i,
  /^(?:©|\(c\)\s|copyright\b)|all rights reserved/i,
  /^(?:skip to (?:main )?content|jump to content|back to top|follow us)\b/i,
  /^(?:last )?(?:updated|published|posted)(?: on)?\s*:?\s*(?:\w{3,9}\.? \d{1,2},? \d{4}|\d{1,2} \w{3,9}\.? \d{4}|\d{4}-\d{2}-\d{2})/i,
  /^\d+\s*min(?:ute)?s? read$/i,
  new RegExp(
    String.raw`^(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*,? )?(?:\d{1,2}(?:st|nd|rd|th)? ${MONTH}\.?(?:,? \d{4})?|${MONTH}\.? \d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?|\d{4}-\d{2}-\d{2})(?:,? (?:at )?\d{1,2}[:.]\d{2}\s*(?:am|pm)?(?: [a-z]{2,5})?)?$`,
    "i",
  ),
  /^by [\p{Lu}][\p{L}.'-]+(?: [\p{Lu}][\p{L}.'-]+){0,3}(?:,? and [\p{Lu}][\p{L}.'-]+(?: [\p{Lu}][\p{L}.'-]+){0,3})?$/u,
];
/** Longer lines are article text even when they match {@link FURNITURE_LINE}. */
const FURNITURE_LINE_WORDS = 40;

function tokens(element: DomElement): string[] {
  const cls = element.getAttribute("class") ?? "";
  const id = element.getAttribute("id") ?? "";
  return `${cls} ${id}`.split(/\s+/).filter((t) => t !== "");
}

function looksLikeFurniture(element: DomElement): boolean {
  return tokens(element).some((t) => FURNITURE_WORD.test(t));
}

function hasFurnitureAncestor(element: DomElement): boolean {
  for (let e: DomElement | null = element.parentElement; e; e = e.parentElement) if (looksLikeFurniture(e)) return true;
  return false;
}

/**
 * The element that holds the article body: `[itemprop=articleBody]`, or else the parent of the most
 * paragraph text outside furniture. It and its ancestors are never removed as furniture.
 */
function articleBody(doc: DomDocument): DomElement | null {
  const marked = doc.querySelector('[itemprop="articleBody" i]');
  if (marked) return marked;
  const weight = new Map<DomElement, number>();
  for (const p of Array.from(doc.querySelectorAll("p"))) {
    const parent = p.parentElement;
    if (!parent || hasFurnitureAncestor(p)) continue;
    weight.set(parent, (weight.get(parent) ?? 0) + (p.textContent ?? "").trim().length);
  }
  let best: DomElement | null = null;
  let bestWeight = 0;
  for (const [e, w] of weight) if (w > bestWeight) [best, bestWeight] = [e, w];
  return best;
}

/** Removes navigation, banners, share and newsletter boxes, captions, related links, comments, footers. */
function removeFurniture(doc: DomDocument): DomElement | null {
  const body = articleBody(doc);
  const isProtected = (e: DomElement): boolean => body !== null && (e === body || e.contains(body));
  const remove = (e: DomElement): void => {
    if (!isProtected(e) && tag(e) !== "body" && tag(e) !== "html") e.remove();
  };
  for (const e of Array.from(doc.querySelectorAll(DROP_TAGS.join(",")))) remove(e);
  const roles = DROP_ROLES.map((r) => `[role="${r}" i]`).join(",");
  for (const e of Array.from(doc.querySelectorAll(`${roles},[hidden],[aria-hidden="true"],[aria-modal="true"]`))) remove(e);
  for (const e of Array.from(doc.querySelectorAll("[style]"))) {
    if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(e.getAttribute("style") ?? "")) remove(e);
  }
  for (const e of Array.from(doc.querySelectorAll("[class],[id]"))) if (looksLikeFurniture(e)) remove(e);
  return body;
}

type BlockKind = "heading" | "paragraph" | "bullet" | "row";

interface Block {
  readonly kind: BlockKind;
  readonly text: string;
}

const fold = (text: string): string => text.replace(/[\s\u00a0\u200b]+/g, " ").trim();

const BLOCK_TAGS = new Set([
  "p",
  "div",
  "section",
  "article",
  "main",
  "blockquote",
  "pre",
  "ul",
  "ol",
  "li",
  "dl",
  "dt",
  "dd",
  "table",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "td",
  "th",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "figure",
  "hr",
  "address",
  "details",
  "summary",
  "center",
]);

/** The text of an inline run, `<br>` as a line break. */
function inlineText(node: DomNode): string {
  if (node.nodeType === TEXT_NODE) return node.textContent ?? "";
  if (!isElement(node)) return "";
  const t = tag(node);
  if (t === "br") return "\n";
  if (DROP_TAGS.includes(t)) return "";
  let text = "";
  for (const child of Array.from(node.childNodes)) text += inlineText(child);
  return BLOCK_TAGS.has(t) ? `\n${text}\n` : text;
}

/** Share of an element's text that sits in links. */
function linkDensity(element: DomElement): number {
  const total = fold(element.textContent ?? "").length;
  if (total === 0) return 0;
  let linked = 0;
  for (const a of Array.from(element.querySelectorAll("a"))) linked += fold(a.textContent ?? "").length;
  return linked / total;
}

/** Turns the article's DOM into blocks. */
function toBlocks(root: DomElement): Block[] {
  const blocks: Block[] = [];
  let run = "";
  const pushText = (kind: BlockKind, text: string): void => {
    for (const line of text.split("\n")) {
      const folded = fold(line);
      if (folded !== "") blocks.push({ kind, text: folded });
    }
  };
  const flush = (): void => {
    pushText("paragraph", run);
    run = "";
  };

  const visit = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      run += node.textContent ?? "";
      return;
    }
    if (!isElement(node)) return;
    const t = tag(node);
    if (DROP_TAGS.includes(t)) return;
    if (!BLOCK_TAGS.has(t)) {
      run += inlineText(node);
      return;
    }
    flush();
    if (/^h[1-6]$/.test(t)) {
      pushText("heading", fold(inlineText(node)));
    } else if (t === "p" || t === "pre" || t === "address" || t === "dt" || t === "dd" || t === "summary") {
      if (!(t === "p" && linkDensity(node) > 0.8 && fold(node.textContent ?? "").split(" ").length <= 15)) {
        pushText("paragraph", inlineText(node));
      }
    } else if (t === "li") {
      const own = Array.from(node.childNodes).filter((c) => !(isElement(c) && (tag(c) === "ul" || tag(c) === "ol")));
      const text = fold(own.map(inlineText).join(" "));
      if (text !== "" && linkDensity(node) <= 0.8) blocks.push({ kind: "bullet", text });
      for (const c of Array.from(node.childNodes)) if (isElement(c) && (tag(c) === "ul" || tag(c) === "ol")) visit(c);
    } else if (t === "table") {
      for (const tr of Array.from(node.querySelectorAll("tr"))) {
        const cells = Array.from(tr.children)
          .filter((c) => tag(c) === "td" || tag(c) === "th")
          .map((c) => fold(inlineText(c)).replace(/\|/g, "/"));
        if (cells.some((c) => c !== "")) blocks.push({ kind: "row", text: `| ${cells.join(" | ")} |` });
      }
    } else if (t === "figure") {
      for (const inner of Array.from(node.querySelectorAll("table, blockquote"))) visit(inner);
    } else if (t === "hr") {
      // a rule separates, nothing more
    } else {
      for (const child of Array.from(node.childNodes)) visit(child);
      flush();
    }
  };
  visit(root);
  flush();
  return blocks;
}

/** Drops furniture lines, sections under furniture headings, and the title repeated as a heading. */
function cleanBlocks(blocks: readonly Block[], title: string | null): Block[] {
  const kept: Block[] = [];
  const titleKey = title?.toLowerCase() ?? null;
  let skipping = false;
  for (const block of blocks) {
    if (block.kind === "heading") {
      skipping = FURNITURE_HEADING.test(block.text);
      if (skipping || block.text.toLowerCase() === titleKey) continue;
    }
    if (skipping) continue;
    const short = block.text.split(" ").length <= FURNITURE_LINE_WORDS;
    if (block.kind !== "row" && short && FURNITURE_LINE.some((re) => re.test(block.text))) continue;
    if (kept.length === 0 && block.kind === "paragraph" && block.text.toLowerCase() === titleKey) continue;
    kept.push(block);
  }
  while (kept.at(-1)?.kind === "heading") kept.pop();
  return kept;
}

/** Seed text: blank lines between blocks, list items and table rows on consecutive lines. */
function render(blocks: readonly Block[]): string {
  let out = "";
  let previous: BlockKind | null = null;
  for (const block of blocks) {
    const line = block.kind === "bullet" ? `- ${block.text}` : block.text;
    const together = previous !== null && previous === block.kind && (block.kind === "bullet" || block.kind === "row");
    out += previous === null ? line : together ? `\n${line}` : `\n\n${line}`;
    previous = block.kind;
  }
  return out === "" ? "" : `${out}\n`;
}

/** A `<title>` without the outlet: " - Outlet" when it is the known outlet, or " | Site" of up to four words. */
function withoutOutlet(title: string, outlet: string | null): string {
  const dashed = /^(.+?)\s+[|–—-]\s+([^|–—-]+)$/.exec(title);
  if (!dashed) return title;
  const [, head, tail] = dashed;
  if (outlet !== null && tail!.toLowerCase() === outlet.toLowerCase()) return head!;
  if (/\s\|\s/.test(title) && tail!.split(" ").length <= 4) return head!;
  return title;
}

/**
 * Reads the article of a web page: `@mozilla/readability` over `linkedom`, after removing page
 * furniture (navigation, cookie banners, share links, newsletter boxes, captions, related stories,
 * comments, footers); the result is the seed text `parseSeed` reads, and the page's metadata
 * (see {@link readPageMeta}) in seed form.
 *
 * @param html the page
 * @param url the page's URL (to resolve the canonical link; the fallback URL)
 * @throws SourceParseError `no-article` when the page has no article text
 */
export function extractArticle(html: string, url: string): ExtractedArticle {
  const page = readPageMeta(parseDocument(html), url);
  const doc = parseDocument(html);
  const htmlTitle = fold(doc.title ?? "");
  const body = removeFurniture(doc);

  const reader = new Readability<DomElement>(doc as never, {
    charThreshold: 200,
    serializer: (node) => node as unknown as DomElement,
  }).parse();
  const root = reader?.content ?? body ?? doc.body;
  if (!root) throw new SourceParseError("no-article", `no article text found at ${url}`);

  const outlet = page.outlet ?? (reader?.siteName ? fold(reader.siteName) : null);
  const pageTitle = page.title ?? (htmlTitle !== "" ? withoutOutlet(htmlTitle, outlet) : null) ?? (reader?.title ? fold(reader.title) : null);
  const blocks = cleanBlocks(toBlocks(root), pageTitle);
  const text = render(blocks);
  if (blocks.every((b) => b.kind === "heading")) throw new SourceParseError("no-article", `no article text found at ${url}`);

  let canonical: string | null = null;
  for (const candidate of [page.url, url]) {
    if (candidate === null) continue;
    try {
      canonical = canonicalUrl(candidate);
      break;
    } catch {
      // not http(s): try the next
    }
  }
  const firstLine = (blocks.find((b) => b.kind === "paragraph") ?? blocks[0]!).text;
  return {
    text,
    meta: {
      title: pageTitle ?? (firstLine.length > 140 ? `${firstLine.slice(0, 139)}…` : firstLine),
      titleFrom: pageTitle !== null ? "capture" : "text",
      outlet,
      author: page.author ?? (reader?.byline ? fold(reader.byline).replace(/^by\s+/i, "") || null : null),
      published: page.date?.published ?? null,
      publishedAt: page.date?.publishedAt ?? null,
      url: canonical,
    },
  };
}
