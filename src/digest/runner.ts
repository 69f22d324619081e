import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { Reply } from "../reply/reply.js";
import type { Knowledge } from "../knowledge/knowledge.js";
import { prepareDigest } from "./prepare.js";
import { dueState } from "./schedule.js";
import type { Subscription } from "./service.js";
import type { DigestStore } from "./store.js";

/**
 * Posts a reply to a channel of a platform; resolves with the platform's message id. Every attempt
 * of one run passes the same `idempotencyKey`, so a platform that supports it posts at most once.
 */
export type DeliverFn = (platform: string, channel: string, reply: Reply, options?: { readonly idempotencyKey?: string }) => Promise<{ readonly messageId: string }>;

/** The idempotency key of a digest run's post: the run, the subscription and the local date. */
export function digestIdempotencyKey(runId: number, subscriptionId: number, localDate: string): string {
  return `digest:${runId}:${subscriptionId}:${localDate}`;
}

/** A claimed run older than this is presumed abandoned (its process died) and is taken over. */
export const DEFAULT_LEASE_MS = 5 * 60_000;
/** Waits between delivery attempts: four attempts in all, well inside the lease. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [2_000, 10_000, 30_000];

/** How a due digest ended: posted, failed for good, or skipped with nothing to post. */
export type DigestState = "sent" | "failed" | "skipped";

/** Where the runner counts each due digest it ran (the bot's metrics). */
export interface DigestMetrics {
  digest(state: DigestState): void;
}

/** What the runner needs. */
export interface DigestRunnerDeps {
  readonly store: DigestStore;
  readonly knowledge: () => Knowledge;
  readonly deliver: DeliverFn;
  readonly log: Logger;
  /** Only subscriptions of these platforms are run here (default: all). Others are left for the process that serves them. */
  readonly platforms?: readonly string[];
  readonly leaseMs?: number;
  readonly retryDelaysMs?: readonly number[];
  readonly sleep?: (ms: number) => Promise<void>;
  readonly metrics?: DigestMetrics;
}

/** A digest posted by a tick. */
export interface SentDigest {
  readonly subscription: Subscription;
  readonly localDate: string;
  readonly messageId: string;
  readonly reply: Reply;
  readonly attempts: number;
}

/** What one tick did. */
export interface TickReport {
  readonly sent: SentDigest[];
  readonly failed: { readonly subscription: Subscription; readonly localDate: string; readonly attempts: number; readonly error: string }[];
  /** Due, claimed, but nothing to post (mode `changes` with no news). */
  readonly skipped: { readonly subscription: Subscription; readonly localDate: string }[];
}

/** Runs due digests. */
export interface DigestRunner {
  /** Posts every digest due at `at` that no process has claimed yet (also catching up today's missed ones). */
  tick(at: Date): Promise<TickReport>;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split("\n")[0]!.slice(0, 500) || "unknown error";

/** Creates the runner: claim, compose, deliver with retries, record — once per subscription and local date. */
export function createDigestRunner(deps: DigestRunnerDeps): DigestRunner {
  const { store, log } = deps;
  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  const delays = deps.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const sleep = deps.sleep ?? realSleep;
  const platforms = deps.platforms ? new Set(deps.platforms) : null;

  async function runOne(sub: Subscription, at: Date, report: TickReport): Promise<void> {
    const { localDate, due } = dueState(sub, at);
    if (!due) return;
    const started = performance.now();
    // Timestamps follow the tick's instant, advanced by the time spent since (keeps `--at` ticks consistent).
    const stamp = (): Date => new Date(at.getTime() + Math.round(performance.now() - started));
    const context = { subscription: sub.id, platform: sub.platform, channel: sub.channel, localDate, mode: sub.mode };
    const claim = store.claimRun(sub.id, localDate, at, leaseMs, `${process.pid}:${randomUUID()}`);
    if (!claim.claimed) return;
    const { run, token } = claim;
    if (claim.takenOver) log.warn({ ...context, run: run.id, attempts: run.attempts, claimedAt: run.claimedAt }, "digest claim expired; taking the run over");

    let composed;
    try {
      composed = prepareDigest(store, deps.knowledge(), sub, localDate);
    } catch (error) {
      store.markFailed(run.id, token, stamp(), `compose: ${messageOf(error)}`);
      log.error({ ...context, run: run.id, err: error }, "digest could not be composed; marked failed");
      report.failed.push({ subscription: sub, localDate, attempts: run.attempts, error: messageOf(error) });
      deps.metrics?.digest("failed");
      return;
    }
    if (!composed) {
      store.markSkipped(run.id, token, stamp(), "nothing new");
      log.info(context, "digest skipped: nothing new");
      report.skipped.push({ subscription: sub, localDate });
      deps.metrics?.digest("skipped");
      return;
    }

    let lastError = "";
    let attempts = run.attempts;
    const idempotencyKey = digestIdempotencyKey(run.id, sub.id, localDate);
    for (let i = 0; i <= delays.length; i++) {
      if (i > 0) await sleep(delays[i - 1]!);
      const counted = store.beginAttempt(run.id, token, stamp());
      if (counted === null) {
        log.warn({ ...context, run: run.id }, "digest claim lost to another process; stopping");
        return;
      }
      attempts = counted;
      try {
        const { messageId } = await deps.deliver(sub.platform, sub.channel, composed.reply, { idempotencyKey });
        if (store.markSent(run.id, token, stamp(), messageId, composed.told)) {
          log.info({ ...context, run: run.id, attempts, messageId, newDocuments: composed.told.documents }, "digest sent");
          report.sent.push({ subscription: sub, localDate, messageId, reply: composed.reply, attempts });
          deps.metrics?.digest("sent");
        } else {
          log.error({ ...context, run: run.id, messageId }, "digest posted after its claim was taken over; the channel may see it twice");
        }
        return;
      } catch (error) {
        lastError = messageOf(error);
        log.warn({ ...context, run: run.id, attempt: attempts, err: error }, "digest delivery failed");
      }
    }
    store.markFailed(run.id, token, stamp(), lastError);
    log.error({ ...context, run: run.id, attempts, error: lastError }, "digest delivery failed for good; marked failed");
    report.failed.push({ subscription: sub, localDate, attempts, error: lastError });
    deps.metrics?.digest("failed");
  }

  return {
    async tick(at) {
      const report: TickReport = { sent: [], failed: [], skipped: [] };
      store.checkFile(); // a deleted database is reported every tick, not only when a digest is due
      const subs = store.listSubscriptions().filter((s) => platforms === null || platforms.has(s.platform));
      for (const sub of subs) {
        try {
          await runOne(sub, at, report);
        } catch (error) {
          log.error({ subscription: sub.id, platform: sub.platform, channel: sub.channel, err: error }, "digest run failed");
        }
      }
      return report;
    },
  };
}
