import type { Dispatcher } from "../../commands/dispatch.js";

/**
 * Drives one chat adapter the way a user would, for the adapter contract suite
 * (tests/adapters/contract.test.ts). Every adapter (console, Slack, Discord) has one.
 */
export interface AdapterDriver {
  readonly name: string;
  /** Starts the real adapter (and any loopback fakes) serving `dispatcher`. */
  start(dispatcher: Dispatcher): Promise<void>;
  /**
   * Sends `/dispute <text>` (e.g. "ask Is there a lawsuit yet?", "positions openai") as a user
   * would and resolves with everything the user sees in the reply, flattened to plain text
   * (titles, quotes, citation labels, notes), with the platform's escaping undone.
   */
  command(text: string): Promise<string>;
  /** Runs the "Find sources" message action on a message with this text. */
  findSources(message: string): Promise<string>;
  /**
   * Mentions the bot in a channel with this text after the mention (`@bot status`, `@bot is
   * there a lawsuit?`) and resolves with the bot's visible answer as plain text; absent where the
   * platform has no mentions (the console).
   */
  readonly mention?: (text: string) => Promise<string>;
  stop(): Promise<void>;
}
