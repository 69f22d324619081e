import type { Logger } from "pino";
import type { DigestService } from "../src/digest/service.js";
import { MAX_QUERY_CHARS, stripInvisible } from "../src/knowledge/input.js";
import type { Knowledge } from "../src/knowledge/knowledge.js";
import type { Reply } from "../src/reply/reply.js";
import { cite } from "./cite.js";
import { replyOutcome, type CommandMetrics, type CommandOutcome } from "./command-metrics.js";
import { UserError } from "./errors.js";
import { helpReply } from "./help.js";
import { allDefinitions, commands, groups, listing } from "./index.js";
import { groupUsageLead, SOMETHING_WENT_WRONG, unknownCommandLead, userErrorReply } from "./messages.js";
import { OPTION_KINDS, type KindContext } from "./option-kinds.js";
import { createRateLimiter, type RateLimiter } from "./rate-limit.js";
import type { Command, CommandContext, CommandDefinition, FeedbackReader, Invocation, Options, Precondition, SourcesService } from "./types.js";

/** A command request in structured form (Discord options, or parsed text). */
export interface CommandRequest {
  /** Subcommand name (`ask`) or group name (`digest`). */
  readonly name: string;
  /** Within a group: the subcommand (`subscribe`). */
  readonly subcommand?: string;
  readonly options: Options;
}

/** Runs commands for every adapter: preconditions, option checks and errors are handled here. */
export interface Dispatcher {
  run(request: CommandRequest, invocation: Invocation): Promise<Reply>;
  /** Runs a text command: `ask Is there a lawsuit?`, `/dispute status`, `digest subscribe 08:00 UTC`. */
  runText(text: string, invocation: Invocation): Promise<Reply>;
  /** The "Find sources" message action: `cite` on a message's text (cut to the length limit). */
  findSources(messageText: string, invocation: Invocation): Promise<Reply>;
  /** Autocomplete values for an option (of `request`'s command when given), from what the user typed. */
  suggest(option: string, typed: string, request?: Pick<CommandRequest, "name" | "subcommand">): string[];
}

/** What the dispatcher needs. */
export interface DispatcherDeps {
  readonly knowledge: () => Knowledge;
  readonly digests?: DigestService | null;
  readonly rateLimiter?: RateLimiter;
  /** Failures are logged here (a command's one success line is the adapter's). */
  readonly log?: Logger;
  /** Adding and removing articles; null or absent where the bot has no article store. */
  readonly sources?: SourcesService | null;
  /** User ids (Slack and Discord) of the bot's admins. */
  readonly adminUserIds?: ReadonlySet<string>;
  /** The feedback given on answers (the conversation store); absent where the bot keeps none. */
  readonly feedback?: FeedbackReader | null;
  /** Told of every command run: platform, command, outcome and duration (the bot's metrics). */
  readonly metrics?: CommandMetrics;
  /** Milliseconds on a monotonic clock, for command durations (default `performance.now`). */
  readonly clock?: () => number;
}

/** A command's reply with what the metrics count of it. */
interface Ran {
  readonly reply: Reply;
  /** A name from the definitions, `help` or `unknown`: never what the user typed. */
  readonly command: string;
  readonly outcome: CommandOutcome;
  /** The unexpected failure behind an `error` outcome. */
  readonly error?: unknown;
}

/** The command a request names, if any. */
export function findCommand(request: Pick<CommandRequest, "name" | "subcommand">): Command | null {
  const group = groups.find((g) => g.definition.name === request.name);
  if (group) return group.subcommands.find((c) => c.definition.name === request.subcommand) ?? null;
  return commands.find((c) => c.definition.name === request.name) ?? null;
}

/** Splits `/dispute digest subscribe 08:00 Europe/Berlin` into a request, mapping words to options. */
export function parseCommandText(text: string): CommandRequest {
  const words = text.trim().replace(/^\/?dispute\b/i, "").trim();
  const [first = "", ...rest] = words.split(/\s+/);
  const name = first.toLowerCase();
  const group = groups.find((g) => g.definition.name === name);
  if (group) {
    const [sub = "", ...args] = rest;
    const command = group.subcommands.find((c) => c.definition.name === sub.toLowerCase());
    return { name, subcommand: sub.toLowerCase(), options: command ? optionsFromWords(command.definition, args) : {} };
  }
  const command = commands.find((c) => c.definition.name === name);
  const remainder = words.slice(first.length).trim();
  return { name, options: command ? optionsFromText(command.definition, remainder) : {} };
}

function optionsFromText(definition: CommandDefinition, remainder: string): Options {
  const restOption = definition.options.find((o) => o.rest);
  if (restOption) return remainder === "" ? {} : { [restOption.name]: remainder };
  return optionsFromWords(definition, remainder === "" ? [] : remainder.split(/\s+/));
}

/** Positional words: a word equal to an option's choice goes to that option, others fill options in order. */
function optionsFromWords(definition: CommandDefinition, words: readonly string[]): Options {
  const options: Record<string, string> = {};
  const open = [...definition.options];
  for (const word of words) {
    const byChoice = open.find((o) => o.choices?.some((c) => c.value.toLowerCase() === word.toLowerCase()));
    const target = byChoice ?? open.find((o) => !o.choices);
    if (!target) continue;
    options[target.name] = byChoice ? word.toLowerCase() : word;
    open.splice(open.indexOf(target), 1);
  }
  return options;
}

/**
 * Reads a request's options by their definitions: required ones present, each checked by its kind.
 * @throws UserError for a missing or refused option
 */
