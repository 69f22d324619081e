import { describe, expect, it } from "vitest";
import { publicationDate } from "../../../src/sources/web/dates.js";

describe("publicationDate", () => {
  it("keeps the date of an ISO date-time as written (the publisher's local date)", () => {
    expect(publicationDate("2026-03-19T04:48:00+10:00")).toEqual({ published: "2026-03-19", publishedAt: "2026-03-19T04:48:00+10:00" });
    expect(publicationDate("2026-03-18T18:48:00.000Z")).toEqual({ published: "2026-03-18", publishedAt: "2026-03-18T18:48:00Z" });
    expect(publicationDate("2026-03-18T18:48+0100")).toEqual({ published: "2026-03-18", publishedAt: "2026-03-18T18:48:00+01:00" });
  });

  it("gives no date-time without a time or an offset", () => {
    expect(publicationDate("2026-03-19")).toEqual({ published: "2026-03-19", publishedAt: null });
    expect(publicationDate("2026-03-19T10:00:00")).toEqual({ published: "2026-03-19", publishedAt: null });
  });

  it("reads RFC 822 dates in their stated offset", () => {
    expect(publicationDate("Thu, 19 Mar 2026 04:48:00 +1000")).toEqual({ published: "2026-03-19", publishedAt: "2026-03-19T04:48:00+10:00" });
    expect(publicationDate("Wed, 18 Mar 2026 23:30:00 GMT")).toEqual({ published: "2026-03-18", publishedAt: "2026-03-18T23:30:00Z" });
    expect(publicationDate("Fri, 20 Mar 2026 23:30:00 -0700")).toEqual({ published: "2026-03-20", publishedAt: "2026-03-20T23:30:00-07:00" });
  });

  it("is null for nothing, nonsense and impossible dates", () => {
    expect(publicationDate(null)).toBeNull();
    expect(publicationDate("")).toBeNull();
    expect(publicationDate("yesterday")).toBeNull();
    expect(publicationDate("2026-02-30")).toBeNull();
    expect(publicationDate("2026-13-01")).toBeNull();
  });
});
