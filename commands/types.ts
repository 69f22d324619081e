import type { DigestService } from "../src/digest/service.js";
import type { Knowledge } from "../src/knowledge/knowledge.js";
import type { Reply } from "../src/reply/reply.js";

/** One option of a command, as data: adapters turn it into Discord options or text parsing. */
export interface OptionDefinition {
  readonly name: string;
  readonly description: string;
  readonly type: "string";
  readonly required: boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly choices?: readonly { readonly name: string; readonly value: string }[];
  /** Discord may offer suggestions as the user types. */
  readonly autocomplete?: boolean;
  /** In text form (Slack, console) this option takes the rest of the line. */
  readonly rest?: boolean;
}

/** A subcommand of `/dispute`, as data. */
export interface CommandDefinition {
  readonly name: string;
  readonly description: string;
  readonly options: readonly OptionDefinition[];
  /** One-line usage in text form, e.g. `ask <question>`. */
  readonly usage: string;
}

/** Who runs a command, where, and when. */
export interface Invocation {
  readonly platform: "slack" | "discord" | "console" | "cli";
  readonly user: { readonly id: string; readonly name: string };
  readonly channel: { readonly id: string; readonly name?: string };
  /** Discord guild or Slack team, when there is one. */
  readonly workspace?: string;
  /** Whether the user may manage the channel (Discord: Manage Channels; elsewhere true). */
  readonly canManageChannel: boolean;
  readonly now: Date;
}

/** What a handler may use. `knowledge()` returns the current index (it changes on reload). */
export interface CommandContext {
  readonly knowledge: () => Knowledge;
  readonly digests: DigestService | null;
  readonly invocation: Invocation;
}

/** Option values by name, already checked against the definition. */
export type Options = Readonly<Record<string, string | undefined>>;

/** A command: its definition as data and a platform-neutral handler returning a reply model. */
export interface Command<D extends CommandDefinition = CommandDefinition> {
  readonly definition: D;
  handle(options: Options, context: CommandContext): Reply | Promise<Reply>;
}

/** A group of subcommands (`/dispute digest subscribe`). */
export interface CommandGroup {
  readonly definition: { readonly name: string; readonly description: string; readonly usage: string };
  readonly subcommands: readonly Command[];
}
