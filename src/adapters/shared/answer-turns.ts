/**
 * Keeps answer work off the acknowledgement path. Working out and sending an answer is about a
 * millisecond of synchronous work; Slack and Discord wait only 3 s for the acknowledgement, but
 * minutes for the answer. So acknowledgements go first: while requests keep arriving (a burst),
 * answers wait until none has arrived for `quietMs`, or until the oldest has waited `maxWaitMs`.
 * Then they start one per turn of the event loop, so a request arriving meanwhile waits for one
 * answer at most, never for a batch of them.
 */
export interface AnswerTurns {
  /** Notes that a request arrived (call it before acknowledging). */
  arrived(): void;
  /** Resolves when it is this caller's turn to work out its answer, in order of calls. */
  next(): Promise<void>;
  /** Callers waiting for their turn. */
  readonly waiting: number;
}

/** Options of {@link createAnswerTurns}. */
export interface AnswerTurnsOptions {
  /** How long no request may have arrived before answers start, ms (default 10). */
  readonly quietMs?: number;
  /** Longest an answer waits for a quiet moment, ms (default 1 s). */
  readonly maxWaitMs?: number;
  readonly now?: () => number;
}

/** Creates an {@link AnswerTurns} queue. */
export function createAnswerTurns(options: AnswerTurnsOptions = {}): AnswerTurns {
  const quietMs = options.quietMs ?? 10;
  const maxWaitMs = options.maxWaitMs ?? 1000;
  const now = options.now ?? (() => performance.now());
  const queue: { readonly start: () => void; readonly since: number }[] = [];
  let lastArrival = Number.NEGATIVE_INFINITY;
  let scheduled = false;

  const tick = (): void => {
    scheduled = false;
    const head = queue[0];
    if (!head) return;
    const at = now();
    const quietFor = at - lastArrival;
    if (quietFor < quietMs && at - head.since < maxWaitMs) {
      // a burst: look again once it may have ended (a timer lets the loop wait for I/O meanwhile)
      scheduled = true;
      setTimeout(tick, Math.max(1, Math.ceil(quietMs - quietFor)));
      return;
    }
    queue.shift();
    head.start();
    // setImmediate from a check-phase callback runs in the next turn, after that turn's I/O
    if (queue.length > 0) schedule();
  };
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(tick);
  };

  return {
    arrived() {
      lastArrival = now();
    },
    next() {
      return new Promise<void>((resolve) => {
        queue.push({ start: resolve, since: now() });
        schedule();
      });
    },
    get waiting() {
      return queue.length;
    },
  };
}
