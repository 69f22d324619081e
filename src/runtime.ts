import type { Readable, Writable } from "node:stream";
import type { Logger } from "pino";
import { createDispatcher } from "../commands/dispatch.js";
import { createSharedRateLimiter } from "../commands/rate-limit.js";
import type { SourcesService } from "../commands/types.js";
import { createConsoleAdapter } from "./adapters/console/console-adapter.js";
import { createDiscordAdapter } from "./adapters/discord/discord-adapter.js";
import { createSlackAdapter } from "./adapters/slack/slack-adapter.js";
import type { ChatAdapter } from "./adapters/types.js";
import { chatModes, type Config } from "./config.js";
import { openStore } from "./db/open-store.js";
import { createDigests } from "./digest/digests.js";
import { watchSeeds, type SeedWatcher } from "./digest/seed-watch.js";
import { createHttpServer, healthReport, healthRoutes, type HttpServer, type ReadinessChecks } from "./http/http-server.js";
import { metricsRoute } from "./http/metrics-route.js";
import { createBotMetrics, type BotMetrics } from "./metrics/bot-metrics.js";
import { PRUNE_EVERY_MS } from "./store/prune.js";
import { readStored, type StoredSnapshot } from "./sources/article-store.js";
import { createSourcesService, pollFeeds, type LivingSourcesContext } from "./sources/living.js";
import { createKnowledgeHolder, type KnowledgeHolder } from "./sources/holder.js";
import { createLogger } from "./log.js";

/** The running bot: adapters, knowledge and digests, started and stopped together. */
export interface Runtime {
  readonly log: Logger;
  /** True when no chat platform is configured and the console serves stdin. */
  readonly consoleOnly: boolean;
  /** The bot's metrics, served at `/metrics` on PORT; feedback buttons count votes here. */
  readonly metrics: BotMetrics;
  /** Starts everything; in console mode resolves when input ends. */
  start(): Promise<void>;
  /** Stops taking work, finishes what is in flight, gives up digest claims it holds, closes the database. */
  stop(): Promise<void>;
  /** Re-reads the seeds folder. */
  reload(): void;
  /** Brings the index up to date with the articles stored in the database (what a running bot does every minute). */
  syncSources(): Promise<void>;
}

/** How often a running bot looks for articles added to the database. */
const STORED_CHECK_MS = 60_000;

