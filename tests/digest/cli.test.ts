import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli, UsageError } from "../../src/cli/main.js";
import { createDigestService } from "../../src/digest/service.js";
import { runCliProcess } from "./cli-process.js";
import { NEW_ARTICLE_TITLE, addArticle, copySeeds, holderFor, openDigestStore, tempDir } from "./helpers.js";

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** A temp database path and seeds copy, also set in this test file's process environment. */
function env(): { DATABASE_PATH: string; SEEDS_DIR: string } {
  const t = tempDir("digest-cli-");
  cleanups.push(t.cleanup);
  const e = { DATABASE_PATH: join(t.dir, "data", "bot.db"), SEEDS_DIR: copySeeds(t.dir) };
  Object.assign(process.env, e);
  return e;
}

/** Runs the CLI in this process; returns what it printed. */
async function cli(...args: string[]): Promise<string[]> {
  const lines: string[] = [];
  await runCli(args, { out: (line) => lines.push(line), readStdin: async () => "" });
  return lines;
}

async function snapshot(path: string): Promise<unknown> {
  const store = await openDigestStore(path);
  try {
    return { subs: await store.listSubscriptions(), runs: await store.runs() };
  } finally {
    await store.close();
  }
}

const BAD_INPUT: readonly [string[], RegExp][] = [
  [["digest", "subscribe", "--channel", "general", "--time", "08:00", "--tz", "Mars/Base"], /Mars\/Base/],
  [["digest", "subscribe", "--channel", "general", "--time", "25:00"], /25:00/],
  [["digest", "subscribe", "--time", "08:00"], /needs --channel/],
  [["digest", "subscribe", "--channel", "general"], /needs --time/],
  [["digest", "subscribe", "--channel", "general", "--time"], /--time needs a value/],
  [["digest", "subscribe", "--channel", "general", "--time", "08:00", "--mode", "hourly"], /hourly/],
  [["digest", "subscribe", "--channel", "general", "--time", "08:00", "--colour", "red"], /--colour/],
  [["digest", "unsubscribe", "--channel", "nope"], /nope/],
  [["digest", "unsubscribe"], /needs --channel/],
  [["digest", "preview", "--channel", "nope"], /nope/],
  [["digest", "tick"], /needs --at/],
  [["digest", "tick", "--at", "tomorrow"], /ISO-8601/],
  [["digest", "tick", "--at", "2026-13-45T99:00:00Z"], /ISO-8601/],
  [["digest", "subscribe", "--channel", "general", "--time", "08:00", "--workspace", "T 01"], /--workspace must be a Slack team id/],
  [["digest", "frobnicate"], /unknown digest command/],
  [["digest"], /usage/],
];

