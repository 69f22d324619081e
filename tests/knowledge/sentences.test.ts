import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/knowledge/sentences.js";

const split = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe("splitSentences", () => {
  it("splits at sentence ends, keeping closing quotes", () => {
    expect(split('He said "no." Then he left. Why? Because.')).toEqual(['He said "no."', "Then he left.", "Why?", "Because."]);
  });

  it("does not split after abbreviations and initials", () => {
    expect(split("Elon Musk vs. Sam Altman went to trial. It opened Nov. 2025 in court.")).toHaveLength(2);
    expect(split("— Abbas M., AI researcher said so. Next.")).toHaveLength(2);
  });

  it("returns nothing for blank text", () => {
    expect(split("   ")).toEqual([]);
  });
});
