import type { Logger } from "pino";
import type { Knowledge } from "../knowledge/knowledge.js";
import { createDigestRunner, type DeliverFn, type DigestMetrics, type DigestRunner } from "./runner.js";
import { startDigestScheduler, type DigestScheduler } from "./scheduler.js";
import { createDigestService, type DigestService } from "./service.js";
import { openDigestStore, type DigestStore } from "./store.js";

/** What the runtime hands to digests. */
export interface DigestsDeps {
  /** SQLite file (config DATABASE_PATH); `:memory:` for a throwaway store. */
  readonly databasePath: string;
  readonly knowledge: () => Knowledge;
  /** Posts to a channel: route by platform to the adapter's `deliver(channel, reply)`. */
  readonly deliver: DeliverFn;
  /** Platforms this process can deliver to; subscriptions of other platforms are left alone. */
  readonly platforms: readonly string[];
  readonly log: Logger;
  readonly clock?: () => Date;
  /** Counts the digests sent, failed and skipped. */
  readonly metrics?: DigestMetrics;
}

/** Digests, wired: the service for the commands, the runner, and the scheduler's lifecycle. */
export interface Digests {
  readonly store: DigestStore;
  readonly service: DigestService;
  readonly runner: DigestRunner;
  /** Starts the every-minute scheduler (ticking once at once, to catch up). */
  start(): DigestScheduler;
  /** Stops the scheduler (waiting for a tick in progress) and closes the database. */
  stop(): Promise<void>;
}

/** Opens the digest database and builds the service, runner and scheduler over it. */
export function createDigests(deps: DigestsDeps): Digests {
  const store = openDigestStore(deps.databasePath);
  const clock = deps.clock ?? (() => new Date());
  const service = createDigestService({ store, knowledge: deps.knowledge, clock });
  const runner = createDigestRunner({ store, knowledge: deps.knowledge, deliver: deps.deliver, platforms: deps.platforms, log: deps.log.child({ part: "digest" }), metrics: deps.metrics });
  let scheduler: DigestScheduler | null = null;
  deps.log.info({ path: deps.databasePath, schemaVersion: store.schemaVersion, platforms: deps.platforms }, "digest store open");
  return {
    store,
    service,
    runner,
    start() {
      scheduler ??= startDigestScheduler({ runner, clock, log: deps.log.child({ part: "digest" }) });
      return scheduler;
    },
    async stop() {
      await scheduler?.stop();
      scheduler = null;
      store.close();
    },
  };
}
