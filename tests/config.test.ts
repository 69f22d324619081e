import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { chatModes, ConfigError, DEFAULT_MAX_ARTICLE_BYTES, loadConfig } from "../src/config.js";
import { DEFAULT_SEEDS_DIR } from "../src/paths.js";

describe("config", () => {
  it("has sane defaults with nothing set (console mode)", () => {
    const config = loadConfig({}, null);
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_PATH).toBe("./data/dispute-bot.db");
    expect(chatModes(config)).toEqual({ slack: null, slackOAuth: false, discord: false, discordHttp: false, discordGateway: false });
  });

  it("names a malformed variable", () => {
    expect(() => loadConfig({ PORT: "eighty" }, null)).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: "eighty" }, null)).toThrow(/PORT/);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: "nope", SLACK_SIGNING_SECRET: "s" }, null)).toThrow(/SLACK_BOT_TOKEN must start with xoxb-/);
    expect(() => loadConfig({ DISCORD_TOKEN: "t", DISCORD_APPLICATION_ID: "abc" }, null)).toThrow(/DISCORD_APPLICATION_ID/);
    expect(() => loadConfig({ LOG_LEVEL: "loud" }, null)).toThrow(/LOG_LEVEL/);
  });

  it("takes the shipped .env.example as it is: empty values mean the defaults", () => {
    const config = loadConfig({}, join(fileURLToPath(new URL("../", import.meta.url)), ".env.example"));
    expect(config).toMatchObject({ PORT: 3000, HOST: "0.0.0.0", RATE_LIMIT_PER_MINUTE: 10, MAX_ARTICLE_BYTES: DEFAULT_MAX_ARTICLE_BYTES });
    expect(config.LOG_LEVEL).toBeUndefined();
    expect(config.SEEDS_DIR).toBe(DEFAULT_SEEDS_DIR);
    expect(chatModes(config)).toEqual({ slack: null, slackOAuth: false, discord: false, discordHttp: false, discordGateway: false });
    const blank = loadConfig({ PORT: "", HOST: " ", SEEDS_DIR: "", LOG_LEVEL: "", RATE_LIMIT_PER_MINUTE: "", DATABASE_PATH: "" }, null);
    expect(blank).toMatchObject({ PORT: 3000, HOST: "0.0.0.0", SEEDS_DIR: DEFAULT_SEEDS_DIR, RATE_LIMIT_PER_MINUTE: 10, DATABASE_PATH: "./data/dispute-bot.db" });
  });

  it("takes a PostgreSQL DATABASE_URL and refuses anything else, without echoing its password", () => {
    expect(loadConfig({ DATABASE_URL: "postgres://bot:secret@db.example:5432/dispute" }, null).DATABASE_URL).toBe("postgres://bot:secret@db.example:5432/dispute");
    expect(loadConfig({ DATABASE_URL: "postgresql://db.example/dispute" }, null).DATABASE_URL).toBe("postgresql://db.example/dispute");
    expect(loadConfig({ DATABASE_URL: "" }, null).DATABASE_URL).toBeUndefined();
    for (const bad of ["mysql://bot:secret@db.example/dispute", "postgres://", "db.example:5432", "https://db.example/dispute"]) {
      expect(() => loadConfig({ DATABASE_URL: bad }, null)).toThrow(/DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/);
    }
    expect(() => loadConfig({ DATABASE_URL: "mysql://bot:hunter2@db.example/dispute" }, null)).not.toThrow(/hunter2/);
  });

  it("says which range a number must be in", () => {
    expect(() => loadConfig({ PORT: "0" }, null)).toThrow(/PORT must be a whole number from 1 to 65535/);
    expect(() => loadConfig({ PORT: "70000" }, null)).toThrow(/PORT must be a whole number from 1 to 65535/);
    expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE: "0" }, null)).toThrow(/RATE_LIMIT_PER_MINUTE must be a whole number from 1 to 1000/);
    expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE: "2.5" }, null)).toThrow(/RATE_LIMIT_PER_MINUTE must be a whole number from 1 to 1000/);
    expect(() => loadConfig({ MAX_ARTICLE_BYTES: "lots" }, null)).toThrow(/MAX_ARTICLE_BYTES must be a whole number/);
  });

  it("takes an optional PostgreSQL URL and refuses anything else", () => {
    expect(loadConfig({}, null).DATABASE_URL).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: "postgres://bot:pw@db.example:5432/dispute" }, null).DATABASE_URL).toBe("postgres://bot:pw@db.example:5432/dispute");
    expect(loadConfig({ DATABASE_URL: "postgresql://db.example/dispute" }, null).DATABASE_URL).toBe("postgresql://db.example/dispute");
    expect(() => loadConfig({ DATABASE_URL: "mysql://db.example/dispute" }, null)).toThrow(/DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/);
    expect(() => loadConfig({ DATABASE_URL: "not a url" }, null)).toThrow(/DATABASE_URL must be/);
  });

  it("names a missing variable that another one requires", () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: "xoxb-1" }, null)).toThrow(/SLACK_SIGNING_SECRET is required/);
    expect(() => loadConfig({ SLACK_SIGNING_SECRET: "s" }, null)).toThrow(/SLACK_BOT_TOKEN is required/);
  });

  it("picks the chat modes from the tokens", () => {
    expect(chatModes(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" }, null)).slack).toBe("http");
    expect(chatModes(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" }, null)).slack).toBe("socket");
    expect(chatModes(loadConfig({ DISCORD_TOKEN: "t" }, null)).discord).toBe(true);
  });

  it("installs Slack in many workspaces with the three OAuth settings, with or without a bot token of its own", () => {
    const oauth = { SLACK_CLIENT_ID: "1111.2222", SLACK_CLIENT_SECRET: "secret", SLACK_STATE_SECRET: "a-long-random-state-secret", SLACK_SIGNING_SECRET: "s" };
    expect(chatModes(loadConfig(oauth, null))).toMatchObject({ slack: "http", slackOAuth: true });
    expect(chatModes(loadConfig({ ...oauth, SLACK_BOT_TOKEN: "xoxb-1" }, null))).toMatchObject({ slack: "http", slackOAuth: true });
    expect(chatModes(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" }, null)).slackOAuth).toBe(false);
    expect(loadConfig({ ...oauth, SLACK_REDIRECT_URL: "https://bot.example/slack/oauth_redirect" }, null).SLACK_REDIRECT_URL).toBe("https://bot.example/slack/oauth_redirect");
    expect(() => loadConfig({ ...oauth, SLACK_STATE_SECRET: "" }, null)).toThrow(/SLACK_STATE_SECRET is required with the other Slack OAuth settings/);
    expect(() => loadConfig({ SLACK_CLIENT_SECRET: "secret" }, null)).toThrow(/SLACK_CLIENT_ID is required.*SLACK_STATE_SECRET is required.*SLACK_SIGNING_SECRET is required/);
    expect(() => loadConfig({ ...oauth, SLACK_APP_TOKEN: "xapp-1", SLACK_BOT_TOKEN: "xoxb-1" }, null)).toThrow(/SLACK_APP_TOKEN cannot be used with Slack OAuth/);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s", SLACK_REDIRECT_URL: "https://bot.example/x" }, null)).toThrow(/SLACK_REDIRECT_URL is used only with Slack OAuth/);
  });

  it("serves Discord over HTTP with DISCORD_PUBLIC_KEY, without a gateway unless DISCORD_GATEWAY=true", () => {
    const key = "ab".repeat(32);
    expect(chatModes(loadConfig({ DISCORD_TOKEN: "t" }, null))).toMatchObject({ discord: true, discordHttp: false, discordGateway: true });
    expect(chatModes(loadConfig({ DISCORD_TOKEN: "t", DISCORD_PUBLIC_KEY: key }, null))).toMatchObject({ discord: true, discordHttp: true, discordGateway: false });
    expect(chatModes(loadConfig({ DISCORD_TOKEN: "t", DISCORD_PUBLIC_KEY: key, DISCORD_GATEWAY: "true" }, null))).toMatchObject({ discordHttp: true, discordGateway: true });
    expect(chatModes(loadConfig({ DISCORD_TOKEN: "t", DISCORD_GATEWAY: "true" }, null))).toMatchObject({ discordHttp: false, discordGateway: true });
    expect(() => loadConfig({ DISCORD_TOKEN: "t", DISCORD_PUBLIC_KEY: "not-hex" }, null)).toThrow(/DISCORD_PUBLIC_KEY must be 64 hex characters/);
    expect(() => loadConfig({ DISCORD_TOKEN: "t", DISCORD_PUBLIC_KEY: key.slice(2) }, null)).toThrow(/DISCORD_PUBLIC_KEY must be 64 hex characters/);
    expect(() => loadConfig({ DISCORD_TOKEN: "t", DISCORD_GATEWAY: "yes" }, null)).toThrow(/DISCORD_GATEWAY/);
    expect(() => loadConfig({ DISCORD_PUBLIC_KEY: key }, null)).toThrow(/DISCORD_TOKEN is required/);
    expect(() => loadConfig({ DISCORD_TOKEN: "t", DISCORD_GATEWAY: "false" }, null)).toThrow(/DISCORD_GATEWAY can be false only with DISCORD_PUBLIC_KEY/);
  });

  it("reads a .env file, with the environment winning", () => {
    const dir = mkdtempSync(join(tmpdir(), "dispute-env-"));
    const file = join(dir, ".env");
    writeFileSync(file, "PORT=4000\nRATE_LIMIT_PER_MINUTE=5\n");
    const config = loadConfig({ PORT: "5000" }, file);
    expect(config.PORT).toBe(5000);
    expect(config.RATE_LIMIT_PER_MINUTE).toBe(5);
  });
});
