import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalTimeZone, isValidTimeZone, knownTimeZones, parseLocalTime, resolveTimeZone } from "../../src/digest/time.js";

/** The reference grammar: H:MM or HH:MM, 00:00–23:59, surrounding whitespace allowed. */
const VALID = /^([01]?\d|2[0-3]):([0-5]\d)$/;

const timeLike = fc.oneof(
  fc.string(),
  fc.tuple(fc.integer({ min: -5, max: 130 }), fc.integer({ min: -5, max: 130 })).map(([h, m]) => `${h}:${String(m).padStart(2, "0")}`),
  fc.tuple(fc.stringMatching(/^\d{1,3}$/), fc.constantFrom(":", ".", "h", ""), fc.stringMatching(/^\d{0,3}$/)).map(([h, s, m]) => `${h}${s}${m}`),
  fc.tuple(fc.constantFrom(" ", "\t", "", "\n"), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([ws, h, m]) => `${ws}${h}:${String(m).padStart(2, "0")}${ws}`),
);

describe("parseLocalTime (property)", () => {
  it("never throws, and accepts exactly the valid times", () => {
    fc.assert(
      fc.property(timeLike, (text) => {
        const parsed = parseLocalTime(text);
        expect(parsed !== null).toBe(VALID.test(text.trim()));
        if (parsed) {
          expect(parsed.text).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
          expect(parsed.hour).toBe(Number(text.trim().split(":")[0]));
          expect(parsed.minute).toBe(Number(text.trim().split(":")[1]));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("round-trips every minute of the day", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (h, m) => {
        const text = `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
        expect(parseLocalTime(text)).toEqual({ hour: h, minute: m, text });
      }),
    );
  });

  it("rejects the classic mistakes", () => {
    for (const bad of ["25:00", "24:00", "12:60", "8", "08:5", "0800", "08:00:00", "-1:00", "８:００", ""]) expect(parseLocalTime(bad)).toBeNull();
  });
});

describe("time zones (property)", () => {
  it("isValidTimeZone and resolveTimeZone never throw on any string", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom(...knownTimeZones()).map((z) => z.toLowerCase())), (text) => {
        const valid = isValidTimeZone(text);
        const resolved = resolveTimeZone(text);
        expect(resolved !== null).toBe(isValidTimeZone(text.trim()));
        if (valid) expect(() => canonicalTimeZone(text)).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });

  it("accepts every zone the runtime lists, in any case, and canonicalises it", () => {
    fc.assert(
      fc.property(fc.constantFrom(...knownTimeZones()), fc.boolean(), (zone, lower) => {
        const resolved = resolveTimeZone(lower ? zone.toLowerCase() : zone.toUpperCase());
        expect(resolved).not.toBeNull();
        expect(isValidTimeZone(resolved!)).toBe(true);
        expect(resolveTimeZone(resolved!)).toBe(resolved);
      }),
      { numRuns: 500 },
    );
  });

  it("rejects names that are not zones", () => {
    for (const bad of ["Mars/Base", "", " ", "+01:00", "Europe/", "x".repeat(65)]) expect(resolveTimeZone(bad)).toBeNull();
    expect(resolveTimeZone("europe/berlin")).toBe("Europe/Berlin");
  });
});
