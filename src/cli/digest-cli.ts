import { renderText } from "../adapters/console/render.js";
import { createDigestService, type DigestMode, type ScheduledSubscription } from "../digest/service.js";
import { createDigestRunner } from "../digest/runner.js";
import { dueState } from "../digest/schedule.js";
import type { DigestStore } from "../digest/store.js";
import { openStore } from "../db/open-store.js";
import { readStored, type StoredSnapshot } from "../sources/article-store.js";
import { parseSubscription } from "../digest/subscription-input.js";
import type { Config } from "../config.js";
import type { Knowledge } from "../knowledge/knowledge.js";
import { createLogger } from "../log.js";
import { cliKnowledge, UsageError } from "./main.js";
import { subscriptionErrorLine } from "./messages.js";
import { cliStored, databaseExists } from "./seed-options.js";

const USAGE =
  "usage: digest subscribe --channel <id> --time HH:MM [--tz Zone] [--mode changes|daily] [--workspace <team or server id>] | unsubscribe --channel <id> | list [--json] | preview --channel <id> [--json] | tick --at <ISO-8601 instant> [--json]  (all take [--platform name], default console)";

const FLAGS: Record<string, readonly string[]> = {
  subscribe: ["channel", "time", "tz", "mode", "platform", "workspace"],
  unsubscribe: ["channel", "platform"],
  list: ["platform", "channel"],
  preview: ["channel", "platform"],
  tick: ["at", "platform"],
};

/** Where the digest CLI writes. */
export interface DigestCliIo {
  readonly json: boolean;
  /** Writes one line; a returned promise settles once it is written (rejecting if it could not be). */
  readonly out: (line: string) => unknown;
  /** Writes text without a line break; without it, streamed pieces are joined into one `out` line. */
  readonly write?: (text: string) => Promise<void>;
}

function parseFlags(command: string, args: readonly string[]): Map<string, string> {
  const allowed = FLAGS[command]!;
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new UsageError(`unexpected argument “${arg.slice(0, 40)}”; ${USAGE}`);
    const name = m[1]!;
    if (!allowed.includes(name)) throw new UsageError(`“digest ${command}” takes no --${name.slice(0, 20)}; it takes ${allowed.map((f) => `--${f}`).join(", ")}`);
    const value = m[2] ?? args[++i];
    if (value === undefined || value.startsWith("--") || value.trim() === "") throw new UsageError(`--${name} needs a value`);
    if (flags.has(name)) throw new UsageError(`--${name} given twice`);
    flags.set(name, value.trim());
  }
  return flags;
}

function need(flags: Map<string, string>, name: string, command: string): string {
  const value = flags.get(name);
  if (value === undefined) throw new UsageError(`“digest ${command}” needs --${name}`);
  return value;
}

function parseInstant(text: string): Date {
  const ok = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/i.test(text);
  const at = new Date(text);
  if (!ok || Number.isNaN(at.getTime())) throw new UsageError(`--at “${text.slice(0, 40)}” is not an ISO-8601 instant such as 2026-03-09T12:00:00Z`);
  return at;
}

function subscriptionJson(s: ScheduledSubscription): Record<string, unknown> {
  return { platform: s.platform, channel: s.channel, time: s.time, timeZone: s.timeZone, mode: s.mode, subscriber: s.subscriber, workspace: s.workspace, createdAt: s.createdAt, nextRun: s.nextRun, nextRunLocal: s.nextRunLocal };
}

const subscriptionLine = (s: ScheduledSubscription): string => `${s.platform}:${s.channel}  ${s.time} ${s.timeZone}  ${s.mode}  next: ${s.nextRunLocal}`;

/**
 * Digest commands for operators (`digest subscribe|unsubscribe|list|preview|tick`), over the database
 * (`DATABASE_URL`, else `DATABASE_PATH`) and the seeds at `SEEDS_DIR`. All input is checked before anything is written.
 * @throws UsageError for bad input (one line; exit 2)
 */
export async function runDigestCli(args: readonly string[], io: DigestCliIo, config: Config): Promise<void> {
  const [command, ...rest] = args;
  if (command === undefined || !(command in FLAGS)) throw new UsageError(command === undefined ? USAGE : `unknown digest command “${command.slice(0, 40)}”; ${USAGE}`);
  const flags = parseFlags(command, rest);
  const platform = flags.get("platform") ?? "console";
  const print = async (value: unknown): Promise<void> => void (await io.out(JSON.stringify(value)));
  const dbExists = databaseExists(config);
  let knowledge: Knowledge | undefined;
  let stored: StoredSnapshot | undefined;
  const currentKnowledge = (): Knowledge => (knowledge ??= cliKnowledge(config, stored!));

  // Validate everything before opening (and so creating) the database.
  let subscribeInput: { channel: string; time: string; timeZone: string; mode: DigestMode; workspace?: string } | undefined;
  let at: Date | undefined;
  if (command === "subscribe") {
    const channel = need(flags, "channel", command);
    const parsed = parseSubscription({ time: need(flags, "time", command), timeZone: flags.get("tz"), mode: flags.get("mode") });
    if (!parsed.ok) throw new UsageError(subscriptionErrorLine(parsed.error));
    const workspace = flags.get("workspace");
    if (workspace !== undefined && !/^[A-Za-z0-9]{1,32}$/.test(workspace)) throw new UsageError(`--workspace must be a Slack team id (T…) or a Discord server id, not “${workspace.slice(0, 40)}”`);
    subscribeInput = { channel, ...parsed.value, ...(workspace ? { workspace } : {}) };
  } else if (command === "unsubscribe" || command === "preview") {
    const channel = need(flags, "channel", command);
    if (!dbExists) throw new UsageError(`no digest subscription for ${platform} channel “${channel.slice(0, 80)}”`);
  } else if (command === "tick") {
    at = parseInstant(need(flags, "at", command));
  }
  if (!dbExists && command === "list") {
    if (io.json) await print({ subscriptions: [] });
    else await io.out("No digest subscriptions.");
    return;
  }

  if (command === "subscribe") {
    stored = await cliStored(config);
    currentKnowledge(); // the baseline; a broken seeds folder fails before anything is written
  }
  const opened = await openStore(config);
  const store = opened.digests;
  try {
    if (command === "preview" || command === "tick") stored = await readStored(opened.articles);
    await runWithStore(command, { store, flags, platform, at, subscribeInput, currentKnowledge, io, print, logLevel: config.LOG_LEVEL ?? "warn" });
  } finally {
    await opened.close();
  }
}

