import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { Reply } from "../reply/reply.js";
import type { Knowledge } from "../knowledge/knowledge.js";
import { prepareDigest } from "./prepare.js";
import { dueState } from "./schedule.js";
import type { Subscription } from "./service.js";
import type { DigestRun, DigestStore } from "./store.js";

/**
 * Posts a reply to a channel of a platform; resolves with the platform's message id. Every attempt
 * of one run passes the same `idempotencyKey`, so a platform that supports it posts at most once.
 */
export type DeliverFn = (
  platform: string,
  channel: string,
  reply: Reply,
  options?: { readonly idempotencyKey?: string; readonly mayHavePosted?: boolean; readonly workspace?: string },
) => Promise<{ readonly messageId: string }>;

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
  /** Stops claiming runs and waiting between attempts: a tick in progress ends after the delivery under way. */
  stop(): void;
  /** Gives up the claims still held (a run stopped between attempts), so another process takes them at once; returns how many. */
  releaseClaims(at: Date): Promise<number>;
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
  /** Claims this runner holds: run id → token. */
  const held = new Map<number, string>();
  let stopping = false;

  async function runOne(sub: Subscription, at: Date, report: TickReport): Promise<void> {
    const { localDate, due } = dueState(sub, at);
    if (!due) return;
    const started = performance.now();
    // Timestamps follow the tick's instant, advanced by the time spent since (keeps `--at` ticks consistent).
    const stamp = (): Date => new Date(at.getTime() + Math.round(performance.now() - started));
    const context = { subscription: sub.id, platform: sub.platform, channel: sub.channel, localDate, mode: sub.mode };
    if (stopping) return;
    const claim = await store.claimRun(sub.id, localDate, at, leaseMs, `${process.pid}:${randomUUID()}`);
    if (!claim.claimed) return;
    const { run, token } = claim;
    held.set(run.id, token);
    // a run left claimed (stopped between attempts, or a database error) stays held, for releaseClaims
    let stillHeld = true;
    try {
      stillHeld = await deliverClaimed(sub, context, claim, stamp, report);
    } finally {
      if (!stillHeld) held.delete(run.id);
    }
  }

  /** Composes and posts a claimed run; true when the claim is still held afterwards (stopped between attempts). */
  async function deliverClaimed(
    sub: Subscription,
    context: { readonly localDate: string } & Record<string, unknown>,
    { run, token, takenOver }: { run: DigestRun; token: string; takenOver: boolean },
    stamp: () => Date,
    report: TickReport,
  ): Promise<boolean> {
    const { localDate } = context;
    if (takenOver) log.warn({ ...context, run: run.id, attempts: run.attempts, claimedAt: run.claimedAt }, "digest claim expired; taking the run over");

    let composed;
    try {
      composed = await prepareDigest(store, deps.knowledge(), sub, localDate);
    } catch (error) {
      await store.markFailed(run.id, token, stamp(), `compose: ${messageOf(error)}`);
      log.error({ ...context, run: run.id, err: error }, "digest could not be composed; marked failed");
      report.failed.push({ subscription: sub, localDate, attempts: run.attempts, error: messageOf(error) });
      deps.metrics?.digest("failed");
      return false;
    }
    if (!composed) {
      await store.markSkipped(run.id, token, stamp(), "nothing new");
      log.info(context, "digest skipped: nothing new");
      report.skipped.push({ subscription: sub, localDate });
      deps.metrics?.digest("skipped");
      return false;
    }

    let lastError = "";
    let attempts = run.attempts;
    const idempotencyKey = digestIdempotencyKey(run.id, sub.id, localDate);
    for (let i = 0; i <= delays.length; i++) {
      if (i > 0) {
        if (stopping) {
          log.warn({ ...context, run: run.id, attempts }, "stopping between delivery attempts; the claim is given up for another process");
          return true;
        }
        await sleep(delays[i - 1]!);
      }
      const counted = await store.beginAttempt(run.id, token, stamp());
      if (counted === null) {
        log.warn({ ...context, run: run.id }, "digest claim lost to another process; stopping");
        return false;
      }
      attempts = counted;
      try {
        const { messageId } = await deps.deliver(sub.platform, sub.channel, composed.reply, {
          idempotencyKey,
          mayHavePosted: takenOver || i > 0,
          ...(sub.workspace ? { workspace: sub.workspace } : {}),
        });
        if (await store.markSent(run.id, token, stamp(), messageId, composed.told)) {
          log.info({ ...context, run: run.id, attempts, messageId, newDocuments: composed.told.documents }, "digest sent");
          report.sent.push({ subscription: sub, localDate, messageId, reply: composed.reply, attempts });
          deps.metrics?.digest("sent");
        } else {
          log.error({ ...context, run: run.id, messageId }, "digest posted after its claim was taken over; the channel may see it twice");
        }
        return false;
      } catch (error) {
        lastError = messageOf(error);
        log.warn({ ...context, run: run.id, attempt: attempts, err: error }, "digest delivery failed");
      }
    }
    await store.markFailed(run.id, token, stamp(), lastError);
    log.error({ ...context, run: run.id, attempts, error: lastError }, "digest delivery failed for good; marked failed");
    report.failed.push({ subscription: sub, localDate, attempts, error: lastError });
    deps.metrics?.digest("failed");
    return false;
  }

  return {
    async tick(at) {
      const report: TickReport = { sent: [], failed: [], skipped: [] };
      await store.check(); // a deleted or unreachable database is reported every tick, not only when a digest is due
      const subs = (await store.listSubscriptions()).filter((s) => platforms === null || platforms.has(s.platform));
      for (const sub of subs) {
        try {
          await runOne(sub, at, report);
        } catch (error) {
          log.error({ subscription: sub.id, platform: sub.platform, channel: sub.channel, err: error }, "digest run failed");
        }
      }
      return report;
    },
    stop() {
      stopping = true;
    },
    async releaseClaims(at) {
      let released = 0;
      for (const [runId, token] of held) {
        if (await store.releaseClaim(runId, token, at)) released++;
        held.delete(runId);
      }
      if (released > 0) log.info({ released }, "digest claims given up for another process");
      return released;
    },
  };
}