/** Wires configuration into a runtime. */
export async function createRuntime(config: Config, io: { stdin: Readable; stdout: Writable }): Promise<Runtime> {
  const startedAt = Date.now();
  const modes = chatModes(config);
  const consoleOnly = modes.slack === null && !modes.discord;
  const log = createLogger(config.LOG_LEVEL ?? (consoleOnly ? "warn" : "info"));
  const metrics = createBotMetrics();
  // every piece of shared state: SQLite at DATABASE_PATH, or PostgreSQL at DATABASE_URL shared by every replica
  const store = await openStore(config, { onIdleError: (error) => log.warn({ err: error }, "a database connection was lost; the next statement reconnects") });
  log.info({ engine: store.engine, database: store.location, schemaVersion: store.schemaVersion }, "database open");
  let stored: StoredSnapshot;
  let holder: KnowledgeHolder;
  try {
    stored = await readStored(store.articles);
    holder = createKnowledgeHolder(config.SEEDS_DIR, config.INDEX_CACHE_DIR === "off" ? null : config.INDEX_CACHE_DIR, {
      maxArticleBytes: config.MAX_ARTICLE_BYTES,
      onSkipped: (file, reason) => log.warn({ file, reason }, "article skipped"),
      stored: () => stored,
    });
  } catch (error) {
    await store.close();
    throw error;
  }
  const knowledge = () => holder.current();
  log.info({ passages: knowledge().passageCount, documents: knowledge().corpus.documents.length }, "knowledge loaded");

  const adapters: ChatAdapter[] = [];
  const digests = createDigests({
    store: store.digests,
    knowledge,
    platforms: consoleOnly ? ["console"] : [...(modes.slack ? ["slack"] : []), ...(modes.discord ? ["discord"] : [])],
    deliver: (platform, channel, reply, options) => {
      const adapter = adapters.find((a) => a.platform === platform);
      if (!adapter) return Promise.reject(new Error(`no ${platform} adapter in this process`));
      return adapter.deliver(channel, reply, options);
    },
    log,
    metrics,
  });
  // articles added in chat or from feeds: fetched under the safety rules, stored, and served after a reload
  const living = (): LivingSourcesContext => ({
    store: store.articles,
    documents: () => knowledge().corpus.documents,
    topic: knowledge().corpus.topic,
    allowHosts: config.FETCH_ALLOW_HOSTS,
    metrics,
  });
  const sourcesService: SourcesService = createSourcesService(living, () => syncStored());
  const dispatcher = createDispatcher({
    knowledge,
    digests: digests.service,
    sources: sourcesService,
    adminUserIds: config.ADMIN_USER_IDS,
    feedback: store.conversations,
    rateLimiter: createSharedRateLimiter(store.rateHits, config.RATE_LIMIT_PER_MINUTE),
    log,
    metrics,
  });
  /** Ready when the index has passages and the database answers. */
  const ready: ReadinessChecks = async () => ({
    index: knowledge().passageCount > 0 ? true : "no passages loaded",
    database: await store.check().then(
      () => true as const,
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    ),
  });
  const discord = config.DISCORD_TOKEN
    ? createDiscordAdapter({
        token: config.DISCORD_TOKEN,
        applicationId: config.DISCORD_APPLICATION_ID,
        guildId: config.DISCORD_GUILD_ID,
        apiUrl: config.DISCORD_API_URL,
        registerOnStart: config.DISCORD_REGISTER_ON_START,
        publicKey: config.DISCORD_PUBLIC_KEY,
        gateway: modes.discordGateway,
        dispatcher,
        log,
        state: store,
        conversations: store.conversations,
        onVote: (vote) => metrics.feedback(vote),
      })
    : null;
  /** What the bot serves on PORT besides Slack's own paths: health, readiness and Discord's interactions endpoint. */
  function routes() {
    return [...healthRoutes(() => report(), ready), metricsRoute(metrics), ...(discord?.routes ?? [])];
  }
  if (modes.slack) {
    adapters.push(
      createSlackAdapter({
        botToken: config.SLACK_BOT_TOKEN,
        ...(modes.slackOAuth
          ? {
              oauth: {
                clientId: config.SLACK_CLIENT_ID ?? "",
                clientSecret: config.SLACK_CLIENT_SECRET ?? "",
                stateSecret: config.SLACK_STATE_SECRET ?? "",
                installations: store.slackInstallations,
                ...(config.SLACK_REDIRECT_URL ? { redirectUri: config.SLACK_REDIRECT_URL } : {}),
              },
            }
          : {}),
        signingSecret: config.SLACK_SIGNING_SECRET,
        appToken: config.SLACK_APP_TOKEN,
        apiUrl: config.SLACK_API_URL,
        port: config.PORT,
        host: config.HOST,
        dispatcher,
        log,
        routes: routes(),
        state: store,
        conversations: store.conversations,
        onVote: (vote) => metrics.feedback(vote),
      }),
    );
  }
  if (discord) adapters.push(discord);
  const report = (): unknown =>
    healthReport(
      Object.fromEntries(adapters.map((a) => [a.platform, a.isUp()])),
      { documents: knowledge().corpus.documents.length, passages: knowledge().passageCount },
      startedAt,
    );

  const consoleAdapter = consoleOnly
    ? createConsoleAdapter({ dispatcher, input: io.stdin, output: io.stdout, prompt: Boolean((io.stdin as { isTTY?: boolean }).isTTY) })
    : null;
  if (consoleAdapter) adapters.push(consoleAdapter);
  // the Slack adapter serves these routes on PORT itself (beside /slack/events, or alone in Socket Mode)
  const health: HttpServer | null = consoleOnly || modes.slack ? null : createHttpServer({ port: config.PORT, host: config.HOST, routes: routes() });
  let watcher: SeedWatcher | null = null;
  let storedCheck: NodeJS.Timeout | null = null;
  let feedPoll: NodeJS.Timeout | null = null;
  let prune: NodeJS.Timeout | null = null;
  let servedStored = new Set(stored.seeds.map((seed) => seed.id));
  let syncing: Promise<void> = Promise.resolve();
  /**
   * Brings the index up to date with the stored articles: new ones are added in place (answerable
   * at once, no rebuild); a removal rebuilds the index. One sync runs at a time.
   */
  const syncStored = (): Promise<void> => (syncing = syncing.then(syncNow, syncNow));
  async function syncNow(): Promise<void> {
    stored = await readStored(store.articles);
    const { seeds } = stored;
    const ids = new Set(seeds.map((seed) => seed.id));
    const removed = [...servedStored].some((id) => !ids.has(id));
    servedStored = ids;
    if (removed) {
      reload();
      return;
    }
    const added = holder.extend(seeds);
    if (added.length > 0) log.info({ added, passages: knowledge().passageCount }, "articles added to the index");
  }

  const reload = (): void => {
    const result = holder.reload();
    if (result.ok) log.info({ added: result.added, passages: knowledge().passageCount }, "seeds reloaded");
    else {
      const { file, reason } = result.error as { file?: string; reason?: string };
      log.error({ file: file ?? config.SEEDS_DIR, reason: reason ?? result.error.message, err: result.error }, "seeds reload failed; keeping the previous index");
    }
  };

  return {
    log,
    consoleOnly,
    metrics,
    reload,
    async syncSources() {
      if ((await store.articles.version()) !== stored.version) await syncStored();
    },
    async start() {
      watcher = watchSeeds({ dir: config.SEEDS_DIR, reload, log });
      // articles added by any process sharing the database (CLI, other replicas) are picked up within a minute
      storedCheck = setInterval(() => {
        store.articles.version().then(
          (version) => (version === stored.version ? undefined : syncStored()),
        ).catch((error: unknown) => log.error({ err: error }, "could not check the stored articles"));
      }, STORED_CHECK_MS);
      storedCheck.unref();
      feedPoll = setInterval(() => {
        const poll = async (): Promise<void> => {
          if ((await store.articles.feeds()).length === 0) return;
          const result = await pollFeeds(living());
          for (const s of result.skipped) log.info({ url: s.url, reason: s.reason }, "feed entry skipped");
          if (result.added.length > 0) {
            log.info({ added: result.added.map((a) => a.document) }, "articles added from feeds");
            await syncStored();
          }
        };
        poll().catch((error: unknown) => log.error({ err: error }, "feed poll failed"));
      }, config.FEED_POLL_MINUTES * 60_000);
      feedPoll.unref();
      // expired shares, delivery keys, rate-limit hits and old thread questions go now and then
      prune = setInterval(() => {
        store.prune(new Date()).then(
          (deleted) => log.debug({ deleted }, "expired rows pruned"),
          (error: unknown) => log.error({ err: error }, "could not prune expired rows"),
        );
      }, PRUNE_EVERY_MS);
      prune.unref();
      // adapters first: a digest due at start is posted through a started adapter
      for (const adapter of adapters) await adapter.start();
      digests.start();
      if (health) {
        const port = await health.start();
        log.info({ port, paths: routes().map((r) => r.path) }, "serving HTTP");
      }
      // in console mode the bot serves stdin until it ends
      if (consoleAdapter) await consoleAdapter.run();
    },
    async stop() {
      await Promise.allSettled(adapters.map((a) => a.stop()));
      watcher?.close();
      if (storedCheck) clearInterval(storedCheck);
      if (feedPoll) clearInterval(feedPoll);
      if (prune) clearInterval(prune);
      await digests.stop();
      await syncing.catch(() => undefined);
      await store.close();
      await health?.stop();
    },
  };
}
