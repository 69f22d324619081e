import { describe, expect, it } from "vitest";
import { notice } from "../../../src/reply/reply.js";
import { createShareCache } from "../../../src/adapters/shared/share-cache.js";
import { ENGINES, useEngine } from "../../support/engines.js";

const OWNER = { user: "700000000000000007", channel: "300000000000000003" };

describe.each(ENGINES)("share cache on %s", (engine) => {
  const harness = useEngine(engine);

  it("returns a stored reply by a short key until it expires", async () => {
    let now = 0;
    const cache = createShareCache((await harness.open()).shares, { ttlMs: 1000, now: () => now });
    const reply = notice("A", "an answer");
    const key = await cache.put(reply, OWNER);
    expect(key.length).toBeLessThanOrEqual(16);
    expect((await cache.get(key))?.reply).toEqual(reply);
    now = 999;
    expect(await cache.get(key)).toEqual({ reply, owner: OWNER, shared: false });
    now = 1000;
    expect(await cache.get(key)).toBeNull();
    expect(await cache.get("unknown")).toBeNull();
  });

  it("finds a reply kept by another replica, and lets only one click share it", async () => {
    const [a, b] = [createShareCache((await harness.open()).shares), createShareCache((await harness.open()).shares)];
    const key = await a.put(notice("A", "an answer"), OWNER);
    expect((await b.get(key))?.owner).toEqual(OWNER);
    const clicks = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).markShared(key)));
    expect(clicks.filter(Boolean)).toHaveLength(1);
    expect((await a.get(key))?.shared).toBe(true);
    expect(await b.markShared("unknown")).toBe(false);
  });

  it("prunes expired replies, keeping live ones", async () => {
    const store = await harness.open();
    let now = 0;
    const cache = createShareCache(store.shares, { ttlMs: 10, now: () => now });
    const old = await cache.put(notice("old", "old"), OWNER);
    now = 20;
    const fresh = await cache.put(notice("new", "new"), OWNER);
    expect(await store.prune(new Date(now))).toBe(1);
    expect(await store.sql.get("SELECT key FROM shares WHERE key = ?", [old])).toBeUndefined();
    expect((await cache.get(fresh))?.reply.title).toBe("new");
  });
});
