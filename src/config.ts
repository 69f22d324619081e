import { existsSync, readFileSync } from "node:fs";
import { parseEnv } from "node:util";
import { z } from "zod";
import { DEFAULT_MAX_ARTICLE_BYTES } from "./knowledge/article-text.js";
import { DEFAULT_SEEDS_DIR } from "./paths.js";

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const optionalUrl = optionalText.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), "must be an http(s) URL");

/** A PostgreSQL connection URL: `postgres://` or `postgresql://`, with a host. */
const postgresUrl = optionalText.refine((v) => {
  if (v === undefined) return true;
  try {
    const url = new URL(v);
    return (url.protocol === "postgres:" || url.protocol === "postgresql:") && url.hostname !== "";
  } catch {
    return false;
  }
}, "must be a postgres:// or postgresql:// URL with a host, e.g. postgres://user:password@db.example:5432/dispute");

/** A whole number in [min, max]; every way of getting it wrong gets the same message, naming the range. */
const wholeNumber = (min: number, max: number) => {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.coerce.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message });
};

export { DEFAULT_MAX_ARTICLE_BYTES };

/** Every environment variable the bot reads. An empty value means the variable is not set (its default applies). */
export const configSchema = z
  .object({
    /** Default: info with a chat platform, warn in the console (so answers are not buried in logs). */
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
    PORT: wholeNumber(1, 65535).default(3000),
    HOST: z.string().trim().min(1).default("0.0.0.0"),
    SEEDS_DIR: z.string().trim().min(1).default(DEFAULT_SEEDS_DIR),
    DATABASE_PATH: z.string().trim().min(1).default("./data/dispute-bot.db"),
    /** PostgreSQL for every replica's shared state; when set, nothing is written to DATABASE_PATH. */
    DATABASE_URL: postgresUrl,
    /** Folder for index snapshots; "off" to always build the index at start. */
    INDEX_CACHE_DIR: z.string().trim().min(1).default("./.cache"),
    RATE_LIMIT_PER_MINUTE: wholeNumber(1, 1000).default(10),
    /** Articles (`.txt`) larger than this are refused with a warning instead of being indexed. */
    MAX_ARTICLE_BYTES: wholeNumber(1024, 256 * 1024 * 1024).default(DEFAULT_MAX_ARTICLE_BYTES),
    /** Hosts (`host` or `host:port`, comma-separated) that may be fetched although they resolve to loopback or private addresses. */
    FETCH_ALLOW_HOSTS: optionalText,
    /** User ids (Slack and Discord, comma-separated) who may add and remove sources in chat. */
    ADMIN_USER_IDS: optionalText.transform((v) => new Set((v ?? "").split(",").map((id) => id.trim()).filter(Boolean))),
    /** Minutes between polls of the followed feeds in a running bot. */
    FEED_POLL_MINUTES: wholeNumber(1, 24 * 60).default(30),
    SLACK_BOT_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith("xoxb-"), "must start with xoxb-"),
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_APP_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith("xapp-"), "must start with xapp-"),
    SLACK_API_URL: optionalUrl,
    /** OAuth (Basic Information): with these three set, workspaces install the app at /slack/install. */
    SLACK_CLIENT_ID: optionalText,
    SLACK_CLIENT_SECRET: optionalText,
    SLACK_STATE_SECRET: optionalText,
    /** Where Slack sends an admin back after an install; default: the redirect URL set in the app's settings. */
    SLACK_REDIRECT_URL: optionalUrl,
    DISCORD_TOKEN: optionalText,
    DISCORD_APPLICATION_ID: optionalText.refine((v) => v === undefined || /^\d{5,25}$/.test(v), "must be a numeric snowflake id"),
    DISCORD_GUILD_ID: optionalText.refine((v) => v === undefined || /^\d{5,25}$/.test(v), "must be a numeric snowflake id"),
    DISCORD_API_URL: optionalUrl,
    DISCORD_REGISTER_ON_START: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
    /** The application's public key (Developer Portal): interactions then arrive over HTTP at /discord/interactions. */
    DISCORD_PUBLIC_KEY: optionalText.refine((v) => v === undefined || /^[0-9a-fA-F]{64}$/.test(v), "must be 64 hex characters"),
    /** Open a gateway connection too; default: false with DISCORD_PUBLIC_KEY, and always true without it. */
    DISCORD_GATEWAY: z
      .enum(["true", "false"])
      .optional()
      .transform((v) => (v === undefined ? undefined : v === "true")),
  })
  .superRefine((env, ctx) => {
    const oauth = [env.SLACK_CLIENT_ID, env.SLACK_CLIENT_SECRET, env.SLACK_STATE_SECRET];
    if (oauth.some(Boolean)) {
      for (const [name, value] of [["SLACK_CLIENT_ID", env.SLACK_CLIENT_ID], ["SLACK_CLIENT_SECRET", env.SLACK_CLIENT_SECRET], ["SLACK_STATE_SECRET", env.SLACK_STATE_SECRET]] as const) {
        if (!value) ctx.addIssue({ code: "custom", path: [name], message: "is required with the other Slack OAuth settings (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET)" });
      }
      if (!env.SLACK_SIGNING_SECRET) ctx.addIssue({ code: "custom", path: ["SLACK_SIGNING_SECRET"], message: "is required when SLACK_CLIENT_ID is set (Slack OAuth)" });
      if (env.SLACK_APP_TOKEN) ctx.addIssue({ code: "custom", path: ["SLACK_APP_TOKEN"], message: "cannot be used with Slack OAuth (SLACK_CLIENT_ID): installs in many workspaces need HTTP mode" });
    } else {
      if (env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
        ctx.addIssue({ code: "custom", path: ["SLACK_SIGNING_SECRET"], message: "is required when SLACK_BOT_TOKEN is set (HTTP mode)" });
      }
      if ((env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN) && !env.SLACK_BOT_TOKEN) {
        ctx.addIssue({ code: "custom", path: ["SLACK_BOT_TOKEN"], message: "is required when SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set (or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to install in workspaces)" });
      }
    }
    if (env.SLACK_REDIRECT_URL && !env.SLACK_CLIENT_ID) {
      ctx.addIssue({ code: "custom", path: ["SLACK_REDIRECT_URL"], message: "is used only with Slack OAuth (SLACK_CLIENT_ID)" });
    }
    if ((env.DISCORD_PUBLIC_KEY || env.DISCORD_GATEWAY !== undefined) && !env.DISCORD_TOKEN) {
      ctx.addIssue({ code: "custom", path: ["DISCORD_TOKEN"], message: "is required when DISCORD_PUBLIC_KEY or DISCORD_GATEWAY is set" });
    }
    if (env.DISCORD_GATEWAY === false && !env.DISCORD_PUBLIC_KEY) {
      ctx.addIssue({ code: "custom", path: ["DISCORD_GATEWAY"], message: "can be false only with DISCORD_PUBLIC_KEY (interactions over HTTP)" });
    }
  });

