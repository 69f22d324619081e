import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { interact, startFakeDiscord } from "./adapters/discord/fake-discord.js";
import { FAKE_IDS, slashCommand } from "./adapters/discord/fake-payloads.js";
import { startFakeSlack, type FakeSlack } from "./adapters/slack/fakes/fake-slack.js";
import { FORM, postSigned, SIGNING_SECRET, slashCommandBody } from "./adapters/slack/fakes/signed-requests.js";
import { flattenMessage } from "./adapters/discord/flatten.js";
import { interactionKeys, interactOverHttp, postInteraction } from "./adapters/discord/signed-interactions.js";
import { freePort, startProcess, waitForHealth, type StartedProcess } from "./support/bot-process.js";
import { parseExposition } from "./metrics/scrape.js";

const root = fileURLToPath(new URL("../", import.meta.url));

function startBot(env: Record<string, string>, command: readonly string[] = [process.execPath, "--import", "tsx", "src/main.ts"]): StartedProcess {
  return startProcess(command, root, env);
}

/** Whether nothing listens on the port any more (polling up to `timeoutMs`). */
async function portIsFree(port: number, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const free = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(false);
      });
      socket.once("error", () => resolve(true));
    });
    if (free) return true;
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** What every chat-mode bot here gets: the port on 127.0.0.1, its own database and index cache, info logs. */
function localEnv(port: number, dir: string): Record<string, string> {
  return { PORT: String(port), HOST: "127.0.0.1", DATABASE_PATH: join(dir, "bot.db"), INDEX_CACHE_DIR: join(dir, "cache"), LOG_LEVEL: "info" };
}

