/**
 * The chat path: how fast the Slack and Discord adapters acknowledge a command while the answers
 * are being worked out, against a handler that only acknowledges, measured in the same run.
 * The bot side runs here; the platform side (the loopback fake Slack or Discord the tests use, and
 * the users sending commands) runs in a child process (chat-child.ts), so the two do not share an
 * event loop. Everything is on 127.0.0.1: nothing reaches Slack or Discord.
 */
import { fork, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { App, HTTPReceiver } from "@slack/bolt";
import { Client, Events, GatewayIntentBits, MessageFlags } from "discord.js";
import type { Logger } from "pino";
import { createDispatcher, type Dispatcher } from "../commands/dispatch.js";
import { createRateLimiter } from "../commands/rate-limit.js";
import { createDiscordAdapter } from "../src/adapters/discord/discord-adapter.js";
import { boltLogger } from "../src/adapters/slack/bolt-logger.js";
import { createSlackAdapter, EVENTS_PATH, type SlackAdapter } from "../src/adapters/slack/slack-adapter.js";
import type { ChatAdapter } from "../src/adapters/types.js";
import { loadCorpus } from "../src/sources/seeds.js";
import { createKnowledge } from "../src/knowledge/knowledge.js";
import { createLogger } from "../src/log.js";
import { DEFAULT_SEEDS_DIR } from "../src/paths.js";
import { FAKE_BOT_TOKEN } from "../tests/adapters/slack/fakes/fake-slack.js";
import { SIGNING_SECRET } from "../tests/adapters/slack/fakes/signed-requests.js";
import type { ChildReply, ChildRequest } from "./chat-child.js";
import { percentiles } from "./measure.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
/** Requests per measured run, and how many are in flight at once. */
const REQUESTS = 1000;
const CONCURRENCY = 20;
const WARM_UP = 50;
const ROUNDS = 4;

/** A logger that formats every line, as in production, and throws it away. */
function discardingLog(): Logger {
  return createLogger(
    "info",
    new Writable({
      write(_chunk, _encoding, done) {
        done();
      },
    }),
  );
}

/** The dispatcher over the project's seeds, as the process builds it. */
function seedDispatcher(log: Logger): Dispatcher {
  const knowledge = createKnowledge(loadCorpus(DEFAULT_SEEDS_DIR));
  return createDispatcher({ knowledge: () => knowledge, rateLimiter: createRateLimiter(), log });
}

const p50p99 = (samples: readonly number[]): [number, number] => {
  const [p50, p99] = percentiles(samples, [0.5, 0.99]);
  return [p50!, p99!];
};

/** The platform side in a child process. */
interface Platform {
  call(request: ChildRequest): Promise<ChildReply>;
  close(): Promise<void>;
}

async function startPlatform(): Promise<Platform> {
  const child: ChildProcess = fork("bench/chat-child.ts", [], { cwd: ROOT, execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const pending = new Map<number, { resolve: (reply: ChildReply) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  child.on("message", (message: { id: number; reply: ChildReply }) => {
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (!waiter) return;
    if (message.reply.error !== undefined) waiter.reject(new Error(`benchmark child: ${message.reply.error}`));
    else waiter.resolve(message.reply);
  });
  child.on("exit", (code) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`benchmark child exited (${code})`));
    pending.clear();
  });
  await once(child, "spawn");
  const call = (request: ChildRequest): Promise<ChildReply> =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, { resolve, reject });
      child.send({ id, request });
    });
  return {
    call,
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, "exit");
      const kill = setTimeout(() => child.kill(), 10_000);
      try {
        await call({ op: "close" });
      } catch {
        // it is exiting anyway
      }
      if (child.connected) child.disconnect();
      await exited;
      clearTimeout(kill);
    },
  };
}

/** Collects garbage between rounds when the process runs with --expose-gc (npm run bench does). */
const collect = (): void => (globalThis as { gc?: () => void }).gc?.();

/**
 * The measured runs: `ROUNDS` rounds of `REQUESTS / ROUNDS` requests for each side, in the order
 * baseline–adapter, adapter–baseline, … so that warming up and drift over the run weigh on both
 * sides alike. Resolves with every sample and the summed wall times of each side.
 */
async function interleaved(run: (side: "noop" | "real", round: number, count: number) => Promise<ChildReply>): Promise<Record<"noop" | "real", { samples: number[]; wallMs: number; answersMs: number }>> {
  const result = { noop: { samples: [] as number[], wallMs: 0, answersMs: 0 }, real: { samples: [] as number[], wallMs: 0, answersMs: 0 } };
  for (let round = 0; round < ROUNDS; round++) {
    const order: ("noop" | "real")[] = round % 2 === 0 ? ["noop", "real"] : ["real", "noop"];
    for (const side of order) {
      collect();
      const reply = await run(side, round, REQUESTS / ROUNDS);
      result[side].samples.push(...reply.samples!);
      result[side].wallMs += reply.wallMs!;
      result[side].answersMs += reply.answersMs ?? reply.wallMs!;
    }
  }
  return result;
}

/**
 * Slack, HTTP mode: the real adapter (seed dispatcher; Web API and response URLs on the fake) and,
 * as the baseline, a plain Bolt app on the same kind of receiver whose `/dispute` handler only
 * calls `ack()`, both listening at once. Each gets 50 warm-up requests, then 1,000 signed
 * `/dispute ask …` requests with 20 in flight, in interleaved rounds of 250; the ack time is from
 * sending the POST to reading the HTTP 200. Each round of the adapter ends once every answer has
 * arrived at its response URL: `throughputPerS` counts requests over the time to the last ack of
 * each round, `answerThroughputPerS` over the time to the last answer.
 */