export function checkOptions(definition: CommandDefinition, given: Options, context: KindContext): Record<string, string | number> {
  const args: Record<string, string | number> = {};
  for (const option of definition.options) {
    const value = stripInvisible(given[option.name] ?? "").trim();
    if (value === "") {
      if (option.required) throw OPTION_KINDS[option.kind].missing?.(option) ?? new UserError("usage", { option: option.name });
      continue;
    }
    const checked = OPTION_KINDS[option.kind].check(value, option, context);
    if (option.type === "integer") {
      const number = Number(checked);
      if (!Number.isInteger(number)) throw new UserError("usage", { option: option.name, detail: `The ${option.name} must be a whole number.` });
      args[option.name] = number;
    } else {
      args[option.name] = checked;
    }
  }
  return args;
}

/** Creates the dispatcher shared by the console, Slack and Discord adapters and the CLI. */
export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const limiter = deps.rateLimiter ?? createRateLimiter();
  const digests = deps.digests ?? null;
  const kindContext: KindContext = { knowledge: deps.knowledge };
  const clock = deps.clock ?? (() => performance.now());

  /**
   * Runs `task`, tells the metrics what came of it and how long it took, and logs the command's one
   * line: platform, user, command, outcome and milliseconds (an error with what went wrong).
   */
  const observed = async (invocation: Invocation, task: () => Promise<Ran>): Promise<Reply> => {
    const started = clock();
    const { reply, command, outcome, error } = await task();
    const seconds = (clock() - started) / 1000;
    deps.metrics?.command({ platform: invocation.platform, command, outcome, seconds });
    const line = { platform: invocation.platform, user: invocation.user.id, command, outcome, ms: Math.round(seconds * 1000) };
    if (outcome === "error") deps.log?.error({ ...line, err: error }, "command failed");
    else deps.log?.info(line, "command");
    return reply;
  };

  /** Each precondition's check, given the invocation and the command's name. */
  const PRECONDITIONS: { readonly [P in Precondition]: (invocation: Invocation, command: string) => void | Promise<void> } = {
    async "rate-limit"(invocation) {
      if (invocation.platform === "console" || invocation.platform === "cli") return;
      const limit = await limiter.take(`${invocation.platform}:${invocation.user.id}`, invocation.now.getTime());
      if (!limit.ok) throw new UserError("rate-limited", { retryAfterSeconds: limit.retryAfterSeconds });
    },
    "guild-only"(invocation) {
      if (invocation.platform === "discord" && invocation.workspace === undefined) throw new UserError("guild-only");
    },
    "manage-channel"(invocation) {
      if (!invocation.canManageChannel) throw new UserError("not-allowed");
    },
    digests() {
      if (!digests) throw new UserError("digests-unavailable");
    },
    admin(invocation, command) {
      const local = invocation.platform === "console" || invocation.platform === "cli";
      if (!local && !invocation.canManageServer && !deps.adminUserIds?.has(invocation.user.id)) throw new UserError("not-admin", { input: command });
    },
  };

  const runCommand = async (request: CommandRequest, invocation: Invocation): Promise<Ran> => {
    const command = findCommand(request);
    const label = stripInvisible(request.subcommand ? `${request.name} ${request.subcommand}` : request.name);
    if (!command) {
      if (request.name === "") return { reply: helpReply(listing()), command: "help", outcome: "answered" };
      const group = groups.find((g) => g.definition.name === request.name);
      const reply = helpReply(listing(), group ? groupUsageLead(group.definition.usage) : unknownCommandLead(label));
      return { reply, command: group ? group.definition.name : "unknown", outcome: "refused" };
    }
    const { definition } = command;
    const name = request.subcommand ? `${request.name} ${definition.name}` : definition.name;
    try {
      for (const precondition of definition.preconditions) await PRECONDITIONS[precondition](invocation, definition.name);
      const args = checkOptions(definition, request.options, kindContext);
      const context: CommandContext = {
        knowledge: deps.knowledge,
        digests,
        sources: deps.sources ?? null,
        feedback: deps.feedback ?? null,
        invocation,
        requireAdmin: () => PRECONDITIONS.admin(invocation, definition.name),
      };
      const reply = await command.handle(args, context);
      return { reply, command: name, outcome: replyOutcome(reply) };
    } catch (error) {
      if (error instanceof UserError) return { reply: userErrorReply(error, definition.usage), command: name, outcome: "refused" };
      return { reply: SOMETHING_WENT_WRONG, command: name, outcome: "error", error };
    }
  };
  const run = (request: CommandRequest, invocation: Invocation): Promise<Reply> => observed(invocation, () => runCommand(request, invocation));

  return {
    run,
    runText: (text, invocation) => run(parseCommandText(text), invocation),
    findSources(messageText, invocation) {
      let claim = messageText.replace(/\s+/g, " ").trim();
      if (claim.length > MAX_QUERY_CHARS) claim = claim.slice(0, claim.lastIndexOf(" ", MAX_QUERY_CHARS - 1) > 0 ? claim.lastIndexOf(" ", MAX_QUERY_CHARS - 1) : MAX_QUERY_CHARS);
      const request = { name: cite.definition.name, options: { claim } };
      if (claim === "") return observed(invocation, async () => ({ reply: userErrorReply(new UserError("nothing-to-look-up")), command: request.name, outcome: "refused" }));
      return run(request, invocation);
    },
    suggest(name, typed, request) {
      const definitions = request ? [findCommand(request)?.definition].filter((d) => d !== undefined) : allDefinitions();
      const option = definitions.flatMap((d) => d.options).find((o) => o.name === name);
      return option ? (OPTION_KINDS[option.kind].suggest?.(typed, kindContext) ?? []) : [];
    },
  };
}
