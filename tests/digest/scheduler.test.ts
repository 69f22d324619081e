import { afterEach, describe, expect, it } from "vitest";
import type { DigestRunner, TickReport } from "../../src/digest/runner.js";
import { startDigestScheduler } from "../../src/digest/scheduler.js";
import { captureLogger } from "./helpers.js";
import { digestWorld, type DigestWorld } from "./runner-setup.js";

let world: DigestWorld | undefined;
afterEach(async () => {
  await world?.cleanup();
  world = undefined;
});

const empty = (): TickReport => ({ sent: [], failed: [], skipped: [] });

describe("digest scheduler", () => {
  it("ticks at start with the injected clock (catch-up), then on its pattern; stop waits for the tick in flight", async () => {
    world = await digestWorld();
    await world.subscribe("C1", "08:00", "UTC", "daily", "2026-03-19T00:00:00Z");
    const scheduler = startDigestScheduler({ runner: world.runner, log: captureLogger().log, clock: () => new Date("2026-03-20T15:00:00Z"), pattern: "* * * * * *" });
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    await scheduler.stop();
    expect(world.posts).toHaveLength(1);
  });

  it("never overlaps ticks and calls tick with clock()", async () => {
    const calls: Date[] = [];
    let release: () => void = () => {};
    const runner: Pick<DigestRunner, "tick"> = {
      tick(at) {
        calls.push(at);
        return new Promise((resolve) => {
          release = () => resolve(empty());
        });
      },
    };
    const clock = new Date("2026-03-20T08:00:00Z");
    const scheduler = startDigestScheduler({ runner, log: captureLogger().log, clock: () => clock, pattern: "* * * * * *" });
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(calls).toEqual([clock]);
    const stopping = scheduler.stop();
    let stopped = false;
    void stopping.then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(stopped).toBe(true);
    await scheduler.tickNow();
    expect(calls).toHaveLength(1);
  });
});
