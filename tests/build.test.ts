/**
 * The production build, run as the image runs it: the Dockerfile's stages laid out in a temporary
 * folder (its `npm run build`, its files, production packages only), then the image's CMD and
 * HEALTHCHECK run there with plain node.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startFakeSlack } from "./adapters/slack/fakes/fake-slack.js";
import { FORM, postSigned, SIGNING_SECRET, slashCommandBody } from "./adapters/slack/fakes/signed-requests.js";
import { freePort, startProcess, waitForHealth } from "./support/bot-process.js";
import { layOutImage, type LaidOutImage } from "./support/docker-image.js";

/** "— Outlet, 2026-03-19, ¶6" or "— “Title”, ¶4": the citation under every quote. */
const CITATION = /\n {3}— .+, ¶\d+/;

let dir: string;
let image: LaidOutImage;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "dispute-image-"));
  image = layOutImage(dir);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** Runs a command in the image's working directory with the image's environment. */
function inImage(command: readonly string[], env: Record<string, string> = {}) {
  const started = startProcess(command, image.workdir, { ...image.env, ...env });
  cleanups.push(() => void started.child.kill("SIGKILL"));
  return started;
}

/** Every .js file under a folder. */
function scripts(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".js"));
}

describe("the production build", () => {
  it("compiles to dist/, copies the answerability model, the reordering model, the word associations and the word odds, and writes nothing next to the sources", () => {
    const build = image.stages.build!;
    expect(existsSync(join(build.workdir, "dist/src/main.js"))).toBe(true);
    expect(existsSync(join(build.workdir, "dist/src/cli/main.js"))).toBe(true);
    expect(existsSync(join(build.workdir, "dist/src/knowledge/answerability-model.json"))).toBe(true);
    expect(existsSync(join(build.workdir, "dist/src/knowledge/rerank-model.json"))).toBe(true);
    expect(existsSync(join(build.workdir, "dist/src/knowledge/associations.json"))).toBe(true);
    expect(existsSync(join(build.workdir, "dist/src/knowledge/unanswered-words.json"))).toBe(true);
    expect(scripts(join(build.workdir, "src"))).toEqual([]);
    expect(scripts(join(build.workdir, "commands"))).toEqual([]);
  });

  it("the image holds production packages only: no TypeScript runner, no pino-pretty", () => {
    const installed = readdirSync(join(image.workdir, "node_modules"));
    expect(installed).toContain("better-sqlite3");
    for (const dev of ["tsx", "typescript", "vitest", "pino-pretty"]) expect(installed).not.toContain(dev);
  });

  it("the image holds the word vectors the ranking reads", () => {
    expect(existsSync(join(image.workdir, "src/sources/word-vectors.bin"))).toBe(true);
  });

  it("the image's CMD serves the console: a piped question gets a cited answer, JSON logs, exit 0", async () => {
    // no tokens: the console reads stdin; the database and the snapshots go to the image's data/ and .cache/
    const bot = inImage(image.cmd, { LOG_LEVEL: "info" });
    bot.child.stdin.end("ask how much is amazon investing in openai?\n");
    expect(await bot.exit).toBe(0);
    expect(bot.stdout()).toMatch(/\$50 billion/);
    expect(bot.stdout()).toMatch(CITATION);
    const logs = bot.stderr().split("\n").filter((line) => line.trim() !== "");
    expect(logs.length).toBeGreaterThan(0);
    for (const line of logs) expect(JSON.parse(line)).toMatchObject({ app: "dispute-bot" });
    expect(existsSync(join(image.workdir, "data/dispute-bot.db"))).toBe(true);
    expect(readdirSync(join(image.workdir, ".cache")).length).toBeGreaterThan(0);
  });

  it("npm run start:prod runs the same compiled bot", async () => {
    const bot = inImage(["npm", "run", "--silent", "start:prod"], { DATABASE_PATH: join(dir, "start-prod.db"), INDEX_CACHE_DIR: "off" });
    bot.child.stdin.end("ask Which AWS chips will OpenAI use?\nstatus\n");
    expect(await bot.exit).toBe(0);
    expect(bot.stdout()).toContain("Trainium");
    expect(bot.stdout()).toMatch(/Status as of 2026-03-19/);
    expect(bot.stdout()).toMatch(CITATION);
  });

  it("the compiled CLI answers", async () => {
    const cli = inImage(["npm", "run", "--silent", "cli:prod", "--", "status", "--json"], { DATABASE_PATH: join(dir, "cli.db") });
    expect(await cli.exit).toBe(0);
    const status = JSON.parse(cli.stdout()) as { asOf: string; items: { citation: { document: string } }[] };
    expect(status.asOf).toBe("2026-03-19");
    expect(status.items.length).toBeGreaterThan(0);
  });

  it("with Slack, the image answers, its HEALTHCHECK passes while it serves and fails once it has stopped", async () => {
    const slack = await startFakeSlack();
    cleanups.push(() => slack.close());
    const port = await freePort();
    const bot = inImage(image.cmd, {
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_PATH: join(dir, "slack.db"),
    });
    await waitForHealth(port);
    const healthcheck = image.healthcheck;
    expect(healthcheck).not.toBeNull();
    expect(await inImage(healthcheck!, { PORT: String(port) }).exit).toBe(0);

    const answered = await postSigned(`http://127.0.0.1:${port}/slack/events`, slashCommandBody("ask Is there a lawsuit yet?", slack.responseUrl("one")), FORM);
    expect(answered.status).toBe(200);
    const [answer] = await slack.waitForResponses(1, "one");
    expect(JSON.stringify(answer!.body)).toMatch(/lawsuit/i);

    bot.child.kill("SIGTERM");
    expect(await bot.exit).toBe(0);
    expect(await inImage(healthcheck!, { PORT: String(port) }).exit).toBe(1);
  });
});
