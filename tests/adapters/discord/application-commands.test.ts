import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands, FIND_SOURCES, groups, ROOT } from "../../../commands/index.js";
import { buildApplicationCommands } from "../../../src/adapters/discord/application-commands.js";
import { registerFromEnv } from "../../../src/adapters/discord/register.js";
import { startFakeDiscord, type FakeDiscord } from "./fake-discord.js";
import { FAKE_IDS } from "./fake-payloads.js";

interface Option {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  min_length?: number;
  max_length?: number;
  autocomplete?: boolean;
  choices?: { name: string; value: string }[];
  options?: Option[];
}

const built = buildApplicationCommands() as unknown as (Option & { contexts?: number[] })[];
const root = built.find((c) => c.type === 1)!;
const sub = (name: string): Option => root.options!.find((o) => o.name === name && o.type === 1)!;
const group = (name: string): Option => root.options!.find((o) => o.name === name && o.type === 2)!;
const option = (parent: Option, name: string): Option => parent.options!.find((o) => o.name === name)!;

describe("buildApplicationCommands", () => {
  it("builds one /dispute command with a subcommand per command and the digest group", () => {
    expect(built).toHaveLength(2);
    expect(root.name).toBe(ROOT.name);
    expect(root.options!.filter((o) => o.type === 1).map((o) => o.name)).toEqual(commands.map((c) => c.definition.name));
    expect(group("digest").options!.map((o) => [o.type, o.name])).toEqual([
      [1, "subscribe"],
      [1, "unsubscribe"],
      [1, "list"],
      [1, "preview"],
    ]);
    expect(groups.map((g) => g.definition.name)).toEqual(["digest"]);
  });

  it("types every option as a string with the definition's limits, choices and autocomplete", () => {
    expect(option(sub("ask"), "question")).toEqual({ type: 3, name: "question", description: expect.any(String), required: true, min_length: 1, max_length: 500, autocomplete: true });
    expect(option(sub("cite"), "claim")).toMatchObject({ type: 3, required: true, max_length: 500, autocomplete: true });
    const party = option(sub("positions"), "party");
    expect(party).toMatchObject({ type: 3, required: false, choices: [{ name: "Microsoft", value: "Microsoft" }, { name: "OpenAI", value: "OpenAI" }, { name: "Amazon", value: "Amazon" }] });
    expect(party.autocomplete).toBeUndefined();
    const subscribe = group("digest").options!.find((o) => o.name === "subscribe")!;
    expect(subscribe.options!.map((o) => o.name)).toEqual(["time", "timezone", "mode"]);
    expect(option(subscribe, "time")).toMatchObject({ type: 3, required: true, min_length: 4, max_length: 5 });
    expect(option(subscribe, "timezone")).toMatchObject({ type: 3, required: false, max_length: 64, autocomplete: true });
    expect(option(subscribe, "mode").choices!.map((c) => c.value)).toEqual(["changes", "daily"]);
  });

  it("adds the Find sources message command, and keeps both to servers", () => {
    const message = built.find((c) => c.type === 3)!;
    expect(message.name).toBe(FIND_SOURCES);
    expect(message.description).toBeUndefined();
    for (const command of built) expect(command.contexts).toEqual([0]);
  });

  it("stays within Discord's rules for names, descriptions, option order and size", () => {
    const walk = (o: Option): void => {
      expect(o.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
      expect(o.description.length).toBeGreaterThanOrEqual(1);
      expect(o.description.length).toBeLessThanOrEqual(100);
      expect((o.options ?? []).length).toBeLessThanOrEqual(25);
      const required = (o.options ?? []).map((c) => c.required === true);
      expect(required).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
      for (const choice of o.choices ?? []) expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(o.autocomplete && o.choices ? "both" : "ok").toBe("ok");
      for (const child of o.options ?? []) walk(child);
    };
    walk(root);
    const size = (o: Option): number => o.name.length + o.description.length + (o.choices ?? []).reduce((n, c) => n + c.name.length + c.value.length, 0) + (o.options ?? []).reduce((n, c) => n + size(c), 0);
    expect(size(root)).toBeLessThanOrEqual(4000);
  });
});

describe("registerFromEnv", () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord();
  });
  afterAll(async () => {
    await fake.close();
  });

  it("PUTs the built commands to the guild with the bot token", async () => {
    const summary = await registerFromEnv(
      { DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: FAKE_IDS.application, DISCORD_GUILD_ID: FAKE_IDS.guild, DISCORD_API_URL: fake.apiUrl },
      null,
    );
    expect(summary).toBe(`Registered 2 commands in guild ${FAKE_IDS.guild}.`);
    const put = await fake.waitForRequest((r) => r.method === "PUT");
    expect(put.path).toBe(`/v10/applications/${FAKE_IDS.application}/guilds/${FAKE_IDS.guild}/commands`);
    expect(put.authorization).toBe(`Bot ${fake.token}`);
    expect(put.body).toEqual(JSON.parse(JSON.stringify(buildApplicationCommands())));
  });

  it("registers globally without a guild", async () => {
    const summary = await registerFromEnv({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: FAKE_IDS.application, DISCORD_API_URL: fake.apiUrl }, null);
    expect(summary).toMatch(/globally/);
    expect(fake.requests.some((r) => r.method === "PUT" && r.path === `/v10/applications/${FAKE_IDS.application}/commands`)).toBe(true);
    expect(fake.unknownRoutes).toEqual([]);
  });

  it("names the missing variables in one line", async () => {
    await expect(registerFromEnv({}, null)).rejects.toThrow(/^Cannot register commands: set DISCORD_TOKEN and DISCORD_APPLICATION_ID\.$/);
    await expect(registerFromEnv({ DISCORD_TOKEN: "x" }, null)).rejects.toThrow(/^Cannot register commands: set DISCORD_APPLICATION_ID\.$/);
    await expect(registerFromEnv({ DISCORD_TOKEN: "x", DISCORD_APPLICATION_ID: "abc" }, null)).rejects.toThrow(/DISCORD_APPLICATION_ID must be a numeric snowflake id/);
  });

  it("runs as a script and fails with that one line when unconfigured", async () => {
    const dir = mkdtempSync(join(tmpdir(), "register-")); // no .env there
    try {
      const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("DISCORD_")));
      const script = resolve("src/adapters/discord/register.ts");
      const run = promisify(execFile)(resolve("node_modules/.bin/tsx"), [script], { cwd: dir, env });
      const failure = (await run.then(() => null, (e: unknown) => e)) as { code: number; stderr: string; stdout: string } | null;
      expect(failure?.code).toBe(1);
      expect(failure?.stderr.trim()).toBe("Cannot register commands: set DISCORD_TOKEN and DISCORD_APPLICATION_ID.");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