export async function benchSlack(): Promise<{
  ackP50Ms: number;
  ackP99Ms: number;
  throughputPerS: number;
  answerThroughputPerS: number;
  noopAckP50Ms: number;
  noopAckP99Ms: number;
  noopThroughputPerS: number;
}> {
  const log = discardingLog();
  const dispatcher = seedDispatcher(log);
  const platform = await startPlatform();
  const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET, endpoints: EVENTS_PATH, logger: boltLogger(log) });
  let adapter: SlackAdapter | undefined;
  let listening = false;
  try {
    const { apiUrl } = await platform.call({ op: "slack-start" });

    // Baseline: Bolt with a handler that only acknowledges.
    const noop = new App({ token: FAKE_BOT_TOKEN, receiver, logger: boltLogger(log), clientOptions: { slackApiUrl: apiUrl! }, deferInitialization: true });
    noop.command("/dispute", async ({ ack }) => {
      await ack();
    });
    await noop.init();
    const server: Server = await receiver.start({ port: 0, host: "127.0.0.1" });
    listening = true;
    adapter = createSlackAdapter({ botToken: FAKE_BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: apiUrl!, port: 0, host: "127.0.0.1", dispatcher, log });
    await adapter.start();

    const urls = { noop: `http://127.0.0.1:${(server.address() as AddressInfo).port}${EVENTS_PATH}`, real: `http://127.0.0.1:${adapter.port()}${EVENTS_PATH}` };
    const run = (side: "noop" | "real", prefix: string, count: number) =>
      platform.call({ op: "slack-run", eventsUrl: urls[side], prefix, count, concurrency: CONCURRENCY, answers: side === "real" });
    await run("noop", "noop-warm", WARM_UP);
    await run("real", "real-warm", WARM_UP);
    const { noop: baseline, real } = await interleaved((side, round, count) => run(side, `${side}-${round}`, count));

    const [ackP50Ms, ackP99Ms] = p50p99(real.samples);
    const [noopAckP50Ms, noopAckP99Ms] = p50p99(baseline.samples);
    return {
      ackP50Ms,
      ackP99Ms,
      throughputPerS: REQUESTS / (real.wallMs / 1000),
      answerThroughputPerS: REQUESTS / (real.answersMs / 1000),
      noopAckP50Ms,
      noopAckP99Ms,
      noopThroughputPerS: REQUESTS / (baseline.wallMs / 1000),
    };
  } finally {
    await adapter?.stop();
    if (listening) await receiver.stop();
    await platform.close();
  }
}

/** A discord.js client configured like the adapter's, whose only listener defers every interaction. */
async function noopClient(apiUrl: string, token: string): Promise<Client> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], allowedMentions: { parse: [] }, rest: { api: apiUrl } });
  client.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isRepliable()) void interaction.deferReply({ flags: MessageFlags.Ephemeral }).catch(() => undefined);
  });
  const ready = once(client, Events.ClientReady);
  try {
    await client.login(token);
    await ready;
  } catch (error) {
    await client.destroy();
    throw error;
  }
  return client;
}

/**
 * Discord: the real adapter (discord.js client, seed dispatcher) and, as the baseline, the same
 * discord.js client with a listener that only defers, each connected to its own loopback fake;
 * both are driven through the fake's gateway. "Handle" time is from the fake sending
 * INTERACTION_CREATE to the fake having received the interaction's first callback (the defer):
 * the gateway hop, discord.js, the handler up to the defer and its REST call, the same on both
 * sides. 50 warm-up interactions each, then 1,000 `/dispute ask …` interactions with 20 in flight
 * (a slot frees at the defer), in interleaved rounds of 250; each round of the adapter ends once
 * every answer has been edited in. discord.js sends those edits at most 50 a second (its global
 * request limit), so the adapter's rounds take about 20 s in all.
 */
export async function benchDiscord(): Promise<{ handleP50Ms: number; handleP99Ms: number; noopHandleP50Ms: number; noopHandleP99Ms: number }> {
  const log = discardingLog();
  const dispatcher = seedDispatcher(log);
  const platform = await startPlatform();
  let client: Client | undefined;
  let adapter: ChatAdapter | undefined;
  try {
    const noopFake = await platform.call({ op: "discord-start", name: "noop" });
    const realFake = await platform.call({ op: "discord-start", name: "real" });
    client = await noopClient(noopFake.apiUrl!, noopFake.token!);
    adapter = createDiscordAdapter({ token: realFake.token!, apiUrl: realFake.apiUrl!, dispatcher, log });
    await adapter.start();

    const run = (side: "noop" | "real", count: number) =>
      platform.call({ op: "discord-run", name: side, count, concurrency: CONCURRENCY, answers: side === "real", timeoutMs: 60_000 });
    await run("noop", WARM_UP);
    await run("real", WARM_UP);
    const { noop: baseline, real } = await interleaved((side, _round, count) => run(side, count));

    const [handleP50Ms, handleP99Ms] = p50p99(real.samples);
    const [noopHandleP50Ms, noopHandleP99Ms] = p50p99(baseline.samples);
    return { handleP50Ms, handleP99Ms, noopHandleP50Ms, noopHandleP99Ms };
  } finally {
    await adapter?.stop();
    await client?.destroy();
    await platform.close();
  }
}
