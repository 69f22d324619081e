import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseSeed } from "../../../src/knowledge/parse.js";
import { seedSchemas } from "../../../src/knowledge/metadata.js";
import { SourceParseError } from "../../../src/sources/web/errors.js";
import { extractArticle } from "../../../src/sources/web/extract.js";

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}.html`, import.meta.url), "utf8");

/** Words that only the page furniture of the fixtures contains. */
const NEWSROOM_FURNITURE = [
  "cookies",
  "Accept all",
  "Manage preferences",
  "Skip to main content",
  "World",
  "Subscribe for",
  "Artificial intelligence",
  "By Jane Whitfield",
  "18 March 2026",
  "Share on Facebook",
  "Share on X",
  "Email this story",
  "Photograph",
  "Getty",
  "Satya Nadella speaking",
  "Tech Briefing",
  "newsletter",
  "Your email",
  "Sign up",
  "Read more",
  "Nvidia",
  "Advertisement",
  "continues below",
  "Share this article",
  "Copy link",
  "Related stories",
  "Gemini",
  "Comments (2)",
  "techwatcher99",
  "end in tears",
  "Lawyers are the only sure winners",
  "Most read",
  "Markets tumble",
  "Five things",
  "©",
  "All rights reserved",
  "Privacy policy",
  "Terms of use",
  "Contact us",
];

const BLOG_FURNITURE = [
  "Home",
  "About",
  "Archive",
  "Notes on cloud platforms",
  "This site uses cookies",
  "Posted on",
  "Share this",
  "Twitter",
  "LinkedIn",
  "Related",
  "Bedrock gets bigger",
  "thoughts on",
  "Great explanation",
  "settle before any court date",
  "Leave a Reply",
  "Subscribe via email",
  "notifications of new posts",
  "WordPress",
];

describe("extractArticle", () => {
  it("keeps a news page's article text and nothing of its furniture", () => {
    const { text } = extractArticle(fixture("newsroom"), "https://www.dailyledger.example/tech/story?utm_source=x");
    for (const furniture of NEWSROOM_FURNITURE) expect(text, furniture).not.toContain(furniture);
    expect(text).toContain("Microsoft is weighing legal action against OpenAI and Amazon, arguing that a $50 billion cloud agreement");
    expect(text).toContain("At the heart of the dispute is a Stateful Runtime Environment");
    expect(text).toContain("The Competition and Markets Authority in the UK has previously examined");
    expect(text).toContain('"We believe our agreement with Microsoft is clear and that we are honouring it," an OpenAI spokesperson said.');
  });

  it("writes headings on their own line, list items as '- ' and table rows with '|'", () => {
    const { text } = extractArticle(fixture("newsroom"), "https://www.dailyledger.example/tech/story");
    const lines = text.split("\n");
    expect(lines).toContain("A stateful runtime on Bedrock");
    expect(lines).toContain("- Amazon invests up to $50 billion in OpenAI over several years.");
    expect(lines).toContain("- Frontier customers can choose Bedrock as their cloud platform.");
    expect(lines).toContain("| Company | Cloud | Stake |");
    expect(lines).toContain("| Amazon | AWS | $50bn investment over several years |");
    expect(text).not.toContain("Microsoft weighs legal action over OpenAI's $50bn Amazon deal"); // the headline is the title
    expect(text.endsWith("\n")).toBe(true);
    expect(text).not.toMatch(/\n{3,}/);
  });

  it("gives text the seed parser reads into passages, sections, bullets and table rows", () => {
    const { text, meta } = extractArticle(fixture("newsroom"), "https://www.dailyledger.example/tech/story");
    const { passages, headings } = parseSeed("web", text, meta.title);
    expect(headings).toContain("A stateful runtime on Bedrock");
    const runtime = passages.find((p) => p.text.startsWith("At the heart of the dispute"));
    expect(runtime?.section).toBe("A stateful runtime on Bedrock");
    const bullets = passages.filter((p) => p.kind === "bullet");
    expect(bullets.map((b) => b.text)).toEqual([
      "Amazon invests up to $50 billion in OpenAI over several years.",
      "OpenAI commits to using Trainium chips for some of its training work.",
      "Frontier customers can choose Bedrock as their cloud platform.",
    ]);
    expect(bullets[0]!.leadIn).toMatch(/The main points of the deal/);
    const rows = passages.filter((p) => p.kind === "table-row");
    expect(rows.map((r) => r.cells?.map((c) => `${c.header}=${c.value}`))).toEqual([
      ["Company=Microsoft", "Cloud=Azure", "Stake=About 27% of the OpenAI group"],
      ["Company=Amazon", "Cloud=AWS", "Stake=$50bn investment over several years"],
    ]);
    for (const p of passages) for (const furniture of NEWSROOM_FURNITURE) expect(p.text).not.toContain(furniture);
    expect(passages.length).toBeGreaterThanOrEqual(10);
  });

  it("reads JSON-LD metadata before Open Graph, and the canonical link without tracking", () => {
    const { meta } = extractArticle(fixture("newsroom"), "https://www.dailyledger.example/tech/story?utm_source=x");
    expect(meta).toEqual({
      title: "Microsoft weighs legal action over OpenAI's $50bn Amazon deal",
      titleFrom: "capture",
      outlet: "The Daily Ledger",
      author: "Jane Whitfield, Omar Haddad",
      published: "2026-03-19",
      publishedAt: "2026-03-19T04:48:00+10:00",
      url: "https://www.dailyledger.example/tech/2026/03/18/microsoft-weighs-legal-action",
    });
    expect(seedSchemas().documentMeta.safeParse(meta).success).toBe(true);
  });

  it("reads a blog page: Open Graph, meta author, time, and leaves out share, related and comment blocks", () => {
    const { text, meta } = extractArticle(fixture("blog"), "https://cloudnotes.example/?p=123");
    for (const furniture of BLOG_FURNITURE) expect(text, furniture).not.toContain(furniture);
    expect(text).toContain("Most coverage of the quarrel between Microsoft and OpenAI has focused on the money.");
    // <br><br> inside a paragraph splits it.
    expect(text).toContain("nothing is remembered between calls.\n\nA stateful runtime, by contrast,");
    expect(text.split("\n")).toContain("Where the line falls");
    expect(meta).toEqual({
      title: "Why the Microsoft–OpenAI fight is about plumbing",
      titleFrom: "capture",
      outlet: "Cloud Notes",
      author: "Priya Raman",
      published: "2026-03-20",
      publishedAt: "2026-03-20T23:30:00-07:00",
      url: "https://cloudnotes.example/2026/03/20/plumbing/",
    });
  });

  it("falls back to <title>, leaves unknown fields null and uses the page URL", () => {
    const { text, meta } = extractArticle(fixture("minimal"), "https://wire.example/news/amazon-memo?utm_campaign=a#x");
    expect(text).not.toContain("Home");
    expect(text).not.toContain("all the news that fits");
    expect(text).toContain('Amazon told its staff on Monday that its agreement with OpenAI was "business as usual"');
    expect(meta).toEqual({
      title: 'Amazon staff told OpenAI deal is "business as usual" - Wire Desk',
      titleFrom: "capture",
      outlet: null,
      author: null,
      published: null,
      publishedAt: null,
      url: "https://wire.example/news/amazon-memo",
    });
  });

  it("takes the title from the text when the page has none, and dates from <time>", () => {
    const html = `<html><body><article><time datetime="2026-03-21">21 March</time><p>${"OpenAI said on Saturday that it would keep Azure for stateless calls. ".repeat(4)}</p></article></body></html>`;
    const { text, meta } = extractArticle(html, "https://example.org/a");
    expect(meta.titleFrom).toBe("text");
    expect(meta.title.startsWith("OpenAI said on Saturday")).toBe(true);
    expect(meta.title.length).toBeLessThanOrEqual(140);
    expect(text).not.toContain("21 March");
    expect(meta.published).toBe("2026-03-21");
    expect(meta.publishedAt).toBeNull();
  });

  it("strips the outlet from <title> when the page names the outlet", () => {
    const html = `<html><head><title>OpenAI answers Microsoft | Wire Desk</title><meta property="og:site_name" content="Wire Desk"></head><body><p>${"OpenAI answered Microsoft on Tuesday in a letter. ".repeat(5)}</p></body></html>`;
    expect(extractArticle(html, "https://example.org/b").meta.title).toBe("OpenAI answers Microsoft");
  });

  it("refuses a page without article text", () => {
    const html = `<html><head><title>Home</title></head><body><nav><a href="/">Home</a></nav><footer>© 2026</footer></body></html>`;
    expect(() => extractArticle(html, "https://example.org/")).toThrow(SourceParseError);
    try {
      extractArticle(html, "https://example.org/");
    } catch (error) {
      expect((error as SourceParseError).code).toBe("no-article");
    }
  });
});
