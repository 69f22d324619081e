import { pino } from "pino";
import { createDiscordAdapter, type DiscordAdapter } from "../../src/adapters/discord/discord-adapter.js";
import { INTERACTIONS_PATH } from "../../src/adapters/discord/interactions-route.js";
import { createHttpServer, type HttpServer } from "../../src/http/http-server.js";
import { startFakeDiscord, type FakeDiscord } from "./discord/fake-discord.js";
import { findSourcesCommand, slashCommand } from "./discord/fake-payloads.js";
import { flattenMessage } from "./discord/flatten.js";
import { interactionKeys, interactOverHttp, type InteractionKeys } from "./discord/signed-interactions.js";
import { slashRequestFromText } from "./discord-driver.js";
import type { AdapterDriver } from "./driver.js";

/**
 * Drives the real Discord adapter in HTTP-interactions mode (no gateway): signed interaction
 * requests to the bot's HTTP server on 127.0.0.1, answers read from the loopback fake Discord's
 * interaction webhooks.
 */
export function discordHttpDriver(): AdapterDriver {
  let running: { fake: FakeDiscord; adapter: DiscordAdapter; server: HttpServer; keys: InteractionKeys; url: string } | undefined;
  const started = () => {
    if (!running) throw new Error("discord http driver not started");
    return running;
  };
  const ask = async (raw: { token: string; payload: unknown }): Promise<string> => {
    const { fake, url, keys } = started();
    return flattenMessage((await interactOverHttp(fake, url, keys, raw).answer()).message);
  };
  return {
    name: "discord (HTTP interactions)",
    async start(dispatcher) {
      const fake = await startFakeDiscord();
      const keys = interactionKeys();
      const adapter = createDiscordAdapter({ token: fake.token, apiUrl: fake.apiUrl, publicKey: keys.publicKeyHex, dispatcher, log: pino({ level: "silent" }) });
      const server = createHttpServer({ port: 0, host: "127.0.0.1", routes: adapter.routes });
      const port = await server.start();
      await adapter.start();
      running = { fake, adapter, server, keys, url: `http://127.0.0.1:${port}${INTERACTIONS_PATH}` };
    },
    command: (text) => ask(slashCommand(slashRequestFromText(text))),
    findSources: (message) => ask(findSourcesCommand(message)),
    async stop() {
      await running?.adapter.stop();
      await running?.server.stop();
      await running?.fake.close();
      running = undefined;
    },
  };
}
