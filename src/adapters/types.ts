import type { Reply } from "../reply/reply.js";

/** A posted message, as the platform identifies it. */
export interface Delivery {
  readonly messageId: string;
}

/** What every chat adapter (console, Slack, Discord) offers the process. */
export interface ChatAdapter {
  /** "console", "slack" or "discord": also the platform name stored with digest subscriptions. */
  readonly platform: "console" | "slack" | "discord";
  start(): Promise<void>;
  /** Stops taking work, finishes what is in flight, disconnects. */
  stop(): Promise<void>;
  /** Posts a reply visibly to a channel (used by digests). */
  deliver(channel: string, reply: Reply): Promise<Delivery>;
  /** True once connected and serving. */
  isUp(): boolean;
}
