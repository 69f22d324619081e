import type { Logger } from "pino";
import type { Knowledge } from "../knowledge/knowledge.js";
import { createDigestRunner, type DeliverFn, type DigestMetrics, type DigestRunner } from "./runner.js";
import { startDigestScheduler, type DigestScheduler } from "./scheduler.js";
import { createDigestService, type DigestService } from "./service.js";
import type { DigestStore } from "./store.js";

/** What the runtime hands to digests. */
export interface DigestsDeps {
  /** The digest store on the bot's database (opened and closed by the caller). */
  readonly store: DigestStore;
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
  /**
   * Stops the scheduler: no new claims, no more waits between attempts; waits for a tick in
   * progress, then gives up the claims still held so another process takes them at once.
   */
  stop(): Promise<void>;
}

/** Builds the digest service, runner and scheduler over the digest store. */
export function createDigests(deps: DigestsDeps): Digests {
  const { store } = deps;
  const clock = deps.clock ?? (() => new Date());
  const service = createDigestService({ store, knowledge: deps.knowledge, clock });
  const runner = createDigestRunner({ store, knowledge: deps.knowledge, deliver: deps.deliver, platforms: deps.platforms, log: deps.log.child({ part: "digest" }), metrics: deps.metrics });
  let scheduler: DigestScheduler | null = null;
  return {
    store,
    service,
    runner,
    start() {
      scheduler ??= startDigestScheduler({ runner, clock, log: deps.log.child({ part: "digest" }) });
      return scheduler;
    },
    async stop() {
      runner.stop();
      await scheduler?.stop();
      scheduler = null;
      await runner.releaseClaims(clock());
    },
  };
}
