import { describe, expect, it } from "vitest";
import { dueState, formatLocal, formatRelative, localDateTime, nextRunAfter, zonedInstant } from "../../src/digest/schedule.js";

const iso = (d: Date): string => d.toISOString();

describe("zonedInstant", () => {
  it("08:00 America/New_York is 13:00Z before the March change and 12:00Z after it", () => {
    expect(iso(zonedInstant("2026-03-07", "08:00", "America/New_York"))).toBe("2026-03-07T13:00:00.000Z");
    expect(iso(zonedInstant("2026-03-08", "08:00", "America/New_York"))).toBe("2026-03-08T12:00:00.000Z");
    expect(iso(zonedInstant("2026-03-09", "08:00", "America/New_York"))).toBe("2026-03-09T12:00:00.000Z");
  });

  it("a time inside the spring-forward gap runs at the first instant after it (02:30 Berlin → 03:00 CEST)", () => {
    const at = zonedInstant("2026-03-29", "02:30", "Europe/Berlin");
    expect(iso(at)).toBe("2026-03-29T01:00:00.000Z");
    expect(formatLocal(at, "Europe/Berlin")).toBe("2026-03-29 03:00");
  });

  it("a repeated time on the fall-back day runs at its first occurrence", () => {
    expect(iso(zonedInstant("2026-10-25", "02:30", "Europe/Berlin"))).toBe("2026-10-25T00:30:00.000Z");
    expect(iso(zonedInstant("2026-11-01", "01:30", "America/New_York"))).toBe("2026-11-01T05:30:00.000Z");
  });

  it("handles half-hour shifts and a gap at midnight", () => {
    expect(formatLocal(zonedInstant("2026-10-04", "02:15", "Australia/Lord_Howe"), "Australia/Lord_Howe")).toBe("2026-10-04 02:30");
    expect(formatLocal(zonedInstant("2026-09-06", "00:00", "America/Santiago"), "America/Santiago")).toBe("2026-09-06 01:00");
    expect(iso(zonedInstant("2026-06-01", "23:59", "Asia/Kolkata"))).toBe("2026-06-01T18:29:00.000Z");
  });
});

describe("dueState", () => {
  const ny = { time: "08:00", timeZone: "America/New_York" };

  it("is due from the local time on, keyed by the local date", () => {
    expect(dueState(ny, new Date("2026-03-07T12:59:59Z"))).toMatchObject({ localDate: "2026-03-07", due: false });
    expect(dueState(ny, new Date("2026-03-07T13:00:00Z"))).toMatchObject({ localDate: "2026-03-07", due: true });
    expect(dueState(ny, new Date("2026-03-09T11:59:00Z"))).toMatchObject({ localDate: "2026-03-09", due: false });
    expect(dueState(ny, new Date("2026-03-09T12:00:00Z"))).toMatchObject({ localDate: "2026-03-09", due: true });
    // 03:00Z on the 10th is still the 9th in New York.
    expect(dueState(ny, new Date("2026-03-10T03:00:00Z"))).toMatchObject({ localDate: "2026-03-09", due: true });
  });

  it("a nonexistent 02:30 Berlin becomes due exactly once that day, at the end of the gap", () => {
    const berlin = { time: "02:30", timeZone: "Europe/Berlin" };
    const states = [];
    for (let t = Date.parse("2026-03-28T23:00:00Z"); t < Date.parse("2026-03-29T22:00:00Z"); t += 60_000) {
      states.push({ t, ...dueState(berlin, new Date(t)) });
    }
    expect(new Set(states.map((s) => s.localDate))).toEqual(new Set(["2026-03-29"]));
    const firstDue = states.find((s) => s.due)!;
    expect(new Date(firstDue.t).toISOString()).toBe("2026-03-29T01:00:00.000Z");
    expect(localDateTime(new Date(firstDue.t), "Europe/Berlin")).toMatchObject({ hour: 3, minute: 0 });
  });
});

describe("nextRunAfter", () => {
  it("is today's run before it, tomorrow's after it, across the DST change", () => {
    const ny = { time: "08:00", timeZone: "America/New_York" };
    expect(iso(nextRunAfter(ny, new Date("2026-03-07T10:00:00Z")))).toBe("2026-03-07T13:00:00.000Z");
    expect(iso(nextRunAfter(ny, new Date("2026-03-07T13:00:00Z")))).toBe("2026-03-08T12:00:00.000Z");
    expect(iso(nextRunAfter({ time: "02:30", timeZone: "Europe/Berlin" }, new Date("2026-03-28T02:00:00Z")))).toBe("2026-03-29T01:00:00.000Z");
  });

  it("formats the relative time", () => {
    const from = new Date("2026-03-09T07:00:00Z");
    expect(formatRelative(from, new Date("2026-03-09T12:00:00Z"))).toBe("in 5 h");
    expect(formatRelative(from, new Date("2026-03-09T07:42:00Z"))).toBe("in 42 min");
    expect(formatRelative(from, from)).toBe("due now");
  });
});
