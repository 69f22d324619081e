import type { Reply } from "../../commands/reply.js";

/** How often a subscription posts: only when there is news, or every day. */
export type DigestMode = "changes" | "daily";

/** A channel's daily digest subscription. */
export interface Subscription {
  readonly id: number;
  readonly platform: string;
  readonly channel: string;
  /** Local time of day, HH:MM. */
  readonly time: string;
  /** IANA time zone. */
  readonly timeZone: string;
  readonly mode: DigestMode;
  readonly subscriber: string | null;
  readonly createdAt: string;
}

/** A subscription with its next run as an instant and as local time. */
export interface ScheduledSubscription extends Subscription {
  readonly nextRun: string;
  readonly nextRunLocal: string;
}

/** What the digest commands need; implemented over SQLite in `src/digest/`. */
export interface DigestService {
  subscribe(input: {
    platform: string;
    channel: string;
    time: string;
    timeZone: string;
    mode: DigestMode;
    subscriber: string | null;
  }): ScheduledSubscription;
  /** Removes the channel's subscription(s); returns how many were removed. */
  unsubscribe(platform: string, channel: string): number;
  list(platform: string, channel: string, now: Date): ScheduledSubscription[];
  /** Exactly what would be posted to the channel now. */
  preview(platform: string, channel: string, now: Date): Reply | null;
}
