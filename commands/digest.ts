import { canonicalTimeZone, isValidTimeZone, parseLocalTime } from "../src/digest/time.js";
import { notice, type Reply } from "../src/reply/reply.js";
import type { Command, CommandContext, CommandDefinition, CommandGroup } from "./types.js";

const unavailable = (): Reply => notice("Digests are not available", "Daily digests are not set up on this bot.", "error");

export const subscribeDefinition = {
  name: "subscribe",
  description: "Post a daily digest to this channel at a local time",
  usage: "digest subscribe <HH:MM> [time zone] [changes|daily]",
  options: [
    { name: "time", description: "Local time of day, HH:MM (24-hour)", type: "string", required: true, minLength: 4, maxLength: 5 },
    { name: "timezone", description: "IANA time zone, e.g. Europe/Berlin (default UTC)", type: "string", required: false, maxLength: 64, autocomplete: true },
    {
      name: "mode",
      description: "changes: only when there is news (default); daily: every day",
      type: "string",
      required: false,
      choices: [
        { name: "changes", value: "changes" },
        { name: "daily", value: "daily" },
      ],
    },
  ],
} as const satisfies CommandDefinition;

function guard(context: CommandContext): Reply | null {
  if (!context.digests) return unavailable();
  if (!context.invocation.canManageChannel) {
    return notice("Not allowed", "Only members who can manage this channel (Manage Channels) may change its digest.", "error");
  }
  return null;
}

/** `/dispute digest subscribe <HH:MM> [zone] [mode]`. */
export const subscribe: Command<typeof subscribeDefinition> = {
  definition: subscribeDefinition,
  handle(options, context) {
    const refused = guard(context);
    if (refused) return refused;
    const time = parseLocalTime(options.time ?? "");
    if (!time) return notice("Bad time", `“${options.time ?? ""}” is not a time of day; use HH:MM, e.g. 08:30.`, "error");
    const zoneText = options.timezone?.trim() || "UTC";
    if (!isValidTimeZone(zoneText)) {
      return notice("Unknown time zone", `“${zoneText}” is not an IANA time zone; use a name like Europe/Berlin or America/New_York.`, "error");
    }
    const mode = options.mode ?? "changes";
    if (mode !== "changes" && mode !== "daily") return notice("Bad mode", `Mode is “changes” or “daily”, not “${mode}”.`, "error");
    const { invocation } = context;
    const sub = context.digests!.subscribe({
      platform: invocation.platform,
      channel: invocation.channel.id,
      time: time.text,
      timeZone: canonicalTimeZone(zoneText),
      mode,
      subscriber: invocation.user.id,
      now: invocation.now,
    });
    return notice(
      "Digest subscribed",
      `This channel gets a ${mode === "daily" ? "daily" : "news-only"} digest at ${sub.time} ${sub.timeZone}. Next: ${sub.nextRunLocal}.`,
    );
  },
};

export const unsubscribeDefinition = {
  name: "unsubscribe",
  description: "Stop this channel's daily digest",
  usage: "digest unsubscribe",
  options: [],
} as const satisfies CommandDefinition;

/** `/dispute digest unsubscribe`. */
export const unsubscribe: Command<typeof unsubscribeDefinition> = {
  definition: unsubscribeDefinition,
  handle(_options, context) {
    const refused = guard(context);
    if (refused) return refused;
    const removed = context.digests!.unsubscribe(context.invocation.platform, context.invocation.channel.id);
    return removed > 0
      ? notice("Digest stopped", "This channel will get no more digests.")
      : notice("No digest here", "This channel has no digest subscription. Start one with `digest subscribe 08:00 Europe/Berlin`.");
  },
};

export const listDefinition = {
  name: "list",
  description: "Show this channel's digest subscription and its next run",
  usage: "digest list",
  options: [],
} as const satisfies CommandDefinition;

/** `/dispute digest list`. */
export const list: Command<typeof listDefinition> = {
  definition: listDefinition,
  handle(_options, context) {
    if (!context.digests) return unavailable();
    const { invocation } = context;
    const subs = context.digests.list(invocation.platform, invocation.channel.id, invocation.now);
    if (subs.length === 0) {
      return notice("No digest here", "This channel has no digest subscription. Start one with `digest subscribe 08:00 Europe/Berlin`.", "info");
    }
    const lines = subs.map((s) => `• ${s.time} ${s.timeZone}, mode ${s.mode} — next: ${s.nextRunLocal}`);
    return notice("Digest subscriptions", lines.join("\n"), "info");
  },
};

export const previewDefinition = {
  name: "preview",
  description: "Show exactly what the digest would post now (only to you)",
  usage: "digest preview",
  options: [],
} as const satisfies CommandDefinition;

/** `/dispute digest preview`. */
export const preview: Command<typeof previewDefinition> = {
  definition: previewDefinition,
  handle(_options, context) {
    if (!context.digests) return unavailable();
    const { invocation } = context;
    const reply = context.digests.preview(invocation.platform, invocation.channel.id, invocation.now);
    if (!reply) return notice("Nothing to post", "With its mode, this channel's digest would post nothing now, or the channel has no subscription.", "info");
    return { ...reply, ephemeral: true, actions: [] };
  },
};

/** `/dispute digest …` */
export const digest: CommandGroup = {
  definition: { name: "digest", description: "Daily status digests for this channel", usage: "digest subscribe|unsubscribe|list|preview" },
  subcommands: [subscribe, unsubscribe, list, preview],
};