interface Context {
  readonly store: DigestStore;
  readonly flags: Map<string, string>;
  readonly platform: string;
  readonly at: Date | undefined;
  readonly subscribeInput: { channel: string; time: string; timeZone: string; mode: DigestMode; workspace?: string } | undefined;
  readonly currentKnowledge: () => Knowledge;
  readonly io: DigestCliIo;
  readonly print: (value: unknown) => Promise<void>;
  readonly logLevel: string;
}

async function runWithStore(command: string, c: Context): Promise<void> {
  const { store, platform, io, print } = c;
  const service = createDigestService({ store, knowledge: c.currentKnowledge });
  const channelOf = async (): Promise<string> => {
    const channel = c.flags.get("channel")!;
    if (!(await store.findSubscription(platform, channel))) throw new UsageError(`no digest subscription for ${platform} channel “${channel.slice(0, 80)}”`);
    return channel;
  };
  const now = new Date();
  switch (command) {
    case "subscribe": {
      const sub = await service.subscribe({ platform, ...c.subscribeInput!, subscriber: "cli", now });
      if (io.json) await print({ subscription: subscriptionJson(sub) });
      else await io.out(`Subscribed ${sub.platform}:${sub.channel} to a ${sub.mode} digest at ${sub.time} ${sub.timeZone}. Next: ${sub.nextRunLocal}`);
      return;
    }
    case "unsubscribe": {
      const channel = await channelOf();
      const removed = await service.unsubscribe(platform, channel);
      if (io.json) await print({ removed });
      else await io.out(`Unsubscribed ${platform}:${channel}.`);
      return;
    }
    case "list": {
      const channel = c.flags.get("channel");
      const subs = (await service.listAll(now)).filter((s) => (!c.flags.has("platform") || s.platform === platform) && (channel === undefined || s.channel === channel));
      if (io.json) await print({ subscriptions: subs.map(subscriptionJson) });
      else await io.out(subs.length === 0 ? "No digest subscriptions." : subs.map(subscriptionLine).join("\n"));
      return;
    }
    case "preview": {
      const channel = await channelOf();
      const sub = (await store.findSubscription(platform, channel))!;
      const reply = await service.preview(platform, channel, now);
      const localDate = dueState(sub, now).localDate;
      if (io.json) await print({ channel, localDate, mode: sub.mode, text: reply ? renderText(reply) : null });
      else await io.out(reply ? renderText(reply) : `Nothing to post: ${platform}:${channel} is in “changes” mode and nothing is new.`);
      return;
    }
    case "tick": {
      const log = createLogger(c.logLevel);
      // `{"sent":[…]}` is written one digest at a time, inside delivery: a digest counts as sent
      // only once its text is written, so a reader that goes away leaves the rest unsent
      const stream = jsonPieces(io);
      if (io.json) await stream.piece('{"sent":[');
      let first = true;
      const runner = createDigestRunner({
        store,
        knowledge: c.currentKnowledge,
        platforms: [platform],
        log,
        retryDelaysMs: [], // a closed stdout stays closed
        async deliver(_platform, channel, reply) {
          if (io.json) {
            const sub = (await store.findSubscription(platform, channel))!;
            const item = { channel, localDate: dueState(sub, c.at!).localDate, mode: sub.mode, text: renderText(reply) };
            await stream.piece(`${first ? "" : ","}${JSON.stringify(item)}`);
            first = false;
          } else {
            await io.out(`── digest → ${platform}:${channel} ──\n${renderText(reply)}`);
          }
          return { messageId: `${platform}:${channel}:${Date.now()}` };
        },
      });
      const report = await runner.tick(c.at!);
      if (io.json) await stream.end("]}");
      else if (report.sent.length === 0) await io.out(report.failed.length > 0 ? `${report.failed.length} digest(s) failed; see the log.` : "No digests due.");
      const unwritten = report.failed.filter((f) => f.error.startsWith("could not write the output"));
      if (unwritten.length > 0) {
        throw new Error(`${unwritten[0]!.error}; ${unwritten.length} digest(s) not sent`);
      }
      return;
    }
  }
}

/** Output written in pieces that make one line: straight through `io.write`, or joined for one `io.out`. */
function jsonPieces(io: DigestCliIo): { piece(text: string): Promise<void>; end(text: string): Promise<void> } {
  if (io.write) {
    const write = io.write;
    return { piece: (text) => write(text), end: (text) => write(`${text}\n`) };
  }
  let buffered = "";
  return {
    piece: async (text) => {
      buffered += text;
    },
    end: async (text) => void (await io.out(buffered + text)),
  };
}
