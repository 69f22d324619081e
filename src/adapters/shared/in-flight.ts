/** Tracks answers being worked on, so stopping can refuse new work and wait for the rest. */
export interface InFlight {
  /** False once {@link InFlight.drain} has been called. */
  readonly accepting: boolean;
  /** Runs `task`, counting it as in flight until it settles. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /**
   * Stops accepting work and resolves once everything in flight has settled, or after
   * `graceMs`; resolves with how many tasks were still running then.
   */
  drain(graceMs?: number): Promise<number>;
}

/** Creates an {@link InFlight} tracker. */
export function createInFlight(): InFlight {
  const running = new Set<Promise<unknown>>();
  let accepting = true;
  return {
    get accepting() {
      return accepting;
    },
    run(task) {
      const promise = task();
      running.add(promise);
      const forget = (): void => void running.delete(promise);
      promise.then(forget, forget);
      return promise;
    },
    async drain(graceMs = Number.POSITIVE_INFINITY) {
      accepting = false;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => {
        if (Number.isFinite(graceMs)) timer = setTimeout(resolve, graceMs);
      });
      const settled = (async () => {
        while (running.size > 0) await Promise.allSettled([...running]);
      })();
      await Promise.race([settled, late]);
      clearTimeout(timer);
      return running.size;
    },
  };
}
