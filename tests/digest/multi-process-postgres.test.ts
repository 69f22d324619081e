import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDigestService } from "../../src/digest/service.js";
import { freshPostgresUrl } from "../support/postgres.js";
import { ROOT, runTs } from "./cli-process.js";
import { copySeeds, holderFor, openDigestStore, tempDir } from "./helpers.js";

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

let seedsDir: string;
let removeSeeds = (): void => undefined;
beforeAll(() => {
  const t = tempDir("digest-mp-pg-");
  removeSeeds = t.cleanup;
  seedsDir = copySeeds(t.dir);
});
afterAll(() => removeSeeds());

/** A fresh PostgreSQL database with a daily 08:00 UTC digest for each channel. */
async function subscribed(channels: readonly string[]): Promise<string> {
  const url = await freshPostgresUrl();
  const store = await openDigestStore("unused", url);
  const holder = holderFor(seedsDir);
  const service = createDigestService({ store, knowledge: () => holder.current() });
  for (const channel of channels) {
    await service.subscribe({ platform: "slack", channel, time: "08:00", timeZone: "UTC", mode: "daily", subscriber: null, now: new Date("2026-03-19T00:00:00Z") });
  }
  await store.close();
  return url;
}

const worker = (url: string, startAt: number, tickAt: string) => runTs("tests/digest/fixtures/tick-worker.ts", [url, seedsDir, String(startAt), tickAt], {});
const postedBy = (stdout: string): string[] => (JSON.parse(stdout) as { posted: string[] }).posted;

describe("OS processes sharing one PostgreSQL database", () => {
  it("three processes released at the same instant post each due digest exactly once", async () => {
    const channels = Array.from({ length: 12 }, (_, i) => `room${i}`);
    const url = await subscribed(channels);
    const startAt = Date.now() + 4_000;
    const results = await Promise.all([0, 1, 2].map(() => worker(url, startAt, "2026-03-20T08:00:00Z")));
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    expect(results.flatMap((r) => postedBy(r.stdout)).sort()).toEqual([...channels].sort());
    const store = await openDigestStore("unused", url);
    expect((await store.runs()).map((r) => [r.state, r.attempts])).toEqual(channels.map(() => ["sent", 1]));
    await store.close();
  }, 90_000);

  it("a process killed with SIGKILL after claiming and before recording is taken over after the lease, and posted once", async () => {
    const url = await subscribed(["general"]);
    // the first process claims the run, counts an attempt and is killed while posting
    // node itself, not the tsx launcher: the signal must reach the process that holds the claim
    const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "tests/digest/fixtures/tick-worker.ts"), url, seedsDir, "0", "2026-03-20T08:00:00Z", "hang"], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    cleanups.push(() => child.kill("SIGKILL"));
    await new Promise<void>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString("utf8");
        if (out.includes('"posting":"general"')) resolve();
      });
      child.once("exit", (code) => reject(new Error(`the worker exited (${code}) before posting`)));
    });
    const exited = new Promise((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");

    const store = await openDigestStore("unused", url);
    const [run] = await store.runs();
    expect(run).toMatchObject({ state: "claimed", attempts: 1, messageId: null });

    // within the lease (renewed by the attempt, a moment after 08:00) another process leaves it alone;
    // after it, one of two processes takes it over and posts once
    const within = await worker(url, 0, "2026-03-20T08:04:59Z");
    expect(within.code, within.stderr).toBe(0);
    expect(postedBy(within.stdout)).toEqual([]);
    const after = await Promise.all([worker(url, 0, "2026-03-20T08:06:00Z"), worker(url, 0, "2026-03-20T08:06:00Z")]);
    for (const r of after) expect(r.code, r.stderr).toBe(0);
    expect(after.flatMap((r) => postedBy(r.stdout))).toEqual(["general"]);
    expect(await store.runs()).toEqual([expect.objectContaining({ state: "sent", attempts: 2 })]);
    await store.close();
  }, 90_000);
});
