import type { DigestService } from "../src/digest/service.js";
import type { Knowledge } from "../src/knowledge/knowledge.js";
import type { Reply } from "../src/reply/reply.js";
import type { ConversationStore } from "../src/store/conversation.js";

/**
 * What an option holds: each kind carries its own validator and suggester (commands/option-kinds.ts).
 * `query` a question or claim; `time` a local time of day; `timezone` an IANA zone; `mode` a digest
 * mode; `party` a party of the dispute; `text` anything within the option's length limits; `url`
 * an http or https address; `date` a calendar date, YYYY-MM-DD.
 */
export type OptionKindName = "query" | "time" | "timezone" | "mode" | "party" | "text" | "url" | "date";

/** One option of a command, as data: adapters turn it into Discord options or text parsing. */
export interface OptionDefinition {
  readonly name: string;
  readonly description: string;
  /** The value's type as the platforms see it. */
  readonly type: "string" | "integer";
  readonly kind: OptionKindName;
  readonly required: boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly choices?: readonly { readonly name: string; readonly value: string }[];
  /** Discord may offer suggestions as the user types (from the kind's suggester). */
  readonly autocomplete?: boolean;
  /** In text form (Slack, console) this option takes the rest of the line. */
  readonly rest?: boolean;
}

/**
 * Conditions checked by the dispatcher, in the order given, before options are read:
 * `rate-limit` the user's per-minute budget (chat platforms only); `guild-only` not in a Discord
 * DM; `manage-channel` the user may manage the channel; `digests` digests are set up on this bot;
 * `admin` the user is one of the bot's admins (ADMIN_USER_IDS, or on Discord Manage Server).
 */
export type Precondition = "rate-limit" | "guild-only" | "manage-channel" | "digests" | "admin";

/** A subcommand of `/dispute`, as data. */
export interface CommandDefinition {
  readonly name: string;
  readonly description: string;
  readonly options: readonly OptionDefinition[];
  /** One-line usage in text form, e.g. `ask <question>`. */
  readonly usage: string;
  readonly preconditions: readonly Precondition[];
}

/** The value type of one option: `integer` options are numbers, the rest strings. */
export type OptionValue<O extends OptionDefinition> = O["type"] extends "string" ? string : O["type"] extends "integer" ? number : string | number;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/**
 * A handler's arguments, typed from its definition (declared `as const satisfies
 * CommandDefinition`): one property per option, required options non-optional.
 */
export type ArgsOf<D extends CommandDefinition> = Simplify<
  { readonly [O in D["options"][number] as O["required"] extends true ? O["name"] : never]: OptionValue<O> } & {
    readonly [O in D["options"][number] as O["required"] extends true ? never : O["name"]]?: OptionValue<O>;
  }
>;

/** Who runs a command, where, and when. */
export interface Invocation {
  readonly platform: "slack" | "discord" | "console" | "cli";
  readonly user: { readonly id: string; readonly name: string };
  readonly channel: { readonly id: string; readonly name?: string };
  /** Discord guild or Slack team, when there is one. */
  readonly workspace?: string;
  /** Whether the user may manage the channel (Discord: Manage Channels; elsewhere true). */
  readonly canManageChannel: boolean;
  /** Whether the user may manage the server (Discord: Manage Server); admins of the bot are also named in ADMIN_USER_IDS. */
  readonly canManageServer?: boolean;
  readonly now: Date;
  /**
   * In a conversation (a thread, a direct message, a reply chain): the question asked there last,
   * within the hour. `ask` and `cite` read a follow-up ("and amazon?") together with it.
   */
  readonly previousQuestion?: string;
}

/** Reading the feedback given on answers (the bot's conversation store). */
export type FeedbackReader = Pick<ConversationStore, "feedbackReport">;

/** Adding and removing articles (the running bot's article store); the index is reloaded after a change. */
export interface SourcesService {
  /** @throws Error with a one-line reason when the page cannot be fetched or holds no article */
  add(url: string): Promise<{ added: { document: string; title: string; outlet: string | null; published: string | null; paragraphs: number } } | { duplicate: { document: string; url: string } }>;
  remove(documentOrUrl: string): Promise<{ document: string; title: string } | null>;
}

/** What a handler may use. `knowledge()` returns the current index (it changes on reload). */
export interface CommandContext {
  readonly knowledge: () => Knowledge;
  readonly digests: DigestService | null;
  readonly sources: SourcesService | null;
  /** The feedback on answers; null where the bot keeps none. */
  readonly feedback: FeedbackReader | null;
  readonly invocation: Invocation;
  /** @throws UserError "not-admin" unless the user is one of the bot's admins */
  requireAdmin(): void;
}

/** Option values by name as they arrive from a platform, before checking. */
export type Options = Readonly<Record<string, string | undefined>>;

/** A command: its definition as data and a platform-neutral handler returning a reply model. */
export interface Command<D extends CommandDefinition = CommandDefinition> {
  readonly definition: D;
  /** Runs with options already checked by their kinds; may throw a `UserError` (commands/errors.ts). */
  handle(args: ArgsOf<D>, context: CommandContext): Reply | Promise<Reply>;
}

/** A group of subcommands (`/dispute digest subscribe`). */
export interface CommandGroup {
  readonly definition: { readonly name: string; readonly description: string; readonly usage: string };
  readonly subcommands: readonly Command[];
}
