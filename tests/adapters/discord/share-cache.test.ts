import { describe, expect, it } from "vitest";
import { notice } from "../../../src/reply/reply.js";
import { createShareCache } from "../../../src/adapters/shared/share-cache.js";

const OWNER = { user: "700000000000000007", channel: "300000000000000003" };

describe("share cache", () => {
  it("returns a stored reply by a short key until it expires", () => {
    let now = 0;
    const cache = createShareCache({ ttlMs: 1000, now: () => now });
    const reply = notice("A", "an answer");
    const key = cache.put(reply, OWNER);
    expect(key.length).toBeLessThanOrEqual(16);
    expect(cache.get(key)?.reply).toBe(reply);
    now = 999;
    expect(cache.get(key)?.reply).toBe(reply);
    now = 1000;
    expect(cache.get(key)).toBeNull();
    expect(cache.get("unknown")).toBeNull();
  });

  it("keeps at most `capacity` replies, dropping the oldest", () => {
    const cache = createShareCache({ capacity: 3 });
    const keys = ["a", "b", "c", "d"].map((t) => cache.put(notice(t, t), OWNER));
    expect(cache.size).toBe(3);
    expect(cache.get(keys[0]!)).toBeNull();
    expect(cache.get(keys[3]!)?.reply.title).toBe("d");
  });

  it("sweeps expired replies as new ones arrive", () => {
    let now = 0;
    const cache = createShareCache({ ttlMs: 10, now: () => now });
    cache.put(notice("old", "old"), OWNER);
    now = 20;
    cache.put(notice("new", "new"), OWNER);
    expect(cache.size).toBe(1);
  });
});
