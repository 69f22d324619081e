import { describe, expect, it } from "vitest";
import { seedKnowledge } from "../support/knowledge.js";

const k = seedKnowledge();

describe("positions", () => {
  const all = k.positions()!;
  const of = (party: string): string[] => all.find((p) => p.party === party)!.items.map((i) => i.text);

  it("lists every party with cited items", () => {
    expect(all.map((p) => p.party)).toEqual(["Microsoft", "OpenAI", "Amazon"]);
    for (const p of all) {
      expect(p.items.length).toBeGreaterThan(0);
      for (const item of p.items) expect(item.citation.paragraph).toBeGreaterThan(0);
    }
  });

  it("attributes a bullet labelled with a party to that party only", () => {
    const openAiBullet = (t: string): boolean => t.startsWith("OpenAI: Has said");
    expect(of("OpenAI").some(openAiBullet)).toBe(true);
    expect(of("Microsoft").some(openAiBullet)).toBe(false);
    expect(of("Amazon").some(openAiBullet)).toBe(false);
  });

  it("attributes bullets to the party of their lead-in", () => {
    expect(of("Microsoft")).toContain("The SRE workaround isn't technically feasible at enterprise scale");
    expect(of("OpenAI")).not.toContain("The SRE workaround isn't technically feasible at enterprise scale");
    expect(of("Amazon")).toContain("The exclusivity clause doesn't apply to new product types");
  });

  it("attributes a signed quote to the signer's party", () => {
    expect(of("Microsoft").some((t) => t.includes("We know our contract"))).toBe(true);
  });

  it("does not repeat the same statement", () => {
    const texts = of("Microsoft");
    expect(new Set(texts).size).toBe(texts.length);
  });

  it("filters by party name or alias and rejects unknown parties", () => {
    expect(k.positions("ms")!.map((p) => p.party)).toEqual(["Microsoft"]);
    expect(k.positions("AWS")!.map((p) => p.party)).toEqual(["Amazon"]);
    expect(k.positions("Google")).toBeNull();
  });
});

describe("status", () => {
  it("is as of the newest published date and says where things stand", () => {
    const s = k.status();
    expect(s.asOf).toBe("2026-03-19");
    expect(s.items.length).toBeGreaterThan(0);
    expect(s.items.map((i) => i.text).join(" ")).toMatch(/No lawsuit has been filed|in talks|in discussions/);
  });
});

describe("timeline", () => {
  const events = k.timeline();

  it("is in ascending date order with known precisions", () => {
    const dates = events.map((e) => e.date);
    expect([...dates].sort()).toEqual(dates);
    for (const d of dates) expect(d).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
  });

  it("includes exact and approximate events with citations", () => {
    expect(events.find((e) => e.date === "2026-02-27")?.text).toContain("announced");
    const relative = events.find((e) => e.approximate && e.text.includes("last month"));
    expect(relative?.date).toBe("2026-02");
    expect(relative?.citation.published).toBe("2026-03-19");
  });

  it("leaves out relative dates of undated documents", () => {
    expect(events.some((e) => e.citation.published === null && /last month|as of Wednesday/.test(e.text))).toBe(false);
  });
});

describe("sources", () => {
  it("lists each document with title, outlet, date and paragraph count", () => {
    const list = k.sources();
    expect(list).toHaveLength(4);
    const neowin = list.find((s) => s.outlet === "Neowin");
    expect(neowin).toMatchObject({ published: "2026-03-19", author: "Karlston" });
    for (const s of list) expect(s.paragraphs).toBeGreaterThan(5);
  });
});

describe("suggest", () => {
  it("offers at most 25 short suggestions matching what was typed", () => {
    const got = k.suggest("stat");
    expect(got.length).toBeGreaterThan(0);
    expect(got.length).toBeLessThanOrEqual(25);
    for (const s of got) {
      expect(s.length).toBeLessThanOrEqual(100);
      expect(s.toLowerCase()).toMatch(/\bstat/);
    }
  });
});

describe("timeline dates without a year", () => {
  it("takes the year the undated article is about and marks it approximate", () => {
    const trial = seedKnowledge()
      .timeline()
      .find((e) => e.text.includes("Trial begins April 27"));
    expect(trial).toMatchObject({ date: "2026-04-27", approximate: true });
  });
});
