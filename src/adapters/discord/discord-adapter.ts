import { once } from "node:events";
import { Client, Events, GatewayIntentBits, Partials, Routes, type APIMessage } from "discord.js";
import type { Logger } from "pino";
import type { Dispatcher } from "../../../commands/dispatch.js";
import type { Reply } from "../../reply/reply.js";
import type { ConversationStore, Vote } from "../../store/conversation.js";
import type { ChatAdapter, Delivery } from "../types.js";
import { registerApplicationCommands } from "./application-commands.js";
import { createInteractionHandler } from "./interaction-handler.js";
import { createMessageHandler } from "./message-handler.js";
import { renderReply } from "./render.js";
import { boundedRateLimits, DEFAULT_REST_OPTIONS, type DiscordRestOptions } from "./rest-limits.js";
import { createInFlight } from "../shared/in-flight.js";
import { safeError } from "../shared/redact.js";
import { createShareCache } from "../shared/share-cache.js";

/** Options of the Discord adapter (from DISCORD_* configuration). */
export interface DiscordAdapterConfig {
  /** Bot token; never logged. */
  readonly token: string;
  /** Needed only to register commands; defaults to the application from the gateway's READY. */
  readonly applicationId?: string;
  /** Register commands in this guild instead of globally. */
  readonly guildId?: string;
  /** REST base URL without the version, e.g. a local fake; the gateway URL then comes from its `GET /gateway/bot`. */
  readonly apiUrl?: string;
  /** Register the application commands when starting. */
  readonly registerOnStart?: boolean;
  readonly dispatcher: Dispatcher;
  readonly log: Logger;
  readonly now?: () => Date;
  /** Time limits and retries of REST calls; the defaults suit Discord. */
  readonly rest?: DiscordRestOptions;
  /**
   * Conversation state shared by every process on the bot's database: reply chains' and threads'
   * last questions (for follow-ups), answers and votes (for the 👍 / 👎 buttons). Without it,
   * every message is read on its own and answers carry no feedback buttons.
   */
  readonly conversations?: ConversationStore;
  /** Told about every feedback vote recorded or changed. */
  readonly onVote?: (vote: Vote) => void;
}

const READY_TIMEOUT_MS = 30_000;
const DRAIN_TIMEOUT_MS = 10_000;

type State = "idle" | "starting" | "up" | "stopping" | "stopped";

/**
 * Creates the Discord adapter: a discord.js client (Guilds, Guild Messages and Direct Messages
 * intents, no privileged ones; mentions off by default) that serves `/dispute`, its autocomplete,
 * the "Find sources" message action, Share and 👍 / 👎 buttons, and messages that mention the bot
 * or are sent to it directly, through the dispatcher; it posts digests with {@link ChatAdapter.deliver}.
 */
export function createDiscordAdapter(config: DiscordAdapterConfig): ChatAdapter {
  const log = config.log.child({ platform: "discord" });
  const secrets = [config.token];
  const rest = { ...DEFAULT_REST_OPTIONS, ...config.rest };
  const client = new Client({
    // Discord sends the content of messages that mention the bot, and of direct messages, without the Message Content intent
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    // direct message channels are not cached before their first message
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    rest: {
      ...(config.apiUrl ? { api: config.apiUrl } : {}),
      timeout: rest.timeoutMs,
      retries: rest.retries,
      rejectOnRateLimit: boundedRateLimits(rest),
      handlerSweepInterval: rest.sweepIntervalMs,
    },
  });
  let state: State = "idle";
  const inFlight = createInFlight();
  const now = config.now ?? (() => new Date());
  const accepting = (): boolean => state === "starting" || state === "up";
  const conversations = config.conversations ?? null;
  // voters are kept as a hash of their id under this deployment's own secret
  const feedback = conversations && { conversations, salt: config.token, now, log, ...(config.onVote ? { onVote: config.onVote } : {}) };
  const handle = createInteractionHandler({ dispatcher: config.dispatcher, log, now, shares: createShareCache(), accepting, secrets, feedback });
  const onMessage = createMessageHandler({ dispatcher: config.dispatcher, log, now, rest: client.rest, botId: () => client.user?.id, conversations, feedback, accepting, secrets });

  client.on(Events.InteractionCreate, (interaction) => {
    inFlight.run(() => handle(interaction)).catch((error: unknown) => log.error({ err: safeError(error, secrets) }, "interaction handler failed"));
  });
  client.on(Events.MessageCreate, (message) => {
    inFlight.run(() => onMessage(message)).catch((error: unknown) => log.error({ err: safeError(error, secrets) }, "message handler failed"));
  });
  client.on(Events.Error, (error) => log.error({ err: safeError(error, secrets) }, "discord client error"));
  client.on(Events.Warn, (message) => log.warn({ detail: message }, "discord client warning"));
  client.on(Events.ShardError, (error, shard) => log.warn({ shard, err: safeError(error, secrets) }, "gateway connection error"));
  client.on(Events.ShardDisconnect, (event, shard) => log.warn({ shard, code: event.code }, "gateway disconnected"));
  client.on(Events.ShardReconnecting, (shard) => log.info({ shard }, "gateway reconnecting"));

  async function register(): Promise<void> {
    const applicationId = config.applicationId ?? client.application?.id;
    if (!applicationId) {
      log.error({}, "cannot register commands: no application id");
      return;
    }
    try {
      const done = await registerApplicationCommands(client.rest, applicationId, config.guildId);
      log.info({ scope: done.scope, commands: done.count }, "application commands registered");
    } catch (error) {
      log.error({ err: safeError(error, secrets) }, "registering application commands failed; existing commands stay");
    }
  }


  return {
    platform: "discord",
    async start() {
      if (state !== "idle") throw new Error(`The Discord adapter cannot start: it is ${state}.`);
      state = "starting";
      const started = performance.now();
      try {
        // READY and every guild must arrive in time, whether login fails, hangs or succeeds
        const ready = once(client, Events.ClientReady, { signal: AbortSignal.timeout(READY_TIMEOUT_MS) });
        await Promise.all([client.login(config.token), ready]);
      } catch (error) {
        state = "stopped";
        await client.destroy();
        log.error({ err: safeError(error, secrets) }, "could not connect to Discord");
        throw error;
      }
      if (config.registerOnStart) await register();
      if (state !== "starting") throw new Error("The Discord adapter was stopped while starting.");
      state = "up";
      log.info({ bot: client.user?.tag, guilds: client.guilds.cache.size, ms: Math.round(performance.now() - started) }, "connected to Discord");
    },
    async stop() {
      if (state === "stopped") return;
      const wasRunning = state !== "idle";
      state = "stopping";
      const pending = await inFlight.drain(DRAIN_TIMEOUT_MS);
      if (pending > 0) log.warn({ pending }, "stopped with interactions still in flight");
      if (wasRunning) await client.destroy();
      state = "stopped";
      log.info({}, "disconnected from Discord");
    },
    async deliver(channel: string, reply: Reply): Promise<Delivery> {
      if (state !== "up" && state !== "stopping") throw new Error("The Discord adapter is not connected.");
      let message: APIMessage;
      try {
        message = (await client.rest.post(Routes.channelMessages(channel), { body: renderReply(reply) })) as APIMessage;
      } catch (error) {
        const safe = safeError(error, secrets);
        log.error({ channel, err: safe }, "could not deliver a reply");
        throw new Error(`Discord did not take the post to ${channel}: ${String(safe.message || safe.type)}`);
      }
      log.info({ channel, messageId: message.id }, "reply delivered");
      return { messageId: message.id };
    },
    isUp() {
      return state === "up" && client.isReady();
    },
  };
}