/** The validated configuration. */
export type Config = z.output<typeof configSchema>;

/** Raised for a missing or malformed variable; the message names the variable. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Validates the environment. Variables set in `env` win over those in the `.env` file.
 * @throws ConfigError naming each bad variable
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, envFile: string | null = ".env"): Config {
  const fromFile = envFile && existsSync(envFile) ? parseEnv(readFileSync(envFile, "utf8")) : {};
  const set = (vars: Record<string, string | undefined>) => Object.entries(vars).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1].trim() !== "");
  const merged = { ...Object.fromEntries(set(fromFile)), ...Object.fromEntries(set(env)) };
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".") || "environment"} ${i.message}`);
    throw new ConfigError(`Invalid configuration: ${lines.join("; ")}`);
  }
  return parsed.data;
}

/** Which chat platforms the configuration turns on, and how Discord's interactions arrive. */
export function chatModes(config: Config): { slack: "http" | "socket" | null; slackOAuth: boolean; discord: boolean; discordHttp: boolean; discordGateway: boolean } {
  const discord = config.DISCORD_TOKEN !== undefined;
  const discordHttp = discord && config.DISCORD_PUBLIC_KEY !== undefined;
  return {
    slack: config.SLACK_CLIENT_ID ? "http" : config.SLACK_BOT_TOKEN ? (config.SLACK_APP_TOKEN ? "socket" : "http") : null,
    slackOAuth: config.SLACK_CLIENT_ID !== undefined,
    discord,
    discordHttp,
    discordGateway: discord && (config.DISCORD_GATEWAY ?? !discordHttp),
  };
}
