import type { Reply } from "../reply/reply.js";
import type { Knowledge } from "../knowledge/knowledge.js";
import { prepareDigest } from "./prepare.js";
import { dueState, formatLocal, formatRelative, nextRunAfter } from "./schedule.js";
import type { DigestStore } from "./store.js";
import { parseSubscription, type SubscriptionError, type SubscriptionErrorCode } from "./subscription-input.js";

/** How often a subscription posts: only when there is news, or every day. */
export type DigestMode = "changes" | "daily";

/** What a subscription says: where, when and how often. */
export interface SubscriptionFields {
  readonly platform: string;
  readonly channel: string;
  /** Local time of day, HH:MM. */
  readonly time: string;
  /** IANA time zone. */
  readonly timeZone: string;
  readonly mode: DigestMode;
  readonly subscriber: string | null;
  /** The workspace (Slack team, Discord server) the channel belongs to: whose installation posts there. */
  readonly workspace?: string | null;
}

/** A channel's daily digest subscription. */
export interface Subscription extends SubscriptionFields {
  readonly id: number;
  readonly workspace: string | null;
  readonly createdAt: string;
}

/** A subscription with its next run as an instant and as local time. */
export interface ScheduledSubscription extends Subscription {
  /** ISO-8601 instant of the next run. */
  readonly nextRun: string;
  /** "2026-03-09 08:00 America/New_York (in 5 h)" */
  readonly nextRunLocal: string;
}

/** What `subscribe` takes: the fields (time as HH:MM or H:MM, zone in any capitalisation) and when. */
export interface SubscribeInput extends SubscriptionFields {
  /** When the subscription is made (default: the service clock). */
  readonly now?: Date;
}

/** What the digest commands need; implemented over the digest store by `createDigestService`. */
export interface DigestService {
  /** Creates or updates the channel's subscription; throws DigestInputError for a bad time, zone or mode. */
  subscribe(input: SubscribeInput): Promise<ScheduledSubscription>;
  /** Removes the channel's subscription(s); returns how many were removed. */
  unsubscribe(platform: string, channel: string): Promise<number>;
  list(platform: string, channel: string, now: Date): Promise<ScheduledSubscription[]>;
  /** Every subscription, for operators. */
  listAll(now: Date): Promise<ScheduledSubscription[]>;
  /** Exactly what would be posted to the channel now, recording nothing; null when nothing would be. */
  preview(platform: string, channel: string, now: Date): Promise<Reply | null>;
}

/** A subscription request with a bad time, zone or mode; `code` says which (front ends word it). */
export class DigestInputError extends Error {
  override name = "DigestInputError";
  readonly code: SubscriptionErrorCode;
  readonly input: string;
  constructor(error: SubscriptionError) {
    super(`${error.code}: ${error.input.slice(0, 64)}`);
    this.code = error.code;
    this.input = error.input;
  }
}

/** What the service needs. */
export interface DigestServiceDeps {
  readonly store: DigestStore;
  /** The current knowledge (it changes when the seeds are reloaded). */
  readonly knowledge: () => Knowledge;
  readonly clock?: () => Date;
}

/** Creates the digest service the `digest` commands and the CLI use. */
export function createDigestService(deps: DigestServiceDeps): DigestService {
  const { store } = deps;
  const clock = deps.clock ?? (() => new Date());

  const schedule = async (sub: Subscription, now: Date): Promise<ScheduledSubscription> => {
    const today = dueState(sub, now);
    // Today's time has passed but its digest has not run yet: the next tick sends it.
    const pending = today.due && (await store.findRun(sub.id, today.localDate)) === null;
    const next = pending ? today.runAt : nextRunAfter(sub, now);
    const when = pending ? "due now" : formatRelative(now, next);
    return { ...sub, nextRun: next.toISOString(), nextRunLocal: `${formatLocal(next, sub.timeZone)} ${sub.timeZone} (${when})` };
  };

  return {
    async subscribe(input) {
      const parsed = parseSubscription(input);
      if (!parsed.ok) throw new DigestInputError(parsed.error);
      const { time, timeZone, mode } = parsed.value;
      const now = input.now ?? clock();
      const baseline = deps.knowledge().corpus.documents.map((d) => d.id);
      const { subscription } = await store.upsertSubscription(
        { platform: input.platform, channel: input.channel, time, timeZone, mode, subscriber: input.subscriber, workspace: input.workspace ?? null },
        baseline,
        now,
      );
      // Subscribed after today's time: the first digest is the next scheduled one, not an immediate catch-up.
      const today = dueState(subscription, now);
      if (today.due) await store.skipDay(subscription.id, today.localDate, now, "subscribed after this day's time");
      return schedule(subscription, now);
    },
    unsubscribe: (platform, channel) => store.removeSubscription(platform, channel),
    list: async (platform, channel, now) => Promise.all((await store.listSubscriptions({ platform, channel })).map((s) => schedule(s, now))),
    listAll: async (now) => Promise.all((await store.listSubscriptions()).map((s) => schedule(s, now))),
    async preview(platform, channel, now) {
      const sub = await store.findSubscription(platform, channel);
      if (!sub) return null;
      return (await prepareDigest(store, deps.knowledge(), sub, dueState(sub, now).localDate))?.reply ?? null;
    },
  };
}
