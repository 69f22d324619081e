import { App, HTTPReceiver, SocketModeReceiver } from "@slack/bolt";
import type { Logger } from "pino";
import type { Dispatcher } from "../../../commands/dispatch.js";
import type { Reply } from "../../reply/reply.js";
import type { ConversationStore, Vote } from "../../store/conversation.js";
import type { ChatAdapter, DeliverOptions, Delivery } from "../types.js";
import { boltLogger } from "./bolt-logger.js";
import type { AddressInfo } from "node:net";
import { createHttpServer, healthRoutes, type HttpServer } from "../../http/http-server.js";
import type { HttpRoute } from "../../http/routes.js";
import { createInFlight } from "../shared/in-flight.js";
import { safeError } from "../shared/redact.js";
import { createShareCache } from "../shared/share-cache.js";
import { openMemoryStore } from "../../db/open-store.js";
import type { DeliveryLog } from "../../store/deliveries.js";
import type { ShareStore } from "../../store/shares.js";
import { registerListeners } from "./listeners.js";
import { renderReply } from "./render.js";
import { guardSlackRequests } from "./request-guard.js";
import { createResponsePoster, DEFAULT_RESPONSE_POLICY, type ResponsePolicy } from "./response-url.js";
import { createSlackWorkspaces, type SlackOAuthOptions } from "./workspaces.js";

/** Where Slack sends slash commands, shortcuts and button clicks in HTTP mode. */
export const EVENTS_PATH = "/slack/events";

/** Options of {@link createSlackAdapter}. */
export interface SlackAdapterConfig {
  /**
   * Bot token (`xoxb-…`) of the one workspace the app serves; with `oauth`, of a workspace where
   * the app was installed by hand (used when that workspace has no stored installation).
   */
  readonly botToken?: string;
  /** Installs in many workspaces (HTTP mode only): `/slack/install`, `/slack/oauth_redirect`, tokens from the installation store. */
  readonly oauth?: SlackOAuthOptions;
  /** Signing secret: required in HTTP mode (no `appToken`). */
  readonly signingSecret?: string;
  /** App-level token (`xapp-…`): turns on Socket Mode. */
  readonly appToken?: string;
  /** Base URL of the Slack Web API (default `https://slack.com/api/`). */
  readonly apiUrl?: string;
  /** HTTP port: Slack requests and `routes` in HTTP mode, only `routes` in Socket Mode. 0 picks a free port. */
  readonly port: number;
  /** Address to listen on (default 0.0.0.0). */
  readonly host?: string;
  readonly dispatcher: Dispatcher;
  readonly log: Logger;
  /** The bot's own paths served on the same port (health, readiness, …); default: `/healthz` and `/readyz` about this adapter. */
  readonly routes?: readonly HttpRoute[];
  readonly now?: () => Date;
  /** Time limits and retries of calls to Slack; the defaults suit Slack. */
  readonly outgoing?: SlackOutgoingOptions;
  /**
   * Where Share buttons' answers and deliveries already taken are kept: the bot's shared store, so
   * replicas behave as one. Default: a store in this process's memory.
   */
  readonly state?: { readonly shares: ShareStore; readonly deliveries: DeliveryLog };
  /**
   * Conversation state shared by every process on the bot's database: threads' last questions (for
   * follow-ups), answers and votes (for the 👍 / 👎 buttons). Without it, every message is read on
   * its own and answers carry no feedback buttons.
   */
  readonly conversations?: ConversationStore;
  /** Told about every feedback vote recorded or changed. */
  readonly onVote?: (vote: Vote) => void;
}

