import type { Reply } from "../reply/reply.js";

/** A posted message, as the platform identifies it. */
export interface Delivery {
  readonly messageId: string;
}

/** How to post a reply. */
export interface DeliverOptions {
  /**
   * The same key for the same logical post (a digest run: run, subscription and date): where the
   * platform supports it (Discord's message nonce), a repeated post with the key within a few
   * minutes returns the first message instead of posting twice.
   */
  readonly idempotencyKey?: string;
  /**
   * A post with `idempotencyKey` may already have been made (by a process whose claim was taken
   * over, or by an attempt that failed after reaching the platform): where the platform keeps no
   * nonce (Slack), the adapter first looks for that post in the channel and returns it if found.
   */
  readonly mayHavePosted?: boolean;
  /**
   * The workspace (Slack team id, Discord server id) the channel belongs to, when known: on Slack
   * with several workspaces installed, whose token posts.
   */
  readonly workspace?: string;
}

/** What every front end (console, CLI, Slack, Discord) offers the process. */
export interface ChatAdapter {
  /** "console", "cli", "slack" or "discord": also the platform name stored with digest subscriptions. */
  readonly platform: "console" | "cli" | "slack" | "discord";
  start(): Promise<void>;
  /** Stops taking work, finishes what is in flight, disconnects. */
  stop(): Promise<void>;
  /** Posts a reply visibly to a channel (used by digests). */
  deliver(channel: string, reply: Reply, options?: DeliverOptions): Promise<Delivery>;
  /** True once connected and serving. */
  isUp(): boolean;
}
