import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { nearDuplicate, similarity } from "../../../src/sources/web/duplicate.js";

const seed = (name: string): string => readFileSync(new URL(`../../../seeds/${name}.txt`, import.meta.url), "utf8");

describe("nearDuplicate", () => {
  const original = seed("000_598b52fffe793390");

  it("finds a syndicated copy with other spacing, a new headline and a closing line", () => {
    const copy = `Syndicated: Microsoft threatens OpenAI\n\n${original.replace(/\s+/g, " ").replace(/’/g, "'")}\n\nThis story first appeared elsewhere.`;
    expect(similarity(original, copy)).toBeGreaterThan(0.8);
    expect(nearDuplicate(original, copy)).toBe(true);
    expect(nearDuplicate(original, original.toUpperCase())).toBe(true);
  });

  it("tells apart two articles on the same story", () => {
    const other = seed("001_95726b0dba58b25f");
    expect(similarity(original, other)).toBeLessThan(0.3);
    expect(nearDuplicate(original, other)).toBe(false);
  });

  it("tells apart a copy cut to half", () => {
    const words = original.split(/\s+/);
    const half = words.slice(0, Math.floor(words.length / 2)).join(" ");
    expect(nearDuplicate(original, half)).toBe(false);
  });

  it("handles short and empty texts", () => {
    expect(nearDuplicate("", "")).toBe(true);
    expect(nearDuplicate("Microsoft sues", "")).toBe(false);
    expect(nearDuplicate("Microsoft sues.", "microsoft SUES")).toBe(true);
  });
});
