import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocketServer, type WebSocket } from "ws";
import { createDispatcher } from "../../../commands/dispatch.js";
import { createSlackAdapter, type SlackAdapter } from "../../../src/adapters/slack/slack-adapter.js";
import { METRICS_PATH, metricsRoute } from "../../../src/http/metrics-route.js";
import { createBotMetrics } from "../../../src/metrics/bot-metrics.js";
import { parseExposition } from "../../metrics/scrape.js";
import { seedDispatcher, seedKnowledge } from "../../support/knowledge.js";
import { FAKE_BOT_TOKEN, startFakeSlack, type FakeSlack } from "./fakes/fake-slack.js";
import { flattenMessage } from "./fakes/flatten.js";
import { appMention, eventEnvelope, slashCommandFields } from "./fakes/signed-requests.js";

/** A loopback Socket Mode endpoint: says hello to the client and records its acknowledgements. */
async function startSocketServer(): Promise<{ url: string; send(envelope: object): void; acks: string[]; connected: Promise<WebSocket>; close(): Promise<void> }> {
  const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => wss.once("listening", resolve));
  const acks: string[] = [];
  let socket: WebSocket | undefined;
  const connected = new Promise<WebSocket>((resolve) => {
    wss.on("connection", (ws) => {
      socket = ws;
      ws.on("message", (data) => acks.push((JSON.parse(String(data)) as { envelope_id: string }).envelope_id));
      ws.send(JSON.stringify({ type: "hello", num_connections: 1 }));
      resolve(ws);
    });
  });
  return {
    url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/`,
    send: (envelope) => socket?.send(JSON.stringify(envelope)),
    acks,
    connected,
    close: () =>
      new Promise((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}

const until = async (check: () => boolean, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe("Slack adapter: Socket Mode", () => {
  let fake: FakeSlack;
  let socket: Awaited<ReturnType<typeof startSocketServer>>;
  let adapter: SlackAdapter;

  const slashEnvelope = (text: string, responseId: string, extra: object = {}): object => ({
    envelope_id: randomUUID(),
    type: "slash_commands",
    accepts_response_payload: true,
    payload: slashCommandFields(text, fake.responseUrl(responseId)),
    ...extra,
  });

  beforeAll(async () => {
    socket = await startSocketServer();
    fake = await startFakeSlack({ socketUrl: () => socket.url });
    adapter = createSlackAdapter({
      botToken: FAKE_BOT_TOKEN,
      appToken: "xapp-test-token",
      apiUrl: fake.apiUrl,
      port: 0,
      host: "127.0.0.1",
      dispatcher: seedDispatcher(),
      log: pino({ level: "silent" }),
    });
    await adapter.start();
    await socket.connected;
  });
  afterAll(async () => {
    await adapter.stop();
    await socket.close();
    await fake.close();
  });

  it("connects through apps.connections.open with the app token", () => {
    expect(adapter.mode).toBe("socket");
    expect(adapter.isUp()).toBe(true);
    const open = fake.apiCalls.find((c) => c.method === "apps.connections.open");
    expect(open?.authorization).toBe("Bearer xapp-test-token");
  });

  it("acknowledges a slash command envelope and answers at the response URL", async () => {
    const id = randomUUID();
    const envelope = slashEnvelope("ask Is there a lawsuit yet?", id) as { envelope_id: string };
    socket.send(envelope);
    const [answer] = await fake.waitForResponses(1, id);
    expect(socket.acks).toContain(envelope.envelope_id);
    expect(answer?.body.response_type).toBe("ephemeral");
    expect(flattenMessage(answer?.body ?? {})).toMatch(/¶\d+|not in my sources/i);
  });

  it("acknowledges a retried envelope without answering it again", async () => {
    const id = randomUUID();
    const envelope = slashEnvelope("status", id, { retry_attempt: 1, retry_reason: "timeout" }) as { envelope_id: string };
    socket.send(envelope);
    await until(() => socket.acks.includes(envelope.envelope_id));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.responses.filter((r) => r.id === id)).toHaveLength(0);
  });

  it("answers a mention's events_api envelope (first delivery: retry_attempt 0) in its thread, and not its retry", async () => {
    const mention = appMention("<@UBOT> status");
    const payload = eventEnvelope(mention);
    const first = { envelope_id: randomUUID(), type: "events_api", accepts_response_payload: false, retry_attempt: 0, retry_reason: "", payload };
    socket.send(first);
    const [post] = await fake.waitForApiCalls("chat.postMessage", 1);
    expect(socket.acks).toContain(first.envelope_id);
    expect(post!.args).toMatchObject({ channel: "C0001", thread_ts: mention.ts });
    expect(flattenMessage(post!.args)).toContain("Status as of");

    const retry = { ...first, envelope_id: randomUUID(), retry_attempt: 1, retry_reason: "timeout" };
    socket.send(retry);
    await until(() => socket.acks.includes(retry.envelope_id));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.apiCalls.filter((c) => c.method === "chat.postMessage")).toHaveLength(1);
  });

  it("serves GET /healthz on its port", async () => {
    const response = await fetch(`http://127.0.0.1:${adapter.port()}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, platform: "slack", up: true });
  });
});

describe("Slack adapter: Socket Mode with the bot's routes", () => {
  it("serves /metrics on its port, counting the commands that came through the socket", async () => {
    const socketServer = await startSocketServer();
    const slack = await startFakeSlack({ socketUrl: () => socketServer.url });
    const metrics = createBotMetrics();
    const knowledge = seedKnowledge();
    const adapter = createSlackAdapter({
      botToken: FAKE_BOT_TOKEN,
      appToken: "xapp-test-token",
      apiUrl: slack.apiUrl,
      port: 0,
      host: "127.0.0.1",
      dispatcher: createDispatcher({ knowledge: () => knowledge, metrics }),
      log: pino({ level: "silent" }),
      routes: [metricsRoute(metrics)],
    });
    try {
      await adapter.start();
      await socketServer.connected;
      const counted = async (): Promise<number> => {
        const res = await fetch(`http://127.0.0.1:${adapter.port()}${METRICS_PATH}`);
        expect(res.headers.get("content-type")).toBe(metrics.contentType);
        return parseExposition(await res.text()).value("dispute_commands_total", { platform: "slack", command: "status", outcome: "answered" });
      };
      expect(await counted()).toBe(0);
      const id = randomUUID();
      socketServer.send({ envelope_id: randomUUID(), type: "slash_commands", accepts_response_payload: true, payload: slashCommandFields("status", slack.responseUrl(id)) });
      await slack.waitForResponses(1, id);
      expect(await counted()).toBe(1);
    } finally {
      await adapter.stop();
      await socketServer.close();
      await slack.close();
    }
  });
});

describe("Slack adapter: Socket Mode start failures", () => {
  it("fails to start, and frees its port, when Slack refuses the app token", async () => {
    const fake = await startFakeSlack();
    fake.results.set("apps.connections.open", () => ({ ok: false, error: "invalid_auth" }));
    const adapter = createSlackAdapter({
      botToken: FAKE_BOT_TOKEN,
      appToken: "xapp-refused",
      apiUrl: fake.apiUrl,
      port: 0,
      host: "127.0.0.1",
      dispatcher: seedDispatcher(),
      log: pino({ level: "silent" }),
    });
    try {
      await expect(adapter.start()).rejects.toThrow(/Socket Mode connection: .*invalid_auth/);
      expect(adapter.isUp()).toBe(false);
      expect(adapter.port()).toBeNull();
    } finally {
      await fake.close();
    }
  });
});
