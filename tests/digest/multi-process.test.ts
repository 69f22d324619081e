import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createDigestService } from "../../src/digest/service.js";
import { runCliProcess, runTs } from "./cli-process.js";
import { copySeeds, holderFor, openDigestStore, tempDir } from "./helpers.js";

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const CHANNELS = Array.from({ length: 12 }, (_, i) => `room${i}`);

async function seeded(platform: string): Promise<{ DATABASE_PATH: string; SEEDS_DIR: string }> {
  const t = tempDir("digest-mp-");
  cleanups.push(t.cleanup);
  const SEEDS_DIR = copySeeds(t.dir);
  const DATABASE_PATH = join(t.dir, "data", "bot.db");
  const store = await openDigestStore(DATABASE_PATH);
  const holder = holderFor(SEEDS_DIR);
  const service = createDigestService({ store, knowledge: () => holder.current() });
  for (const channel of CHANNELS) {
    await service.subscribe({ platform, channel, time: "08:00", timeZone: "UTC", mode: "daily", subscriber: null, now: new Date("2026-03-19T00:00:00Z") });
  }
  await store.close();
  return { DATABASE_PATH, SEEDS_DIR };
}

describe("two OS processes on one database", () => {
  it("`digest tick --json` run twice at once posts each digest exactly once", async () => {
    const e = await seeded("console");
    const args = ["digest", "tick", "--at", "2026-03-20T08:00:00Z", "--json"];
    const [a, b] = await Promise.all([runCliProcess(args, e), runCliProcess(args, e)]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const sent = [a, b].flatMap((r) => (JSON.parse(r.stdout) as { sent: { channel: string }[] }).sent.map((s) => s.channel));
    expect(sent.sort()).toEqual([...CHANNELS].sort());
    const store = await openDigestStore(e.DATABASE_PATH);
    expect((await store.runs()).map((r) => r.state)).toEqual(CHANNELS.map(() => "sent"));
    await store.close();
  }, 60_000);

  it("workers released at the same instant never both post", async () => {
    const e = await seeded("slack");
    const startAt = String(Date.now() + 4_000);
    const results = await Promise.all(
      [0, 1, 2].map(() => runTs("tests/digest/fixtures/tick-worker.ts", [e.DATABASE_PATH, e.SEEDS_DIR, startAt, "2026-03-20T08:00:00Z"], {})),
    );
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const posted = results.flatMap((r) => (JSON.parse(r.stdout) as { posted: string[] }).posted);
    expect(posted.sort()).toEqual([...CHANNELS].sort());
  }, 60_000);

  it("processes opening a fresh database at once all migrate it safely", async () => {
    const t = tempDir("digest-mp-");
    cleanups.push(t.cleanup);
    const e = { DATABASE_PATH: join(t.dir, "fresh", "bot.db"), SEEDS_DIR: copySeeds(t.dir) };
    const results = await Promise.all(["a", "b", "c"].map((channel) => runCliProcess(["digest", "subscribe", "--channel", channel, "--time", "07:00"], e)));
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const store = await openDigestStore(e.DATABASE_PATH);
    expect((await store.listSubscriptions()).map((s) => s.channel)).toEqual(["a", "b", "c"]);
    await store.close();
  }, 60_000);
});