/** Time limits and retries of the calls the adapter makes to Slack. */
export interface SlackOutgoingOptions {
  /**
   * The Web API client (`chat.postMessage` for digests, `auth.test`): each call may take
   * `timeoutMs` (default 15 s) and is retried up to `retries` times (default 3) after a timeout, a
   * network error or an HTTP error, with a backoff starting at `minDelayMs` (default 1 s) and
   * doubling up to `maxDelayMs` (default 30 s); a 429 waits for its `Retry-After` first (pausing the
   * client's other calls meanwhile) and counts as a retry. Then the call fails.
   */
  readonly webApi?: { readonly timeoutMs?: number; readonly retries?: number; readonly minDelayMs?: number; readonly maxDelayMs?: number };
  /** Answers posted to response URLs; see {@link ResponsePolicy}. */
  readonly responseUrl?: Partial<ResponsePolicy>;
}

/** The Slack adapter. */
export interface SlackAdapter extends ChatAdapter {
  readonly platform: "slack";
  /** "http" (Events API requests to {@link EVENTS_PATH}) or "socket" (Socket Mode). */
  readonly mode: "http" | "socket";
  /** The port the HTTP server is bound to, once started. */
  port(): number | null;
}

/** The metadata event type of posts made with an idempotency key (digests). */
export const POST_EVENT_TYPE = "dispute_bot_post";
/** How many recent messages are searched for an earlier post of the same key. */
const HISTORY_LOOKBACK = 100;
const SHARE_TTL_MS = 2 * 60 * 60 * 1000;
/** How long `stop()` waits for answers in flight. */
const STOP_GRACE_MS = 10_000;

function slackApiUrl(apiUrl: string | undefined): string | undefined {
  if (apiUrl === undefined) return undefined;
  return apiUrl.endsWith("/") ? apiUrl : `${apiUrl}/`;
}

/**
 * Creates the Slack adapter on Bolt: `/dispute …` slash commands, the "Find sources" message
 * shortcut, the "Share in channel" and 👍 / 👎 buttons, mentions of the bot (answered in their
 * thread) and direct messages to it, answered through the dispatcher; `deliver` posts digests
 * with `chat.postMessage`. Nothing connects until `start()`, which checks the bot token
 * (`auth.test`) and then listens on `port` (HTTP mode) or opens a Socket Mode connection.
 * @throws Error when neither a signing secret nor an app token is given
 */
