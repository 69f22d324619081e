import { join } from "node:path";
import type { Reply } from "../../src/reply/reply.js";
import { createDigestRunner, type DeliverFn, type DigestRunner } from "../../src/digest/runner.js";
import { createDigestService, type DigestMode, type DigestService } from "../../src/digest/service.js";
import type { DigestStore } from "../../src/digest/store.js";
import type { KnowledgeHolder } from "../../src/sources/holder.js";
import { captureLogger, copySeeds, holderFor, noSleep, openDigestStore, recordingDeliver, tempDir } from "./helpers.js";

/** A store on a temp SQLite file over a temp copy of the seeds, with a service and a runner. */
export interface DigestWorld {
  readonly dir: string;
  readonly dbPath: string;
  readonly seedsDir: string;
  readonly holder: KnowledgeHolder;
  readonly store: DigestStore;
  readonly service: DigestService;
  readonly runner: DigestRunner;
  readonly posts: { platform: string; channel: string; reply: Reply }[];
  readonly logs: () => Record<string, unknown>[];
  readonly sleeps: number[];
  subscribe(channel: string, time: string, zone: string, mode: DigestMode, at: string): Promise<void>;
  runnerWith(deliver: DeliverFn): DigestRunner;
  cleanup(): Promise<void>;
}

/** Builds a fresh world; call `cleanup()` after the test. */
export async function digestWorld(): Promise<DigestWorld> {
  const t = tempDir();
  const seedsDir = copySeeds(t.dir);
  const holder = holderFor(seedsDir);
  const dbPath = join(t.dir, "data", "digest.db");
  const store = await openDigestStore(dbPath);
  const knowledge = () => holder.current();
  const service = createDigestService({ store, knowledge });
  const recorded = recordingDeliver();
  const captured = captureLogger();
  const sleeps: number[] = [];
  const sleep = async (ms: number): Promise<void> => {
    sleeps.push(ms);
    await noSleep();
  };
  const runnerWith = (deliver: DeliverFn): DigestRunner => createDigestRunner({ store, knowledge, deliver, log: captured.log, sleep });
  return {
    dir: t.dir,
    dbPath,
    seedsDir,
    holder,
    store,
    service,
    runner: runnerWith(recorded.deliver),
    posts: recorded.posts,
    logs: captured.lines,
    sleeps,
    async subscribe(channel, time, timeZone, mode, at) {
      await service.subscribe({ platform: "slack", channel, time, timeZone, mode, subscriber: "U1", now: new Date(at) });
    },
    runnerWith,
    async cleanup() {
      await store.close();
      t.cleanup();
    },
  };
}
