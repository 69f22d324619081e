import { DIGEST_MODES } from "../src/digest/subscription-input.js";
import type { Reply } from "../src/reply/reply.js";
import { DIGEST_MESSAGES } from "./messages.js";
import type { Command, CommandContext, CommandDefinition, CommandGroup } from "./types.js";

export const subscribeDefinition = {
  name: "subscribe",
  description: "Post a daily digest to this channel at a local time",
  usage: "digest subscribe <HH:MM> [time zone] [changes|daily]",
  options: [
    { name: "time", description: "Local time of day, HH:MM (24-hour)", type: "string", kind: "time", required: true, minLength: 4, maxLength: 5 },
    { name: "timezone", description: "IANA time zone, e.g. Europe/Berlin (default UTC)", type: "string", kind: "timezone", required: false, maxLength: 64, autocomplete: true },
    {
      name: "mode",
      description: "changes: only when there is news (default); daily: every day",
      type: "string",
      kind: "mode",
      required: false,
      choices: [
        { name: "changes", value: "changes" },
        { name: "daily", value: "daily" },
      ],
    },
  ],
  preconditions: ["rate-limit", "guild-only", "digests", "manage-channel"],
} as const satisfies CommandDefinition;

/** The digest service, which the `digests` precondition has checked is there. */
const digestsOf = (context: CommandContext) => context.digests!;

/** `/dispute digest subscribe <HH:MM> [zone] [mode]` (time, zone and mode checked by their option kinds). */
export const subscribe: Command<typeof subscribeDefinition> = {
  definition: subscribeDefinition,
  async handle({ time, timezone, mode }, context) {
    const { invocation } = context;
    const sub = await digestsOf(context).subscribe({
      platform: invocation.platform,
      channel: invocation.channel.id,
      time,
      timeZone: timezone ?? "",
      mode: DIGEST_MODES.find((m) => m === mode) ?? "changes",
      subscriber: invocation.user.id,
      workspace: invocation.workspace ?? null,
      now: invocation.now,
    });
    return DIGEST_MESSAGES.subscribed(sub.mode, sub.time, sub.timeZone, sub.nextRunLocal);
  },
};

export const unsubscribeDefinition = {
  name: "unsubscribe",
  description: "Stop this channel's daily digest",
  usage: "digest unsubscribe",
  options: [],
  preconditions: ["rate-limit", "guild-only", "digests", "manage-channel"],
} as const satisfies CommandDefinition;

/** `/dispute digest unsubscribe`. */
export const unsubscribe: Command<typeof unsubscribeDefinition> = {
  definition: unsubscribeDefinition,
  async handle(_args, context) {
    const removed = await digestsOf(context).unsubscribe(context.invocation.platform, context.invocation.channel.id);
    return removed > 0 ? DIGEST_MESSAGES.stopped : DIGEST_MESSAGES.noneHere("notice");
  },
};

export const listDefinition = {
  name: "list",
  description: "Show this channel's digest subscription and its next run",
  usage: "digest list",
  options: [],
  preconditions: ["rate-limit", "digests"],
} as const satisfies CommandDefinition;

/** `/dispute digest list`. */
export const list: Command<typeof listDefinition> = {
  definition: listDefinition,
  async handle(_args, context) {
    const { invocation } = context;
    const subs = await digestsOf(context).list(invocation.platform, invocation.channel.id, invocation.now);
    if (subs.length === 0) return DIGEST_MESSAGES.noneHere("info");
    return DIGEST_MESSAGES.list(subs.map((s) => `• ${s.time} ${s.timeZone}, mode ${s.mode} — next: ${s.nextRunLocal}`));
  },
};

export const previewDefinition = {
  name: "preview",
  description: "Show exactly what the digest would post now (only to you)",
  usage: "digest preview",
  options: [],
  preconditions: ["rate-limit", "digests"],
} as const satisfies CommandDefinition;

/** `/dispute digest preview`. */
export const preview: Command<typeof previewDefinition> = {
  definition: previewDefinition,
  async handle(_args, context): Promise<Reply> {
    const { invocation } = context;
    const reply = await digestsOf(context).preview(invocation.platform, invocation.channel.id, invocation.now);
    if (!reply) return DIGEST_MESSAGES.nothingToPost;
    return { ...reply, ephemeral: true, actions: [] };
  },
};

/** `/dispute digest …` */
export const digest: CommandGroup = {
  definition: { name: "digest", description: "Daily status digests for this channel", usage: "digest subscribe|unsubscribe|list|preview" },
  subcommands: [subscribe, unsubscribe, list, preview],
};