export function createSlackAdapter(config: SlackAdapterConfig): SlackAdapter {
  if (!config.appToken && !config.signingSecret) throw new Error("The Slack adapter needs a signing secret (HTTP mode) or an app token (Socket Mode).");
  if (!config.botToken && !config.oauth) throw new Error("The Slack adapter needs a bot token, or OAuth settings to install it in workspaces.");
  if (config.oauth && config.appToken) throw new Error("Installing the Slack app in many workspaces (OAuth) needs HTTP mode, not Socket Mode.");
  const mode = config.appToken ? "socket" : "http";
  const log = config.log.child({ platform: "slack" });
  const logger = boltLogger(config.log);
  const host = config.host ?? "0.0.0.0";
  const routes = config.routes ?? healthRoutes(() => ({ ok: true, platform: "slack", up: up && connected }));
  const apiUrl = slackApiUrl(config.apiUrl);
  const webApi = config.outgoing?.webApi ?? {};
  const clientOptions = {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    timeout: webApi.timeoutMs ?? 15_000,
    retryConfig: { retries: webApi.retries ?? 3, factor: 2, minTimeout: webApi.minDelayMs ?? 1_000, maxTimeout: webApi.maxDelayMs ?? 30_000, randomize: true },
  };

  const workspaces = createSlackWorkspaces(config.oauth, { log, logger, clientOptions });
  if (!config.oauth && config.botToken) workspaces.useSingle({ botToken: config.botToken });

  const httpReceiver =
    mode === "http"
      ? new HTTPReceiver({
          signingSecret: config.signingSecret ?? "",
          endpoints: EVENTS_PATH,
          customRoutes: [...routes, ...workspaces.routes].map((r) => ({ path: r.path, method: [...r.method], handler: r.handler })),
          logger,
        })
      : null;
  if (httpReceiver) {
    httpReceiver.requestListener = guardSlackRequests(httpReceiver.requestListener, {
      signingSecret: config.signingSecret ?? "",
      path: EVENTS_PATH,
      onRefused: (refusal, req) => log.warn({ status: refusal.status, reason: refusal.reason, contentLength: req.headers["content-length"] ?? null }, "refused a malformed or unsigned request"),
    });
  }
  const socketReceiver = config.appToken ? new SocketModeReceiver({ appToken: config.appToken, logger, installerOptions: { clientOptions } }) : null;
  const app = new App({
    // with OAuth each request gets its workspace's token; otherwise the one bot token serves all
    ...(config.oauth ? { authorize: workspaces.authorize } : { token: config.botToken }),
    receiver: (httpReceiver ?? socketReceiver) as HTTPReceiver,
    logger,
    clientOptions,
    deferInitialization: true,
    // no conversation state is kept; Bolt's default store costs every request a thrown Error
    convoStore: false,
  });
  app.error(async (error) => {
    log.error({ err: safeError(error) }, "Slack request failed");
  });

  const inFlight = createInFlight();
  const now = config.now ?? (() => new Date());
  const state = config.state ?? openMemoryStore();
  const conversations = config.conversations ?? null;
  registerListeners(app, {
    dispatcher: config.dispatcher,
    log: config.log,
    now,
    conversations,
    // voters are kept as a hash of their id under this deployment's own secret
    feedback: conversations && {
      conversations,
      salt: config.signingSecret ?? config.appToken ?? config.botToken ?? "",
      now,
      log,
      ...(config.onVote ? { onVote: config.onVote } : {}),
    },
    shareable: createShareCache(state.shares, { ttlMs: SHARE_TTL_MS, now: () => now().getTime() }),
    seen: state.deliveries,
    inFlight,
    respond: createResponsePoster(log, { ...DEFAULT_RESPONSE_POLICY, ...config.outgoing?.responseUrl }),
  });

  if (config.oauth) {
    // an uninstall, or a revoked bot token, ends what the bot may do in that workspace
    const forget = (context: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean }): Promise<void> =>
      workspaces.forget({ teamId: context.teamId, enterpriseId: context.enterpriseId, isEnterpriseInstall: context.isEnterpriseInstall ?? false });
    app.event("app_uninstalled", ({ context }) => forget(context));
    app.event("tokens_revoked", async ({ event, context }) => {
      if ((event.tokens.bot ?? []).length > 0) await forget(context);
    });
  }

  let up = false;
  /** The bound port: Slack's HTTP receiver, or the health server in Socket Mode. */
  let boundPort: number | null = null;
  let healthServer: HttpServer | null = null;
  /** In Socket Mode: whether the WebSocket is connected (it reconnects by itself when dropped). */
  let connected = mode === "http";
  socketReceiver?.client.on("connected", () => {
    connected = true;
  });
  socketReceiver?.client.on("reconnecting", () => {
    connected = false;
    log.warn({ mode }, "Socket Mode connection lost; reconnecting");
  });
  socketReceiver?.client.on("disconnected", () => {
    connected = false;
  });

  /**
   * The ts of a recent message in `channel` that the bot posted with idempotency key `key` (kept in
   * the message's metadata), or null; null too when the history cannot be read (the post goes ahead).
   */
  async function findPosted(token: string, channel: string, key: string): Promise<string | null> {
    try {
      const history = await app.client.conversations.history({ token, channel, limit: HISTORY_LOOKBACK, include_all_metadata: true });
      const found = history.messages?.find((m) => m.metadata?.event_type === POST_EVENT_TYPE && (m.metadata.event_payload as { key?: unknown } | undefined)?.key === key);
      return found?.ts ?? null;
    } catch (error) {
      log.warn({ channel, err: safeError(error) }, "could not read the channel to look for an earlier post; posting");
      return null;
    }
  }

  return {
    platform: "slack",
    mode,
    port: () => boundPort,
    isUp: () => up && connected,
    async start() {
      if (up) return;
      try {
        await app.init();
        // with OAuth, Bolt checks no token itself: check the hand-installed one and learn its workspace
        if (config.oauth && config.botToken) {
          const who = await app.client.auth.test({ token: config.botToken });
          workspaces.useSingle({
            botToken: config.botToken,
            ...(who.team_id ? { teamId: who.team_id } : {}),
            ...(who.bot_id ? { botId: who.bot_id } : {}),
            ...(who.user_id ? { botUserId: who.user_id } : {}),
          });
        }
      } catch (error) {
        const safe = safeError(error);
        if (safe.code === "slack_webapi_request_error" || safe.code === "slack_webapi_http_error") {
          const url = apiUrl ?? "https://slack.com/api/";
          const reason = safe.message.replace(/^An? (?:request|HTTP protocol) error occurred: /, "");
          log.error({ url, err: safe }, "could not reach Slack (auth.test failed)");
          throw new Error(`could not reach Slack at ${url}: ${reason}`);
        }
        log.error({ err: safe }, "Slack did not accept the bot token (auth.test failed)");
        throw new Error(`Slack did not accept the bot token: ${safe.message}`);
      }
      if (httpReceiver) {
        const server = await httpReceiver.start({ port: config.port, host });
        boundPort = (server.address() as AddressInfo).port;
      } else if (socketReceiver) {
        // bind the port first: a port in use fails before anything connects
        const healthOnly = createHttpServer({ port: config.port, host, routes });
        const port = await healthOnly.start();
        try {
          await socketReceiver.start();
        } catch (error) {
          await healthOnly.stop();
          log.error({ err: safeError(error) }, "could not open the Socket Mode connection");
          throw new Error(`Could not open the Slack Socket Mode connection: ${safeError(error).message}`);
        }
        healthServer = healthOnly;
        boundPort = port;
      }
      up = true;
      log.info({ mode, port: boundPort }, "Slack adapter started");
    },
    async stop() {
      if (!up) return;
      up = false;
      const unfinished = await inFlight.drain(STOP_GRACE_MS);
      if (unfinished > 0) log.warn({ unfinished }, "stopped before every answer was delivered");
      if (httpReceiver) {
        await httpReceiver.stop();
      } else {
        await socketReceiver?.stop();
        await healthServer?.stop();
        healthServer = null;
      }
      boundPort = null;
      log.info({ mode }, "Slack adapter stopped");
    },
    async deliver(channel: string, reply: Reply, options: DeliverOptions = {}): Promise<Delivery> {
      const key = options.idempotencyKey;
      let token: string;
      try {
        token = await workspaces.botTokenFor(options.workspace);
      } catch (error) {
        log.error({ channel, workspace: options.workspace ?? null, err: safeError(error) }, "no token to post with");
        throw new Error(`cannot post to ${channel}: ${safeError(error).message}`);
      }
      if (key !== undefined && options.mayHavePosted) {
        const posted = await findPosted(token, channel, key);
        if (posted !== null) {
          log.info({ channel, messageId: posted }, "reply already posted; not posting it again");
          return { messageId: posted };
        }
      }
      const message = renderReply({ ...reply, actions: [] });
      const metadata = key === undefined ? {} : { metadata: { event_type: POST_EVENT_TYPE, event_payload: { key } } };
      let result: { ts?: string };
      try {
        result = await app.client.chat.postMessage({ token, channel, ...message, ...metadata, unfurl_links: false, unfurl_media: false });
      } catch (error) {
        const safe = safeError(error);
        log.error({ channel, err: safe }, "could not deliver a reply");
        throw new Error(`Slack did not take the post to ${channel}: ${safe.slackError ?? safe.message}`);
      }
      if (!result.ts) throw new Error(`Slack did not return a message id for the post to ${channel}`);
      log.info({ channel }, "reply delivered");
      return { messageId: result.ts };
    },
  };
}
