import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeDiscord, type FakeDiscord } from "./adapters/discord/fake-discord.js";
import { FAKE_IDS, slashCommand } from "./adapters/discord/fake-payloads.js";
import { flattenMessage } from "./adapters/discord/flatten.js";
import { interactionKeys, interactOverHttp, postInteraction, type InteractionKeys } from "./adapters/discord/signed-interactions.js";
import { FAKE_BOT_TOKEN, FAKE_OAUTH_CLIENT, startFakeSlack, type FakeSlack } from "./adapters/slack/fakes/fake-slack.js";
import { installThrough, teamEnvelope } from "./adapters/slack/fakes/install-flow.js";
import { appMention, eventEnvelope, FORM, JSON_TYPE, postSigned, shareClick, SIGNING_SECRET, slashCommandBody, interactionBody } from "./adapters/slack/fakes/signed-requests.js";
import { freePort, startProcess, waitForHealth, type StartedProcess } from "./support/bot-process.js";
import { freshPostgresUrl } from "./support/postgres.js";
import { openStore } from "../src/db/open-store.js";
import { POST_EVENT_TYPE } from "../src/adapters/slack/slack-adapter.js";

const root = fileURLToPath(new URL("../", import.meta.url));
const RATE_LIMIT = 4;

type Block = { type: string; elements?: { type: string; value?: string }[] };

/**
 * Three bot processes started as `npm start` starts one, with the same DATABASE_URL and their own
 * PORT: Slack over HTTP with installs in many workspaces (and a hand-installed token), Discord
 * over HTTP interactions. Every request below goes to whichever replica a load balancer might pick.
 */
