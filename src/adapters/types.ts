import type { Reply } from "../reply/reply.js";

/** A posted message, as the platform identifies it. */
export interface Delivery {
  readonly messageId: string;
}

/** What every front end (console, CLI, Slack, Discord) offers the process. */
export interface ChatAdapter {
  /** "console", "cli", "slack" or "discord": also the platform name stored with digest subscriptions. */
  readonly platform: "console" | "cli" | "slack" | "discord";
  start(): Promise<void>;
  /** Stops taking work, finishes what is in flight, disconnects. */
  stop(): Promise<void>;
  /** Posts a reply visibly to a channel (used by digests). */
  deliver(channel: string, reply: Reply): Promise<Delivery>;
  /** True once connected and serving. */
  isUp(): boolean;
}
