import { readFileSync } from "node:fs";
import { Writable } from "node:stream";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordAdapter } from "../../src/adapters/discord/discord-adapter.js";
import type { ChatAdapter } from "../../src/adapters/types.js";
import { createLogger } from "../../src/log.js";
import { seedDispatcher } from "../support/knowledge.js";
import { startFakeDiscord, type FakeDiscord, type RecordedRequest, type SeenMessage } from "./discord/fake-discord.js";
import { slashCommand, type FakeMember } from "./discord/fake-payloads.js";
import { flattenMessage as flattenDiscord } from "./discord/flatten.js";
import { flattenMessage as flattenSlack } from "./slack/fakes/flatten.js";
import { startSlackHarness, type SlackHarness } from "./slack/fakes/harness.js";

const REQUESTS = 1000;
const CONCURRENCY = 50;
const WARM_UP = 100;
/** Heap the adapters may keep after 1,000 requests: their bounded caches (shareable answers, seen triggers) fill up. */
const MAX_GROWTH_MB = 30;
/** Requests come from this many users, each far below the per-user rate limit. */
const USERS = 50;

/** The public set's questions: `npm run eval` keeps every one of them answered, so every reply under load must cite. */
const QUESTIONS = (JSON.parse(readFileSync(new URL("../eval/questions.json", import.meta.url), "utf8")) as { questions: { q: string }[] }).questions.map((x) => x.q);
const question = (i: number): string => QUESTIONS[i % QUESTIONS.length]!;

/** `global.gc`, exposed for this test file (the forks run without --expose-gc). */
const gc: (() => void) | null = (() => {
  try {
    setFlagsFromString("--expose-gc");
    return runInNewContext("gc") as () => void;
  } catch {
    return null;
  }
})();

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Heap in use after full collections (or as it is, when collections cannot be forced), MB. */
async function settledHeapMb(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc?.();
    await pause(30);
  }
  return process.memoryUsage().heapUsed / 1e6;
}

/** Runs `count` jobs with `concurrency` in flight; rejects on the first failure. */
async function runPool(count: number, concurrency: number, job: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) await job(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

function memoryLog() {
  const levels: number[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n")) if (line) levels.push((JSON.parse(line) as { level: number }).level);
      done();
    },
  });
  return { errors: () => levels.filter((l) => l >= 50).length, log: createLogger("info", sink) };
}

describe("Slack adapter under load (signed HTTP requests)", () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness(seedDispatcher());
  });
  afterAll(async () => {
    await h.stop();
  });

  /** Sends `count` `/dispute ask …`, 50 at a time; every one must be acknowledged with 200 and answered once. */
  async function load(prefix: string, count: number): Promise<void> {
    const ids: string[] = [];
    await runPool(count, CONCURRENCY, async (i) => {
      const sent = await h.command(`ask ${question(i)}`, { fields: { user_id: `U${prefix}${i % USERS}`, user_name: `user${i % USERS}` } });
      if (sent.status !== 200 || sent.text !== "") throw new Error(`request ${i} got HTTP ${sent.status} ${sent.text}`);
      ids.push(sent.id);
    });
    await h.fake.waitForResponses(count, undefined, 60_000);
    const byId = new Map<string, number>();
    for (const r of h.fake.responses) byId.set(r.id, (byId.get(r.id) ?? 0) + 1);
    expect(ids).toHaveLength(count);
    expect(ids.filter((id) => byId.get(id) !== 1)).toEqual([]);
    const failed = h.fake.responses.filter((r) => /something went wrong|slow down/i.test(flattenSlack(r.body)));
    expect(failed).toEqual([]);
    expect(h.fake.responses.every((r) => /¶\d+/.test(flattenSlack(r.body)))).toBe(true);
    h.fake.forget();
    h.logs.length = 0;
  }

  it(`acknowledges and answers ${REQUESTS} requests, ${CONCURRENCY} at a time, without errors or heap growth`, { timeout: 90_000 }, async () => {
    await load("W", WARM_UP);
    const before = await settledHeapMb();
    await load("L", REQUESTS);
    const after = await settledHeapMb();
    expect(h.logs.filter((l) => (JSON.parse(l) as { level: number }).level >= 50)).toEqual([]);
    expect(after - before).toBeLessThan(MAX_GROWTH_MB);
  });
});

describe("Discord adapter under load (interactions through the fake gateway)", () => {
  let fake: FakeDiscord;
  let adapter: ChatAdapter;
  const { errors, log } = memoryLog();
  const members: FakeMember[] = Array.from({ length: USERS }, (_, i) => ({ id: String(700000000000200000n + BigInt(i)), username: `member${i}` }));

  beforeAll(async () => {
    fake = await startFakeDiscord();
    adapter = createDiscordAdapter({ token: fake.token, apiUrl: fake.apiUrl, dispatcher: seedDispatcher(), log });
    await adapter.start();
  });
  afterAll(async () => {
    await adapter.stop();
    await fake.close();
  });

  /** Sends `count` `/dispute ask …` interactions, 50 in flight; each must be deferred, then answered by an edit. */
  async function load(count: number): Promise<void> {
    const deferred = new Set<string>();
    const waiting = new Map<string, (edit: RecordedRequest) => void>();
    const stop = fake.onRequest((r) => {
      if (r.interactionToken === undefined) return;
      if (r.method === "POST" && r.path.endsWith("/callback") && (r.body as { type?: number }).type === 5) deferred.add(r.interactionToken);
      if (r.method === "PATCH" && r.path.endsWith("/messages/@original")) {
        waiting.get(r.interactionToken)?.(r);
        waiting.delete(r.interactionToken);
      }
    });
    try {
      let answered = 0;
      await runPool(count, CONCURRENCY, async (i) => {
        const raw = slashCommand({ name: "ask", options: { question: question(i) } }, members[i % USERS]);
        const edit = await new Promise<RecordedRequest>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`interaction ${i} not answered in time`)), 60_000);
          waiting.set(raw.token, (r) => {
            clearTimeout(timer);
            resolve(r);
          });
          fake.dispatch("INTERACTION_CREATE", raw.payload);
        });
        if (!deferred.has(raw.token)) throw new Error(`interaction ${i} was answered without a defer`);
        const text = flattenDiscord(edit.body as SeenMessage);
        if (!/¶\d+/.test(text) || /something went wrong|slow down/i.test(text)) throw new Error(`interaction ${i} got: ${text.slice(0, 200)}`);
        deferred.delete(raw.token);
        answered += 1;
        if (answered % 100 === 0) fake.forget();
      });
      expect(answered).toBe(count);
    } finally {
      stop();
      fake.forget();
    }
  }

  it(`defers and answers ${REQUESTS} interactions, ${CONCURRENCY} in flight, without errors or heap growth`, { timeout: 90_000 }, async () => {
    await load(WARM_UP);
    const before = await settledHeapMb();
    await load(REQUESTS);
    const after = await settledHeapMb();
    expect(errors()).toBe(0);
    expect(fake.unknownRoutes).toEqual([]);
    expect(after - before).toBeLessThan(MAX_GROWTH_MB);
  });
});
