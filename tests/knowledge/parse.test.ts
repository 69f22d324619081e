import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSeed } from "../../src/knowledge/parse.js";
import { DEFAULT_SEEDS_DIR } from "../../src/paths.js";

const LINE_LAYOUT = [
  "Big Deal Sparks Fight",
  "Microsoft is considering legal action against OpenAI over the deal with Amazon.",
  "What the reports say",
  "Microsoft argues:",
  "- All API calls must route through Azure under the contract",
  "- The deal violates the spirit of the agreement",
  "OpenAI: Has said its deal does not provide any backdoor access to its models.",
  "| Term | What It Means | Who Controls It |",
  "|---|---|---|",
  "| Stateless access | AI model retains no memory | Covered by Microsoft's clause |",
  '"We know our contract. We will sue them if they breach it."',
  "— Unnamed Microsoft source, Financial Times",
  "So what happens to the deal now that lawyers are involved?",
  "Key questions to watch:",
  "- Will Microsoft actually file suit?",
  "Related Article: Something Else Entirely Happened Today",
  "Sources",
  "- Financial Times: \"Microsoft considers legal action\" (March 2026)",
  "When AI Agents Overload the Cloud: What Happened",
  "Google recently moved to suspend a number of customer accounts after heavy…",
].join("\n");

const BLANK_LAYOUT = [
  "Jump to content",
  "  • Big Deal Sparks Fight",
  "",
  "    Karlston",
  "",
  "    • 1 comment",
  "    • 206 views",
  "     Share",
  "",
  "    Microsoft is reportedly considering a lawsuit against Amazon and OpenAI, arguing",
  "    that their recent $50 billion cloud deal violates its exclusive Azure agreements.",
  "",
  "    \u00a0",
  "",
  "    This was a safety net for Microsoft to ensure Azure stays the major platform.",
  "",
  "    Source: Financial Times (paywall)",
  "",
  "    Hope you enjoyed this news post. Feedback welcome.",
  "",
  "    Recommended Comments",
  "",
  "    Further proof, in my opinion, that this whole thing is a disaster for everyone involved.",
  "",
  "    Link to comment",
].join("\n");

describe("parseSeed, one paragraph per line", () => {
  const { passages, headings } = parseSeed("doc", LINE_LAYOUT, "Big Deal Sparks Fight");
  const texts = passages.map((p) => p.text);

  it("keeps headings as section context, never as passages", () => {
    expect(headings).toContain("What the reports say");
    expect(texts).not.toContain("What the reports say");
    expect(passages.find((p) => p.text.startsWith("OpenAI:"))?.section).toBe("What the reports say");
  });

  it("keeps bullets with the line that introduced them", () => {
    const bullet = passages.find((p) => p.text.startsWith("All API calls"));
    expect(bullet?.kind).toBe("bullet");
    expect(bullet?.leadIn).toBe("Microsoft argues:");
    expect(texts).not.toContain("Microsoft argues:");
  });

  it("turns table rows into passages that keep their column meaning", () => {
    const row = passages.find((p) => p.kind === "table-row");
    expect(row?.text).toBe("Stateless access | AI model retains no memory | Covered by Microsoft's clause");
    expect(row?.cells?.map((c) => c.header)).toEqual(["Term", "What It Means", "Who Controls It"]);
    expect(texts.some((t) => t.includes("---"))).toBe(false);
  });

  it("joins a quote with its attribution line", () => {
    const quote = passages.find((p) => p.kind === "quote");
    expect(quote?.text).toBe('"We know our contract. We will sue them if they breach it." — Unnamed Microsoft source, Financial Times');
  });

  it("drops the title, a lone question, related teasers and source lists", () => {
    expect(texts).not.toContain("Big Deal Sparks Fight");
    expect(texts.join(" ")).not.toMatch(/So what happens to the deal|Related Article|considers legal action\" \(March|Google recently moved/);
  });

  it("keeps a list of questions under its lead-in: the article's own questions to watch", () => {
    const question = passages.find((p) => p.text === "Will Microsoft actually file suit?");
    expect(question?.kind).toBe("bullet");
    expect(question?.leadIn).toBe("Key questions to watch:");
  });

  it("numbers passages from 1 and records their lines", () => {
    expect(passages.map((p) => p.paragraph)).toEqual(passages.map((_, i) => i + 1));
    expect(passages[0]?.line).toBe(2);
  });
});

describe("parseSeed, blank-line paragraphs", () => {
  const { passages } = parseSeed("doc", BLANK_LAYOUT, "Big Deal Sparks Fight");

  it("joins wrapped lines and keeps only the article", () => {
    expect(passages.map((p) => p.text)).toEqual([
      "Microsoft is reportedly considering a lawsuit against Amazon and OpenAI, arguing that their recent $50 billion cloud deal violates its exclusive Azure agreements.",
      "This was a safety net for Microsoft to ensure Azure stays the major platform.",
    ]);
  });

  it("records no section for a byline", () => {
    expect(passages[0]?.section).toBeNull();
  });
});

describe("parseSeed on the real seeds", () => {
  const seeds = readdirSync(DEFAULT_SEEDS_DIR).filter((f) => f.endsWith(".txt"));
  const all = seeds.flatMap((f) => {
    const meta = JSON.parse(readFileSync(join(DEFAULT_SEEDS_DIR, f.replace(".txt", ".meta.json")), "utf8")) as { title: string };
    return parseSeed(f, readFileSync(join(DEFAULT_SEEDS_DIR, f), "utf8"), meta.title).passages;
  });

  it("finds passages in every seed", () => {
    expect(seeds.length).toBeGreaterThanOrEqual(4);
    for (const f of seeds) expect(all.filter((p) => p.document === f).length).toBeGreaterThan(5);
  });

  it("never serves navigation, counters, comments, forms or teasers", () => {
    const text = all.map((p) => p.text).join("\n");
    for (const junk of [
      "Jump to content", "206 views", "Share on other sites", "Link to comment", "Nadella is poison", "Join the conversation",
      "Recently Browsing", "Posted Thursday", "News posts:", "Related Article", "Table of Contents", "Google recently moved",
      "When Kali Meets Claude", "Hope you enjoyed", "Karlston", "paywall)\n",
    ]) {
      expect(text, junk).not.toContain(junk);
    }
  });

  it("never emits an empty passage and every sentence span is inside its passage", () => {
    for (const p of all) {
      expect(p.text.trim().length).toBeGreaterThan(0);
      for (const s of p.sentences) expect(s.end).toBeLessThanOrEqual(p.text.length);
    }
  });
});
