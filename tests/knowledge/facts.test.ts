import { describe, expect, it } from "vitest";
import { extractCounts, extractDates, extractFigures } from "../../src/knowledge/facts.js";

describe("extractCounts", () => {
  it("finds counts of things, not sums, capacities or spans of time", () => {
    expect(extractCounts("Three DMA investigations and 5 probes").map((c) => [c.count, c.shown])).toEqual([
      [3, "Three DMA investigations"],
      [5, "5 probes"],
    ]);
    expect(extractCounts("two billion dollars over three years, 2GW of chips")).toEqual([]);
  });
});

describe("extractFigures", () => {
  it("reads money in its usual spellings", () => {
    expect(extractFigures("a $50 billion deal, $15B now and 35 billion later").map((f) => f.key)).toEqual([
      "usd:50000000000",
      "usd:15000000000",
      "usd:35000000000",
    ]);
  });

  it("reads ranges and capacities", () => {
    expect(extractFigures("$79B-$134B in damages").map((f) => f.key)).toEqual(["usd:79000000000", "usd:134000000000"]);
    // a range's first end takes the unit of the second; a year never does
    expect(extractFigures("musk wants like 79-134b").map((f) => f.key)).toEqual(["usd:79000000000", "usd:134000000000"]);
    expect(extractFigures("between 79 and 134 billion in damages").map((f) => f.raw)).toEqual(["79 billion", "134 billion"]);
    expect(extractFigures("$15 to $35 billion").map((f) => f.key)).toEqual(["usd:15000000000", "usd:35000000000"]);
    expect(extractFigures("in 2019 to 10 billion, and 2019 and 10 billion").map((f) => f.key)).toEqual(["usd:10000000000", "usd:10000000000"]);
    // chat writes sums without the sign
    expect(extractFigures("ms dropped 10B in, then 1.5bn, like 50 bil").map((f) => f.key)).toEqual(["usd:10000000000", "usd:1500000000", "usd:50000000000"]);
    expect(extractFigures("trn2 chips on a 5G network")).toEqual([]);
    expect(extractFigures("like a billion, to one million users").map((f) => f.key)).toEqual(["usd:1000000000"]);
    expect(extractFigures("2GW of Trainium, 250 gigawatts of demand").map((f) => f.key)).toEqual(["gw:2", "gw:250"]);
  });
});

describe("extractDates", () => {
  it("reads full dates, month and year, and bare years", () => {
    expect(extractDates("On February 27, 2026, and 19 March 2026, after the October 2024 deal and in 2019.", null).map((d) => d.date)).toEqual([
      "2026-02-27",
      "2026-03-19",
      "2024-10",
      "2019",
    ]);
  });

  it("marks vague dates approximate", () => {
    expect(extractDates("In late 2025, it changed.", null)).toMatchObject([{ date: "2025", approximate: true }]);
  });

  it("resolves relative dates against the published date, approximately", () => {
    expect(extractDates("signed last month", "2026-03-19")).toMatchObject([{ date: "2026-02", approximate: true }]);
    expect(extractDates("still in talks as of Wednesday", "2026-03-19")).toMatchObject([{ date: "2026-03-18", approximate: true }]);
    expect(extractDates("Trial begins April 27 in Oakland", "2026-03-19")).toMatchObject([{ date: "2026-04-27", approximate: true }]);
  });

  it("leaves relative dates out when the document has no date", () => {
    expect(extractDates("signed last month; trial begins April 27", null)).toEqual([]);
  });

  it("does not read amounts as years", () => {
    expect(extractDates("a $2023 fee and 2,024 users", null)).toEqual([]);
  });
});
