import { Cron } from "croner";
import type { Logger } from "pino";
import type { DigestRunner } from "./runner.js";

/** A running digest scheduler. */
export interface DigestScheduler {
  /** Stops scheduling and resolves once a tick in progress has finished. */
  stop(): Promise<void>;
  /** Runs one tick now (skipped, resolving with the running one, when a tick is in progress). */
  tickNow(): Promise<void>;
}

/** What the scheduler needs. */
export interface DigestSchedulerDeps {
  readonly runner: Pick<DigestRunner, "tick">;
  readonly log: Logger;
  /** The time a tick runs as of (default: the system clock). */
  readonly clock?: () => Date;
  /** Cron pattern (default: every minute, at second 0). */
  readonly pattern?: string;
  /** Tick once at start, so a process started after a digest's time sends it at once (default true). */
  readonly tickOnStart?: boolean;
}

/**
 * Starts calling `runner.tick(clock())` every minute. Ticks never overlap: one still running when
 * the next is due makes that one a no-op. The timer does not keep the process alive.
 */
export function startDigestScheduler(deps: DigestSchedulerDeps): DigestScheduler {
  const clock = deps.clock ?? (() => new Date());
  let inFlight: Promise<void> | null = null;
  let stopped = false;

  const tickNow = (): Promise<void> => {
    if (inFlight) return inFlight;
    if (stopped) return Promise.resolve();
    const at = clock();
    inFlight = deps.runner
      .tick(at)
      .then((report) => {
        if (report.sent.length + report.failed.length > 0) {
          deps.log.info({ at: at.toISOString(), sent: report.sent.length, failed: report.failed.length, skipped: report.skipped.length }, "digest tick");
        }
      })
      .catch((error: unknown) => deps.log.error({ at: at.toISOString(), err: error }, "digest tick failed"))
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };

  const job = new Cron(deps.pattern ?? "0 * * * * *", { unref: true, catch: true }, () => {
    void tickNow();
  });
  if (deps.tickOnStart ?? true) void tickNow();

  return {
    tickNow,
    async stop() {
      stopped = true;
      job.stop();
      await inFlight;
    },
  };
}