describe("digest CLI (in process)", () => {
  it("rejects bad input with a one-line UsageError and creates no database", async () => {
    const e = env();
    for (const [args, message] of BAD_INPUT) {
      const error = await cli(...args).then(() => null, (err: unknown) => err);
      expect(error, args.join(" ")).toBeInstanceOf(UsageError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain("\n");
    }
    expect(existsSync(e.DATABASE_PATH)).toBe(false);
  });

  it("rejects bad input against an existing database and leaves it unchanged", async () => {
    const e = env();
    expect(await cli("digest", "subscribe", "--channel", "general", "--time", "08:00", "--tz", "Europe/Berlin", "--mode", "daily")).toEqual([
      expect.stringMatching(/^Subscribed console:general to a daily digest at 08:00 Europe\/Berlin\. Next: \d{4}-\d{2}-\d{2} 08:00 Europe\/Berlin \(/),
    ]);
    const before = await snapshot(e.DATABASE_PATH);
    for (const [args] of BAD_INPUT) await expect(cli(...args)).rejects.toBeInstanceOf(UsageError);
    expect(await snapshot(e.DATABASE_PATH)).toEqual(before);
  });

  it("subscribe, list, preview, tick and unsubscribe; a new article shows up in the next digest", async () => {
    const e = env();
    const [sub] = await cli("digest", "subscribe", "--channel", "ops", "--time", "8:00", "--tz", "america/new_york", "--json");
    expect(JSON.parse(sub!)).toMatchObject({ subscription: { platform: "console", channel: "ops", time: "08:00", timeZone: "America/New_York", mode: "changes", subscriber: "cli" } });
    await cli("digest", "subscribe", "--channel", "team", "--time", "09:30", "--platform", "slack", "--workspace", "T0002");

    const [list] = await cli("digest", "list", "--json");
    expect(JSON.parse(list!).subscriptions).toEqual([
      expect.objectContaining({ platform: "console", channel: "ops", nextRunLocal: expect.stringMatching(/ 08:00 America\/New_York \(in /) }),
      expect.objectContaining({ platform: "slack", channel: "team", time: "09:30", timeZone: "UTC", workspace: "T0002" }),
    ]);

    // Nothing new: changes mode is silent.
    expect(await cli("digest", "tick", "--at", "2030-03-09T12:00:00Z", "--json")).toEqual(['{"sent":[]}']);

    addArticle(e.SEEDS_DIR);
    const [preview] = await cli("digest", "preview", "--channel", "ops", "--json");
    expect(JSON.parse(preview!)).toMatchObject({ channel: "ops", mode: "changes", text: expect.stringContaining(NEW_ARTICLE_TITLE) });

    // The console tick delivers console subscriptions only; the Slack one is left for the Slack process.
    const ticked = await cli("digest", "tick", "--at", "2030-03-10T12:00:00Z", "--json");
    expect(ticked).toHaveLength(1);
    expect(JSON.parse(ticked[0]!)).toEqual({ sent: [{ channel: "ops", localDate: "2030-03-10", mode: "changes", text: expect.stringContaining(NEW_ARTICLE_TITLE) }] });
    expect(await cli("digest", "tick", "--at", "2030-03-10T12:00:00Z")).toEqual(["No digests due."]);

    expect(await cli("digest", "unsubscribe", "--channel", "ops")).toEqual(["Unsubscribed console:ops."]);
    expect(await cli("digest", "tick", "--at", "2030-03-11T12:00:00Z", "--json")).toEqual(['{"sent":[]}']);
    expect(JSON.parse((await cli("digest", "list", "--json"))[0]!).subscriptions).toHaveLength(1);
  });
});

describe("digest CLI (as a process)", () => {
  it("exits 2 with one line on stderr for bad input; tick --json prints exactly one JSON line", async () => {
    const e = env();
    const store = await openDigestStore(e.DATABASE_PATH);
    const holder = holderFor(e.SEEDS_DIR);
    await createDigestService({ store, knowledge: () => holder.current() }).subscribe({
      platform: "console", channel: "general", time: "08:00", timeZone: "America/New_York", mode: "daily", subscriber: null, now: new Date("2026-03-01T00:00:00Z"),
    });
    await store.close();
    const before = await snapshot(e.DATABASE_PATH);
    const bad = [
      ["digest", "subscribe", "--channel", "x", "--time", "08:00", "--tz", "Mars/Base"],
      ["digest", "subscribe", "--channel", "x", "--time", "25:00"],
      ["digest", "unsubscribe", "--channel", "nope"],
      ["digest", "subscribe", "--time", "08:00"],
    ];
    const [tick, ...errors] = await Promise.all([
      runCliProcess(["digest", "tick", "--at", "2026-03-09T12:00:00Z", "--json"], e),
      ...bad.map((args) => runCliProcess(args, e)),
    ]);
    for (const r of errors) {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/^error: [^\n]+\n$/);
    }
    expect(tick!.code).toBe(0);
    expect(tick!.stdout.endsWith("\n")).toBe(true);
    expect(tick!.stdout.trimEnd().split("\n")).toHaveLength(1);
    const parsed = JSON.parse(tick!.stdout) as { sent: Record<string, string>[] };
    expect(parsed.sent).toEqual([{ channel: "general", localDate: "2026-03-09", mode: "daily", text: expect.stringContaining("Dispute digest for 2026-03-09") }]);
    type Snap = { subs: unknown; runs: { state: string; localDate: string }[] };
    const after = (await snapshot(e.DATABASE_PATH)) as Snap;
    expect(after.subs).toEqual((before as Snap).subs);
    // The bad commands wrote nothing: the only new run is the tick's.
    expect(after.runs.slice(0, -1)).toEqual((before as Snap).runs);
    expect(after.runs.at(-1)).toMatchObject({ localDate: "2026-03-09", state: "sent" });
  }, 60_000);
});
