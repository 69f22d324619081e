import { once } from "node:events";
import { REST, type RESTOptions } from "@discordjs/rest";
import { Routes, type APIApplication, type APIMessage } from "discord-api-types/v10";
import { Client, Events, GatewayIntentBits, Partials } from "discord.js";
import type { Logger } from "pino";
import type { Dispatcher } from "../../../commands/dispatch.js";
import type { HttpRoute } from "../../http/routes.js";
import type { Reply } from "../../reply/reply.js";
import type { ChatAdapter, DeliverOptions, Delivery } from "../types.js";
import { registerApplicationCommands } from "./application-commands.js";
import { eventOfInteraction, gatewayResponder } from "./gateway-interaction.js";
import { eventOfPayload, webhookResponder } from "./http-interaction.js";
import { createInteractionHandler } from "./interaction-handler.js";
import { interactionsRoute } from "./interactions-route.js";
import { nonceOf } from "./nonce.js";
import { renderReply } from "./render.js";
import { boundedRateLimits, DEFAULT_REST_OPTIONS, type DiscordRestOptions } from "./rest-limits.js";
import { signatureCheck } from "./signature.js";
import { createInFlight } from "../shared/in-flight.js";
import { safeError } from "../shared/redact.js";
import { createShareCache } from "../shared/share-cache.js";
import { openMemoryStore } from "../../db/open-store.js";
import type { ShareStore } from "../../store/shares.js";
import type { ConversationStore, Vote } from "../../store/conversation.js";
import { createMessageHandler } from "./message-handler.js";

/** Options of the Discord adapter (from DISCORD_* configuration). */
export interface DiscordAdapterConfig {
  /** Bot token; never logged. */
  readonly token: string;
  /** Needed only to register commands; defaults to the application of the token. */
  readonly applicationId?: string;
  /** Register commands in this guild instead of globally. */
  readonly guildId?: string;
  /** REST base URL without the version, e.g. a local fake; the gateway URL then comes from its `GET /gateway/bot`. */
  readonly apiUrl?: string;
  /** Register the application commands when starting. */
  readonly registerOnStart?: boolean;
  /**
   * The application's Ed25519 public key (64 hex characters): interactions are then served over
   * HTTP on {@link DiscordAdapter.routes} (Discord's Interactions Endpoint URL).
   */
  readonly publicKey?: string;
  /** Open a gateway connection. Default: only when there is no `publicKey`. */
  readonly gateway?: boolean;
  readonly dispatcher: Dispatcher;
  readonly log: Logger;
  readonly now?: () => Date;
  /** Time limits and retries of REST calls; the defaults suit Discord. */
  readonly rest?: DiscordRestOptions;
  /** Where Share buttons' answers are kept: the bot's shared store, so a click on any replica finds them. Default: a store in this process's memory. */
  readonly state?: { readonly shares: ShareStore };
  /**
   * Conversation state shared by every process on the bot's database: reply chains' and threads'
   * last questions (for follow-ups), answers and votes (for the 👍 / 👎 buttons). Without it,
   * every message is read on its own and answers carry no feedback buttons.
   */
  readonly conversations?: ConversationStore;
  /** Told about every feedback vote recorded or changed. */
  readonly onVote?: (vote: Vote) => void;
}

/** The Discord adapter. */
export interface DiscordAdapter extends ChatAdapter {
  readonly platform: "discord";
  /** "gateway" (interactions from the gateway), "http" (over HTTP only) or "http+gateway". */
  readonly mode: "gateway" | "http" | "http+gateway";
  /** The paths to serve on the bot's HTTP port: the interactions endpoint when there is a public key. */
  readonly routes: readonly HttpRoute[];
}

const READY_TIMEOUT_MS = 30_000;
const DRAIN_TIMEOUT_MS = 10_000;

type State = "idle" | "starting" | "up" | "stopping" | "stopped";

/**
 * Creates the Discord adapter. It serves `/dispute`, its autocomplete, the "Find sources" message
 * action, Share and 👍 / 👎 buttons through the dispatcher, whether interactions come from a
 * gateway connection (a discord.js client with the Guilds, Guild Messages and Direct Messages
 * intents, none privileged, which also answers messages that mention the bot or are sent to it
 * directly) or as signed HTTP requests to
 * {@link DiscordAdapter.routes}; without a gateway any number of replicas can serve behind a load
 * balancer. `deliver` posts digests through the REST API. Nothing the bot posts can ping anyone.
 * @throws Error when neither a gateway nor a public key is configured
 */
