import { describe, expect, it } from "vitest";
import { composeDigest, MAX_NEW_QUOTES } from "../../src/digest/compose.js";
import { seedKnowledge } from "../support/knowledge.js";

const knowledge = seedKnowledge();
const docs = knowledge.corpus.documents;
const base = { localDate: "2026-03-20", status: knowledge.status(), documents: docs, since: "2026-03-19" };

describe("composeDigest", () => {
  it("changes mode with nothing new composes nothing", () => {
    expect(composeDigest({ ...base, mode: "changes", told: new Set(docs.map((d) => d.id)) })).toBeNull();
  });

  it("daily mode with nothing new gives the quiet-day line and the status", () => {
    const digest = composeDigest({ ...base, mode: "daily", told: new Set(docs.map((d) => d.id)) })!;
    expect(digest.reply.text).toBe("No new developments since 2026-03-19.");
    expect(digest.reply.groups.map((g) => g.heading)).toEqual(["Status as of 2026-03-19"]);
    expect(digest.told).toEqual({ documents: [] });
  });

  it("keeps it short: at most five new quotes, every new article named, quotes verbatim", () => {
    const digest = composeDigest({ ...base, mode: "changes", told: new Set() })!;
    const newGroups = digest.reply.groups.slice(1);
    const quotes = newGroups.flatMap((g) => g.quotes);
    expect(quotes.length).toBeLessThanOrEqual(MAX_NEW_QUOTES);
    expect(digest.reply.text).toBe(`${docs.length} new sources since 2026-03-19.`);
    expect([...digest.told.documents].sort()).toEqual(docs.map((d) => d.id).sort());
    for (const doc of docs) expect(newGroups.some((g) => g.heading?.includes(doc.meta.title))).toBe(true);
    for (const q of quotes) {
      const doc = docs.find((d) => d.id === q.citation.document)!;
      const passage = doc.passages.find((p) => p.paragraph === q.citation.paragraph)!;
      for (const piece of q.text.split(" … ").map((s) => s.replace(/^… | …$/g, ""))) expect(passage.text).toContain(piece);
    }
    // The dated article comes first.
    expect(newGroups[0]!.heading).toContain("Neowin, 2026-03-19");
  });

  it("names the articles it had no room to quote", () => {
    const many = Array.from({ length: 7 }, (_, i) => ({ ...docs[0]!, id: `extra${i}`, meta: { ...docs[0]!.meta, title: `Extra ${i}` } }));
    const digest = composeDigest({ ...base, documents: many, mode: "changes", told: new Set() })!;
    expect(digest.reply.groups.slice(1).flatMap((g) => g.quotes)).toHaveLength(MAX_NEW_QUOTES);
    expect(digest.reply.notes[0]).toMatch(/^Also new: “Extra \d”/);
    expect(digest.told.documents).toHaveLength(7);
  });
});
