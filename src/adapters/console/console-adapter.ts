import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Dispatcher } from "../../../commands/dispatch.js";
import type { Reply } from "../../reply/reply.js";
import type { Invocation } from "../../../commands/types.js";
import type { ChatAdapter, Delivery } from "../types.js";
import { renderText } from "./render.js";

/** The line printed after every reply. */
export const REPLY_END = "─".repeat(40);

/** Options of the console adapter. */
export interface ConsoleAdapterConfig {
  readonly dispatcher: Dispatcher;
  readonly input: Readable;
  readonly output: Writable;
  /** Show a prompt (for a person at a terminal). */
  readonly prompt?: boolean;
  readonly now?: () => Date;
}

/**
 * The console adapter: one command per line in, readable cited answers out. `start()` begins
 * serving lines; `deliver` prints a reply posted to a channel (digests), headed with the channel.
 */
export interface ConsoleAdapter extends ChatAdapter {
  readonly platform: "console";
  /** Serves lines until end of input (what `start()` begins); resolves once input has ended or `stop()` was called. */
  run(): Promise<void>;
}

/** Creates the console adapter used when no chat token is set. */
export function createConsoleAdapter(config: ConsoleAdapterConfig): ConsoleAdapter {
  const now = config.now ?? (() => new Date());
  let delivered = 0;
  const lines = createInterface({ input: config.input, terminal: false });
  const write = (text: string): void => void config.output.write(`${text}\n`);
  const prompt = (): void => {
    if (config.prompt) config.output.write("dispute> ");
  };
  let serving: Promise<void> | null = null;
  let up = false;
  const serve = async (): Promise<void> => {
    write('dispute-bot console. Type "help", or a command such as: ask Is there a lawsuit yet?');
    prompt();
    for await (const line of lines) {
      const text = line.trim();
      if (text === "") {
        prompt();
        continue;
      }
      if (/^(quit|exit)$/i.test(text)) break;
      const invocation: Invocation = {
        platform: "console",
        user: { id: "console", name: "console" },
        channel: { id: "console" },
        canManageChannel: true,
        now: now(),
      };
      write(renderText(await config.dispatcher.runText(text, invocation)));
      write(REPLY_END);
      prompt();
    }
    lines.close();
    up = false;
  };
  const run = (): Promise<void> => {
    if (serving) return serving;
    up = true;
    return (serving = serve());
  };
  return {
    platform: "console",
    run,
    async start() {
      void run();
    },
    async stop() {
      lines.close();
      up = false;
    },
    isUp: () => up,
    async deliver(channel: string, reply: Reply): Promise<Delivery> {
      delivered++;
      write(`[posted to #${channel}]`);
      write(renderText(reply));
      write(REPLY_END);
      return { messageId: `console-${delivered}` };
    },
  };
}
