import { pathToFileURL } from "node:url";
import { REST } from "discord.js";
import { ConfigError, loadConfig } from "../../config.js";
import { registerApplicationCommands } from "./application-commands.js";

export { buildApplicationCommands } from "./application-commands.js";

/** Raised when registration cannot start; the message is one line naming what is missing. */
export class RegisterError extends Error {
  override name = "RegisterError";
}

/**
 * Registers `/dispute` and "Find sources" using the environment (DISCORD_TOKEN,
 * DISCORD_APPLICATION_ID, optional DISCORD_GUILD_ID and DISCORD_API_URL) and
 * resolves with a one-line summary. Mentions, replies and direct messages need no registration:
 * the bot receives them through the gateway with the Guilds, Guild Messages and Direct Messages
 * intents (none privileged; the Message Content intent is not needed).
 * @throws RegisterError when a variable is missing or invalid
 */
export async function registerFromEnv(env: NodeJS.ProcessEnv = process.env, envFile: string | null = ".env"): Promise<string> {
  let config;
  try {
    config = loadConfig(env, envFile);
  } catch (error) {
    if (error instanceof ConfigError) throw new RegisterError(error.message);
    throw error;
  }
  const missing = [config.DISCORD_TOKEN ? null : "DISCORD_TOKEN", config.DISCORD_APPLICATION_ID ? null : "DISCORD_APPLICATION_ID"].filter(Boolean);
  if (missing.length > 0 || !config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) {
    throw new RegisterError(`Cannot register commands: set ${missing.join(" and ")}.`);
  }
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(config.DISCORD_TOKEN);
  const done = await registerApplicationCommands(rest, config.DISCORD_APPLICATION_ID, config.DISCORD_GUILD_ID);
  return done.scope === "guild"
    ? `Registered ${done.count} commands in guild ${config.DISCORD_GUILD_ID}.`
    : `Registered ${done.count} commands globally (they may take a while to appear).`;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  registerFromEnv().then(
    (summary) => console.log(summary),
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error(message.split("\n")[0]);
      process.exitCode = 1;
    },
  );
}