/** How many commands `GET /metrics` on the bot's port counts with these labels. */
async function commandsCounted(port: number, labels: Record<string, string>): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseExposition(await res.text()).value("dispute_commands_total", labels);
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe("the bot process", () => {
  it("serves the console with no tokens and exits 0 at end of input", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dispute-proc-"));
    const bot = startBot({ DATABASE_PATH: join(dir, "bot.db"), INDEX_CACHE_DIR: join(dir, "cache") });
    bot.child.stdin.end("ask Which AWS chips will OpenAI use?\nstatus\n");
    expect(await bot.exit).toBe(0);
    expect(bot.output()).toContain("Trainium");
    expect(bot.output()).toMatch(/Status as of 2026-03-19/);
  });

  it("exits 1 naming a bad variable", async () => {
    const bot = startBot({ PORT: "not-a-port" });
    expect(await bot.exit).toBe(1);
    expect(bot.output()).toMatch(/Invalid configuration: PORT/);
    expect(bot.output()).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it("exits 1 with one line naming an unusable database path", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dispute-proc-"));
    const notADatabase = join(dir, "folder.db");
    mkdirSync(notADatabase);
    const bot = startBot({ DATABASE_PATH: notADatabase, INDEX_CACHE_DIR: join(dir, "cache") });
    bot.child.stdin.end();
    expect(await bot.exit).toBe(1);
    const lines = bot.output().split("\n").filter((l) => l.trim() !== "" && !l.startsWith("{"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(notADatabase);
    expect(bot.output()).not.toMatch(/\bat .*:\d+:\d+/);
  });

  it("with Discord, serves /metrics on PORT counting the commands it answered", async () => {
    const discord = await startFakeDiscord();
    cleanups.push(() => discord.close());
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), "dispute-proc-"));
    const bot = startBot({
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: FAKE_IDS.application,
      DISCORD_API_URL: discord.apiUrl,
      ...localEnv(port, dir),
    });
    cleanups.push(() => void bot.child.kill("SIGKILL"));
    await waitForHealth(port);
    const up = Date.now() + 20_000;
    while (discord.openSessions() === 0 && Date.now() < up) await new Promise((r) => setTimeout(r, 100));
    const labels = { platform: "discord", command: "ask", outcome: "answered" };
    expect(await commandsCounted(port, labels)).toBe(0);
    const answer = await interact(discord, slashCommand({ name: "ask", options: { question: "Which AWS chips will OpenAI use?" } })).answer();
    expect(JSON.stringify(answer.message)).toContain("Trainium");
    expect(await commandsCounted(port, labels)).toBe(1);
    bot.child.kill("SIGTERM");
    expect(await bot.exit).toBe(0);
  });

  describe("with Slack", () => {
    let slack: FakeSlack;

    it("reports health, answers, and on SIGTERM answers what it acknowledged, then exits 0", async () => {
      slack = await startFakeSlack();
      cleanups.push(() => slack.close());
      const port = await freePort();
      const dir = mkdtempSync(join(tmpdir(), "dispute-proc-"));
      const bot = startBot({
        SLACK_BOT_TOKEN: "xoxb-test-token",
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        ...localEnv(port, dir),
      });
      cleanups.push(() => void bot.child.kill("SIGKILL"));
      const health = await waitForHealth(port);
      expect(health).toMatchObject({ status: "ok", adapters: { slack: true }, index: { documents: 4 } });
      expect(health.uptimeSeconds).toEqual(expect.any(Number));
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect([ready.status, await ready.json()]).toEqual([200, { ready: true, checks: { index: true, database: true } }]);

      const url = `http://127.0.0.1:${port}/slack/events`;
      const first = await postSigned(url, slashCommandBody("ask Is there a lawsuit yet?", slack.responseUrl("one")), FORM);
      expect(first.status).toBe(200);
      const [answer] = await slack.waitForResponses(1, "one");
      expect(JSON.stringify(answer!.body)).toMatch(/lawsuit/i);
      expect(await commandsCounted(port, { platform: "slack", command: "ask", outcome: "answered" })).toBe(1);

      const inFlight = await Promise.all(
        ["two", "three", "four"].map((id) => postSigned(url, slashCommandBody("ask How much did Amazon commit to invest in OpenAI?", slack.responseUrl(id)), FORM)),
      );
      expect(inFlight.map((r) => r.status)).toEqual([200, 200, 200]);
      bot.child.kill("SIGTERM");
      expect(await bot.exit).toBe(0);
      for (const id of ["two", "three", "four"]) expect(slack.responses.some((r) => r.id === id)).toBe(true);
      // the database was closed cleanly: SQLite removes the write-ahead log when the last connection closes
      expect(existsSync(join(dir, "bot.db"))).toBe(true);
      expect(existsSync(join(dir, "bot.db-wal"))).toBe(false);
      const db = new Database(join(dir, "bot.db"), { readonly: true });
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      db.close();
      expect(bot.output()).not.toContain("xoxb-test-token");
      expect(bot.output()).not.toContain(SIGNING_SECRET);
    });

    it.each([
      ["npm start", ["npm", "start", "--silent"]],
      ["a shell that does not pass signals on", ["sh", "-c", "node --import tsx src/main.ts"]],
    ])("stops when %s gets SIGTERM: it exits and the bot frees its port", async (_label, command) => {
      slack = await startFakeSlack();
      cleanups.push(() => slack.close());
      const port = await freePort();
      const dir = mkdtempSync(join(tmpdir(), "dispute-proc-"));
      const bot = startBot(
        {
          SLACK_BOT_TOKEN: "xoxb-test-token",
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          SLACK_API_URL: slack.apiUrl,
          ...localEnv(port, dir),
        },
        command,
      );
      cleanups.push(async () => {
        // if the bot outlived npm, stop it by the port it holds
        await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
        bot.child.kill("SIGKILL");
      });
      await waitForHealth(port);
      bot.child.kill("SIGTERM");
      await bot.exit;
      const freed = await portIsFree(port, 10_000);
      expect(freed).toBe(true);
      // the bot may outlive the shell that ran it by a moment: its last lines arrive when it closes the pipe
      await new Promise<void>((resolve) => {
        if (bot.child.stdout.closed) return resolve();
        const timer = setTimeout(resolve, 10_000);
        bot.child.stdout.once("close", () => {
          clearTimeout(timer);
          resolve();
        });
      });
      expect(bot.output()).toMatch(/shutting down/);
    });
  });

  it("with DISCORD_PUBLIC_KEY and no DISCORD_GATEWAY, answers interactions over HTTP without opening a gateway", async () => {
    const discord = await startFakeDiscord();
    cleanups.push(() => discord.close());
    const keys = interactionKeys();
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), "dispute-proc-"));
    const bot = startBot({
      DISCORD_TOKEN: discord.token,
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      DISCORD_API_URL: discord.apiUrl,
      ...localEnv(port, dir),
    });
    cleanups.push(() => void bot.child.kill("SIGKILL"));
    expect(await waitForHealth(port)).toMatchObject({ status: "ok", adapters: { discord: true } });
    const url = `http://127.0.0.1:${port}/discord/interactions`;
    expect(await postInteraction(url, keys, { id: "1", type: 1, application_id: FAKE_IDS.application, token: "ping", version: 1 })).toEqual({ status: 200, body: { type: 1 } });
    const exchange = interactOverHttp(discord, url, keys, slashCommand({ name: "ask", options: { question: "Is there a lawsuit yet?" } }));
    expect((await exchange.response).body?.type).toBe(5);
    const answer = await exchange.answer();
    expect(answer.via).toBe("edit");
    expect(flattenMessage(answer.message)).toMatch(/lawsuit/i);
    expect(discord.gatewayConnections).toEqual([]);
    expect(discord.requests.some((r) => r.path.endsWith("/gateway/bot"))).toBe(false);
    bot.child.kill("SIGTERM");
    expect(await bot.exit).toBe(0);
    expect(bot.output()).not.toContain(discord.token);
  });
});
