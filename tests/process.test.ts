import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { startFakeSlack, type FakeSlack } from "./adapters/slack/fakes/fake-slack.js";
import { FORM, postSigned, SIGNING_SECRET, slashCommandBody } from "./adapters/slack/fakes/signed-requests.js";

const root = fileURLToPath(new URL("../", import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function startBot(env: Record<string, string>, command: readonly string[] = [process.execPath, "--import", "tsx", "src/main.ts"]): { child: ChildProcessWithoutNullStreams; output: () => string; exit: Promise<number | null> } {
  const child = spawn(command[0]!, command.slice(1), {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exit };
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

async function waitForHealth(port: number, timeoutMs = 20_000): Promise<Record<string, unknown>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.status === 200) return (await res.json()) as Record<string, unknown>;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error("the bot did not become healthy");
    await new Promise((r) => setTimeout(r, 100));
  }
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
        PORT: String(port),
        HOST: "127.0.0.1",
        DATABASE_PATH: join(dir, "bot.db"),
        INDEX_CACHE_DIR: join(dir, "cache"),
        LOG_LEVEL: "info",
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
          PORT: String(port),
          HOST: "127.0.0.1",
          DATABASE_PATH: join(dir, "bot.db"),
          INDEX_CACHE_DIR: join(dir, "cache"),
          LOG_LEVEL: "info",
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
      expect(bot.output()).toMatch(/shutting down/);
    });
  });
});
