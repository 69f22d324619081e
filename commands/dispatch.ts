import type { Logger } from "pino";
import type { DigestService } from "../src/digest/service.js";
import { knownTimeZones } from "../src/digest/time.js";
import { checkQuery, MAX_QUERY_CHARS, stripInvisible } from "../src/knowledge/input.js";
import type { Knowledge } from "../src/knowledge/knowledge.js";
import { helpReply } from "./help.js";
import { cite } from "./cite.js";
import { commands, groups, listing } from "./index.js";
import { createRateLimiter, type RateLimiter } from "./rate-limit.js";
import { notice, type Reply } from "../src/reply/reply.js";
import type { Command, CommandContext, Invocation, Options } from "./types.js";

/** A command request in structured form (Discord options, or parsed text). */
export interface CommandRequest {
  /** Subcommand name (`ask`) or group name (`digest`). */
  readonly name: string;
  /** Within a group: the subcommand (`subscribe`). */
  readonly subcommand?: string;
  readonly options: Options;
}

/** Runs commands for every adapter: validation, rate limits and errors are handled here. */
export interface Dispatcher {
  run(request: CommandRequest, invocation: Invocation): Promise<Reply>;
  /** Runs a text command: `ask Is there a lawsuit?`, `/dispute status`, `digest subscribe 08:00 UTC`. */
  runText(text: string, invocation: Invocation): Promise<Reply>;
  /** The "Find sources" message action: `cite` on a message's text (cut to the length limit). */
  findSources(messageText: string, invocation: Invocation): Promise<Reply>;
  /** Autocomplete values for an option, from what the user typed. */
  suggest(option: string, typed: string): string[];
}

/** What the dispatcher needs. */
export interface DispatcherDeps {
  readonly knowledge: () => Knowledge;
  readonly digests?: DigestService | null;
  readonly rateLimiter?: RateLimiter;
  readonly log?: Logger;
}

const QUERY_OPTIONS = new Set(["question", "claim"]);

/** Splits `/dispute digest subscribe 08:00 Europe/Berlin` into a request, mapping words to options. */
export function parseCommandText(text: string): CommandRequest {
  const words = text.trim().replace(/^\/?dispute\b/i, "").trim();
  const [first = "", ...rest] = words.split(/\s+/);
  const name = first.toLowerCase();
  const group = groups.find((g) => g.definition.name === name);
  if (group) {
    const [sub = "", ...args] = rest;
    const command = group.subcommands.find((c) => c.definition.name === sub.toLowerCase());
    return { name, subcommand: sub.toLowerCase(), options: command ? optionsFromWords(command, args) : {} };
  }
  const command = commands.find((c) => c.definition.name === name);
  const remainder = words.slice(first.length).trim();
  return { name, options: command ? optionsFromText(command, remainder) : {} };
}

function optionsFromText(command: Command, remainder: string): Options {
  const restOption = command.definition.options.find((o) => o.rest);
  if (restOption) return remainder === "" ? {} : { [restOption.name]: remainder };
  return optionsFromWords(command, remainder === "" ? [] : remainder.split(/\s+/));
}

/** Positional words: a word equal to an option's choice goes to that option, others fill options in order. */
function optionsFromWords(command: Command, words: readonly string[]): Options {
  const options: Record<string, string> = {};
  const open = [...command.definition.options];
  for (const word of words) {
    const byChoice = open.find((o) => o.choices?.some((c) => c.value.toLowerCase() === word.toLowerCase()));
    const target = byChoice ?? open.find((o) => !o.choices);
    if (!target) continue;
    options[target.name] = byChoice ? word.toLowerCase() : word;
    open.splice(open.indexOf(target), 1);
  }
  return options;
}

function usageReply(command: Command, message: string): Reply {
  return notice("Usage", `${message}\nUsage: /dispute ${command.definition.usage}`, "error");
}

/** Creates the dispatcher shared by the console, Slack and Discord adapters. */
export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const limiter = deps.rateLimiter ?? createRateLimiter();
  const digests = deps.digests ?? null;

  const find = (request: CommandRequest): Command | null => {
    const group = groups.find((g) => g.definition.name === request.name);
    if (group) return group.subcommands.find((c) => c.definition.name === request.subcommand) ?? null;
    return commands.find((c) => c.definition.name === request.name) ?? null;
  };

  const run = async (request: CommandRequest, invocation: Invocation): Promise<Reply> => {
    const started = performance.now();
    const command = find(request);
    const label = stripInvisible(request.subcommand ? `${request.name} ${request.subcommand}` : request.name);
    if (!command) {
      if (request.name === "") return helpReply(listing());
      const group = groups.find((g) => g.definition.name === request.name);
      return helpReply(listing(), group ? `Use /dispute ${group.definition.usage}.` : `I don't know “${label}”. Here is what I can do:`);
    }
    const local = invocation.platform === "console" || invocation.platform === "cli";
    const limit = local ? { ok: true as const } : limiter.take(`${invocation.platform}:${invocation.user.id}`, invocation.now.getTime());
    if (!limit.ok) return notice("Slow down", `You're sending commands quickly — try again in ${limit.retryAfterSeconds} s.`, "error");

    const options: Record<string, string | undefined> = {};
    for (const def of command.definition.options) {
      const value = stripInvisible(request.options[def.name] ?? "").trim();
      if (value === undefined || value === "") {
        if (def.required) return usageReply(command, `Please give the ${def.name}.`);
        continue;
      }
      if (QUERY_OPTIONS.has(def.name)) {
        const checked = checkQuery(value);
        if (!checked.ok) return checked.reason === "empty" ? usageReply(command, checked.message) : notice(checked.reason === "too-long" ? "Too long" : "Not text", checked.message, "error");
        options[def.name] = checked.text;
      } else if (def.maxLength !== undefined && value.length > def.maxLength) {
        return usageReply(command, `The ${def.name} is too long (at most ${def.maxLength} characters).`);
      } else {
        options[def.name] = value;
      }
    }
    const context: CommandContext = { knowledge: deps.knowledge, digests, invocation };
    try {
      const reply = await command.handle(options, context);
      deps.log?.info({ platform: invocation.platform, user: invocation.user.id, command: label, ms: Math.round(performance.now() - started) }, "command answered");
      return reply;
    } catch (error) {
      deps.log?.error({ err: error, platform: invocation.platform, user: invocation.user.id, command: label }, "command failed");
      return notice("Something went wrong", "I could not answer that because of an error on my side. It has been logged; please try again.", "error");
    }
  };

  return {
    run,
    runText: (text, invocation) => run(parseCommandText(text), invocation),
    findSources(messageText, invocation) {
      let claim = messageText.replace(/\s+/g, " ").trim();
      if (claim.length > MAX_QUERY_CHARS) claim = claim.slice(0, claim.lastIndexOf(" ", MAX_QUERY_CHARS - 1) > 0 ? claim.lastIndexOf(" ", MAX_QUERY_CHARS - 1) : MAX_QUERY_CHARS);
      if (claim === "") return Promise.resolve(notice("Nothing to look up", "That message has no text to find sources for.", "error"));
      return run({ name: cite.definition.name, options: { claim } }, invocation);
    },
    suggest(option, typed) {
      if (option === "timezone") {
        const t = typed.trim().toLowerCase();
        return knownTimeZones().filter((z) => z.toLowerCase().includes(t)).slice(0, 25);
      }
      if (QUERY_OPTIONS.has(option)) return deps.knowledge().suggest(typed);
      return [];
    },
  };
}
