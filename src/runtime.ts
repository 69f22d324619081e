import type { Readable, Writable } from "node:stream";
import type { Logger } from "pino";
import { createDispatcher } from "../commands/dispatch.js";
import { createRateLimiter } from "../commands/rate-limit.js";
import { createConsoleAdapter } from "./adapters/console/console-adapter.js";
import { chatModes, type Config } from "./config.js";
import { createKnowledgeHolder } from "./knowledge/holder.js";
import { createLogger } from "./log.js";

/** The running bot: adapters, knowledge and (later) digests, started and stopped together. */
export interface Runtime {
  readonly log: Logger;
  /** True when no chat platform is configured and the console serves stdin. */
  readonly consoleOnly: boolean;
  /** Starts every adapter; in console mode resolves when input ends. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Re-reads the seeds folder. */
  reload(): void;
}

/** Wires configuration into a runtime. */
export async function createRuntime(config: Config, io: { stdin: Readable; stdout: Writable }): Promise<Runtime> {
  const modes = chatModes(config);
  const consoleOnly = modes.slack === null && !modes.discord;
  const log = createLogger(config.LOG_LEVEL ?? (consoleOnly ? "warn" : "info"));
  const holder = createKnowledgeHolder(config.SEEDS_DIR);
  log.info({ passages: holder.current().passageCount, documents: holder.current().corpus.documents.length }, "knowledge loaded");
  const dispatcher = createDispatcher({
    knowledge: () => holder.current(),
    rateLimiter: createRateLimiter(config.RATE_LIMIT_PER_MINUTE),
    log,
  });
  const consoleAdapter = consoleOnly ? createConsoleAdapter({ dispatcher, input: io.stdin, output: io.stdout, prompt: Boolean((io.stdin as { isTTY?: boolean }).isTTY) }) : null;
  return {
    log,
    consoleOnly,
    async start() {
      if (consoleAdapter) await consoleAdapter.run();
    },
    async stop() {
      consoleAdapter?.stop();
    },
    reload() {
      const result = holder.reload();
      if (result.ok) log.info({ added: result.added, passages: holder.current().passageCount }, "seeds reloaded");
      else log.error({ err: result.error }, "seeds reload failed; keeping the previous index");
    },
  };
}