describe("three replicas on one PostgreSQL database", () => {
  let slack: FakeSlack;
  let discord: FakeDiscord;
  let keys: InteractionKeys;
  let dir: string;
  const bots: { port: number; process: StartedProcess; base: string }[] = [];

  beforeAll(async () => {
    slack = await startFakeSlack();
    discord = await startFakeDiscord();
    keys = interactionKeys();
    dir = mkdtempSync(join(tmpdir(), "dispute-replicas-"));
    const databaseUrl = await freshPostgresUrl();
    // a daily digest whose time today has passed: every replica ticks at start, and each finds it due
    const store = await openStore({ DATABASE_URL: databaseUrl, DATABASE_PATH: join(dir, "never-written.db") });
    await store.digests.upsertSubscription(
      { platform: "slack", channel: "CDIGEST", time: "00:00", timeZone: "UTC", mode: "daily", subscriber: "U0001", workspace: "T0001" },
      [],
      new Date(Date.now() - 2 * 86_400_000),
    );
    await store.close();
    for (let i = 0; i < 3; i++) {
      const port = await freePort();
      const env = {
        PORT: String(port),
        HOST: "127.0.0.1",
        DATABASE_URL: databaseUrl,
        DATABASE_PATH: join(dir, "never-written.db"),
        INDEX_CACHE_DIR: join(dir, `cache-${i}`),
        LOG_LEVEL: "info",
        RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
        SLACK_BOT_TOKEN: FAKE_BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_CLIENT_ID: FAKE_OAUTH_CLIENT.id,
        SLACK_CLIENT_SECRET: FAKE_OAUTH_CLIENT.secret,
        SLACK_STATE_SECRET: "one-state-secret-for-every-replica",
        SLACK_API_URL: slack.apiUrl,
        DISCORD_TOKEN: discord.token,
        DISCORD_PUBLIC_KEY: keys.publicKeyHex,
        DISCORD_API_URL: discord.apiUrl,
      };
      const bot = startProcess([process.execPath, "--import", "tsx", "src/main.ts"], root, env);
      bots.push({ port, process: bot, base: `http://127.0.0.1:${port}` });
    }
    for (const bot of bots) {
      try {
        // Slack's port answers while Discord is still starting ("degraded"): wait until both are up
        let health = await waitForHealth(bot.port, 60_000);
        for (const until = Date.now() + 30_000; health.status !== "ok" && Date.now() < until; ) {
          await new Promise((r) => setTimeout(r, 200));
          health = (await (await fetch(`${bot.base}/healthz`)).json()) as Record<string, unknown>;
        }
        expect(health).toMatchObject({ status: "ok", adapters: { slack: true, discord: true } });
      } catch (error) {
        throw new Error(`${String(error)}\n${bot.process.output()}`);
      }
    }
  }, 120_000);

  afterAll(async () => {
    for (const bot of bots) bot.process.child.kill("SIGKILL");
    await slack?.close();
    await discord?.close();
  });

  const eventsUrl = (i: number): string => `${bots[i]!.base}/slack/events`;
  const command = async (i: number, text: string, fields: Record<string, string> = {}): Promise<Record<string, unknown>> => {
    const id = randomUUID();
    const sent = await postSigned(eventsUrl(i), slashCommandBody(text, slack.responseUrl(id), fields), FORM);
    expect(sent.status).toBe(200);
    const [answer] = await slack.waitForResponses(1, id);
    return answer!.body;
  };

  it("posts a due digest once, though all three replicas found it due at start", async () => {
    const digestPosts = () => slack.apiCalls.filter((c) => c.method === "chat.postMessage" && c.args.channel === "CDIGEST");
    await expect.poll(() => digestPosts().length, { timeout: 30_000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(digestPosts()).toHaveLength(1);
    expect(digestPosts()[0]).toMatchObject({ authorization: `Bearer ${FAKE_BOT_TOKEN}`, args: { metadata: { event_type: POST_EVENT_TYPE } } });
  });

  it("finishes on one replica an install started on another, and answers that workspace from a third with its token", async () => {
    const token = slack.grantInstall("code-replicas", { id: "T0002", name: "Second" });
    const { back } = await installThrough(bots[0]!.base, "code-replicas", bots[1]!.base);
    expect(back.status).toBe(200);
    const sent = await postSigned(eventsUrl(2), JSON.stringify(teamEnvelope(eventEnvelope(appMention("<@UBOT> how much is amazon investing in openai?")), "T0002")), JSON_TYPE);
    expect(sent.status).toBe(200);
    const answered = () => slack.apiCalls.filter((c) => c.method === "chat.postMessage" && c.authorization === `Bearer ${token}`);
    await expect.poll(() => answered().length, { timeout: 15_000 }).toBe(1);
    expect(JSON.stringify(answered()[0]?.args)).toContain("$50 billion");
  });

  it("shares on one replica an answer given by another, once", async () => {
    const answer = await command(0, "ask How much did Amazon commit to invest in OpenAI?", { user_id: "USHARE" });
    const value = (answer.blocks as Block[]).find((b) => b.type === "actions")?.elements?.[0]?.value;
    expect(value).toEqual(expect.any(String));
    const clicks = [randomUUID(), randomUUID()];
    for (const [n, id] of clicks.entries()) {
      const sent = await postSigned(eventsUrl(n + 1), interactionBody(shareClick(value!, slack.responseUrl(id), { id: "USHARE", username: "sam", name: "sam" })), FORM);
      expect(sent.status).toBe(200);
    }
    const replies = await Promise.all(clicks.map((id) => slack.waitForResponses(1, id).then(([r]) => r!.body)));
    // each click is acknowledged at once and handled after: either may be the one that shares
    expect(replies.filter((r) => r.response_type === "in_channel")).toHaveLength(1);
    expect(replies.filter((r) => /already shared/i.test(String(r.text)))).toHaveLength(1);
  });

  it("counts one user's commands against one budget whichever replica takes them", async () => {
    const answers: Record<string, unknown>[] = [];
    for (let i = 0; i <= RATE_LIMIT; i++) answers.push(await command(i % 3, "sources", { user_id: "URATE" }));
    expect(answers.slice(0, RATE_LIMIT).map((a) => JSON.stringify(a))).not.toContainEqual(expect.stringMatching(/Slow down/));
    expect(JSON.stringify(answers[RATE_LIMIT])).toMatch(/Slow down/);
    // another user is not held back
    expect(JSON.stringify(await command(1, "sources", { user_id: "UOTHER" }))).not.toMatch(/Slow down/);
  });

  it("answers an event once when Slack retries it to another replica", async () => {
    const before = slack.apiCalls.filter((c) => c.method === "chat.postMessage").length;
    const envelope = eventEnvelope(appMention("<@UBOT> is there a lawsuit yet?", { user: "URETRY" }));
    expect((await postSigned(eventsUrl(0), JSON.stringify(envelope), JSON_TYPE)).status).toBe(200);
    expect((await postSigned(eventsUrl(1), JSON.stringify(envelope), JSON_TYPE, { retryNum: 1 })).status).toBe(200);
    expect((await postSigned(eventsUrl(2), JSON.stringify(envelope), JSON_TYPE, { retryNum: 2 })).status).toBe(200);
    await slack.waitForApiCalls("chat.postMessage", before + 1);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(slack.apiCalls.filter((c) => c.method === "chat.postMessage")).toHaveLength(before + 1);
  });

  it("answers Discord's PING and a signed command on any replica, and 401s a forged one", async () => {
    const url = (i: number): string => `${bots[i]!.base}/discord/interactions`;
    expect(await postInteraction(url(1), keys, { id: "1", type: 1, application_id: FAKE_IDS.application, token: "ping", version: 1 })).toEqual({ status: 200, body: { type: 1 } });
    const exchange = interactOverHttp(discord, url(2), keys, slashCommand({ name: "ask", options: { question: "Is there a lawsuit yet?" } }));
    expect((await exchange.response).body?.type).toBe(5);
    expect(flattenMessage((await exchange.answer()).message)).toMatch(/lawsuit/i);
    const forged = await postInteraction(url(0), keys, { id: "2", type: 1, application_id: FAKE_IDS.application, token: "ping", version: 1 }, { signature: "00".repeat(64) });
    expect(forged.status).toBe(401);
    expect(discord.gatewayConnections).toEqual([]);
  });

  it("writes nothing to DATABASE_PATH, keeps its secrets out of the logs, and stops cleanly on SIGTERM", async () => {
    for (const bot of bots) bot.process.child.kill("SIGTERM");
    const codes = await Promise.all(bots.map((b) => b.process.exit));
    expect(codes).toEqual([0, 0, 0]);
    expect(existsSync(join(dir, "never-written.db"))).toBe(false);
    for (const bot of bots) {
      expect(bot.process.output()).not.toContain(FAKE_OAUTH_CLIENT.secret);
      expect(bot.process.output()).not.toContain(FAKE_BOT_TOKEN);
    }
  });
});