export function createDiscordAdapter(config: DiscordAdapterConfig): DiscordAdapter {
  const log = config.log.child({ platform: "discord" });
  const secrets = [config.token];
  const useGateway = config.gateway ?? config.publicKey === undefined;
  if (!useGateway && config.publicKey === undefined) throw new Error("The Discord adapter needs a gateway connection or a public key for HTTP interactions.");
  const limits = { ...DEFAULT_REST_OPTIONS, ...config.rest };
  const restOptions: Partial<RESTOptions> = {
    ...(config.apiUrl ? { api: config.apiUrl } : {}),
    timeout: limits.timeoutMs,
    retries: limits.retries,
    rejectOnRateLimit: boundedRateLimits(limits),
    handlerSweepInterval: limits.sweepIntervalMs,
  };
  const client = useGateway
    ? new Client({
        // Discord sends the content of messages that mention the bot, and of direct messages, without the Message Content intent
        intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
        // direct message channels are not cached before their first message
        partials: [Partials.Channel],
        allowedMentions: { parse: [] },
        rest: restOptions,
      })
    : null;
  const rest: REST = client ? client.rest : new REST(restOptions).setToken(config.token);
  let state: State = "idle";
  let applicationId = config.applicationId;
  const inFlight = createInFlight();
  const now = config.now ?? (() => new Date());
  const accepting = (): boolean => state === "starting" || state === "up";
  const conversations = config.conversations ?? null;
  // voters are kept as a hash of their id under this deployment's own secret
  const feedback = conversations && { conversations, salt: config.token, now, log, ...(config.onVote ? { onVote: config.onVote } : {}) };
  const handle = createInteractionHandler({
    dispatcher: config.dispatcher,
    log,
    now,
    shares: createShareCache((config.state ?? openMemoryStore()).shares, { now: () => now().getTime() }),
    accepting,
    secrets,
    feedback,
  });
  const failed = (error: unknown): void => log.error({ err: safeError(error, secrets) }, "interaction handler failed");

  client?.on(Events.InteractionCreate, (interaction) => {
    inFlight.run(() => handle(eventOfInteraction(interaction), gatewayResponder(interaction))).catch(failed);
  });
  if (client) {
    const onMessage = createMessageHandler({ dispatcher: config.dispatcher, log, now, rest: client.rest, botId: () => client.user?.id, conversations, feedback, accepting, secrets });
    client.on(Events.MessageCreate, (message) => {
      inFlight.run(() => onMessage(message)).catch((error: unknown) => log.error({ err: safeError(error, secrets) }, "message handler failed"));
    });
  }
  client?.on(Events.Error, (error) => log.error({ err: safeError(error, secrets) }, "discord client error"));
  client?.on(Events.Warn, (message) => log.warn({ detail: message }, "discord client warning"));
  client?.on(Events.ShardError, (error, shard) => log.warn({ shard, err: safeError(error, secrets) }, "gateway connection error"));
  client?.on(Events.ShardDisconnect, (event, shard) => log.warn({ shard, code: event.code }, "gateway disconnected"));
  client?.on(Events.ShardReconnecting, (shard) => log.info({ shard }, "gateway reconnecting"));

  const routes: HttpRoute[] =
    config.publicKey === undefined
      ? []
      : [
          interactionsRoute({
            verify: signatureCheck(config.publicKey),
            handle: (payload, respond) =>
              inFlight
                .run(async () => handle(eventOfPayload(payload), webhookResponder(respond, { rest, applicationId: payload.application_id, token: payload.token })))
                .catch(failed),
            onRefused: (refusal) => log.warn({ status: refusal.status, reason: refusal.reason }, "refused an interaction request"),
          }),
        ];

  async function register(): Promise<void> {
    const id = applicationId ?? client?.application?.id;
    if (!id) {
      log.error({}, "cannot register commands: no application id");
      return;
    }
    try {
      const done = await registerApplicationCommands(rest, id, config.guildId);
      log.info({ scope: done.scope, commands: done.count }, "application commands registered");
    } catch (error) {
      log.error({ err: safeError(error, secrets) }, "registering application commands failed; existing commands stay");
    }
  }

  /** Logs in and waits for READY and every guild, whether login fails, hangs or succeeds. */
  async function connectGateway(gateway: Client): Promise<void> {
    const ready = once(gateway, Events.ClientReady, { signal: AbortSignal.timeout(READY_TIMEOUT_MS) });
    await Promise.all([gateway.login(config.token), ready]);
  }

  /** Without a gateway: checks the token (and learns the application) with `GET /applications/@me`. */
  async function checkToken(): Promise<void> {
    const application = (await rest.get(Routes.currentApplication())) as APIApplication;
    applicationId ??= application.id;
  }

  const mode = client ? (routes.length > 0 ? "http+gateway" : "gateway") : "http";
  return {
    platform: "discord",
    mode,
    routes,
    async start() {
      if (state !== "idle") throw new Error(`The Discord adapter cannot start: it is ${state}.`);
      state = "starting";
      const started = performance.now();
      try {
        if (client) await connectGateway(client);
        else await checkToken();
      } catch (error) {
        state = "stopped";
        await client?.destroy();
        log.error({ err: safeError(error, secrets) }, "could not connect to Discord");
        throw error;
      }
      if (config.registerOnStart) await register();
      if (state !== "starting") throw new Error("The Discord adapter was stopped while starting.");
      state = "up";
      log.info({ mode, bot: client?.user?.tag, guilds: client?.guilds.cache.size, ms: Math.round(performance.now() - started) }, "connected to Discord");
    },
    async stop() {
      if (state === "stopped") return;
      const wasRunning = state !== "idle";
      state = "stopping";
      const pending = await inFlight.drain(DRAIN_TIMEOUT_MS);
      if (pending > 0) log.warn({ pending }, "stopped with interactions still in flight");
      if (wasRunning) await client?.destroy();
      state = "stopped";
      log.info({}, "disconnected from Discord");
    },
    async deliver(channel: string, reply: Reply, options: DeliverOptions = {}): Promise<Delivery> {
      if (state !== "up" && state !== "stopping") throw new Error("The Discord adapter is not connected.");
      const nonce = options.idempotencyKey === undefined ? {} : { nonce: nonceOf(options.idempotencyKey), enforce_nonce: true };
      let message: APIMessage;
      try {
        message = (await rest.post(Routes.channelMessages(channel), { body: { ...renderReply(reply), ...nonce } })) as APIMessage;
      } catch (error) {
        const safe = safeError(error, secrets);
        log.error({ channel, err: safe }, "could not deliver a reply");
        throw new Error(`Discord did not take the post to ${channel}: ${String(safe.message || safe.type)}`);
      }
      log.info({ channel, messageId: message.id }, "reply delivered");
      return { messageId: message.id };
    },
    isUp() {
      return state === "up" && (client === null || client.isReady());
    },
  };
}
