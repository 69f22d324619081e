import { watch, type FSWatcher } from "node:fs";
import type { Logger } from "pino";

/** A running seeds watcher. */
export interface SeedWatcher {
  close(): void;
}

/** What the watcher needs. */
export interface SeedWatchDeps {
  /** The seeds folder. */
  readonly dir: string;
  /** Re-reads the seeds (e.g. the runtime's reload); its errors are logged, never thrown. */
  readonly reload: () => unknown;
  readonly log: Logger;
  /** Quiet time after the last change before reloading, so an article's .txt and .meta.json land together (default 500 ms). */
  readonly debounceMs?: number;
}

const RELEVANT = /(\.txt|\.meta\.json|^topic\.json)$/;

/**
 * Watches the seeds folder and calls `reload()` once changes have settled. Dropping an article's
 * `.txt` and `.meta.json` into the folder makes it part of the knowledge, and so "new" in the next digest.
 */
export function watchSeeds(deps: SeedWatchDeps): SeedWatcher {
  const debounceMs = deps.debounceMs ?? 500;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  const fire = (): void => {
    timer = null;
    if (closed) return;
    try {
      deps.reload();
    } catch (error) {
      deps.log.error({ dir: deps.dir, err: error }, "seeds reload failed");
    }
  };
  let watcher: FSWatcher;
  try {
    watcher = watch(deps.dir, { persistent: false }, (_event, filename) => {
      const name = filename?.toString() ?? null;
      if (name !== null && !RELEVANT.test(name)) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(fire, debounceMs);
    });
  } catch (error) {
    deps.log.error({ dir: deps.dir, err: error }, "cannot watch the seeds folder; reload with SIGHUP instead");
    return { close() {} };
  }
  watcher.on("error", (error) => deps.log.error({ dir: deps.dir, err: error }, "seeds watcher failed; reload with SIGHUP instead"));
  deps.log.debug({ dir: deps.dir, debounceMs }, "watching seeds");
  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      watcher.close();
    },
  };
}
