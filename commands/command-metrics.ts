import { isAbstention, type Reply } from "../src/reply/reply.js";
import type { Invocation } from "./types.js";

/**
 * How a command ended: `answered` a reply with content; `abstained` the sources do not answer
 * (the knowledge core's confidence "none"); `refused` a user error (bad input, rate limited, not
 * an admin, a precondition, an unknown command); `error` an unexpected failure.
 */
export type CommandOutcome = "answered" | "abstained" | "refused" | "error";

/** One command as the dispatcher saw it; every value is from a small fixed set, never what the user typed. */
export interface CommandObservation {
  readonly platform: Invocation["platform"];
  /** The command's name from its definition (`ask`, `digest subscribe`), `help`, or `unknown`. */
  readonly command: string;
  readonly outcome: CommandOutcome;
  /** From the dispatcher taking the command to its reply. */
  readonly seconds: number;
}

/** Where the dispatcher reports each command it ran (the bot's metrics). */
export interface CommandMetrics {
  command(observation: CommandObservation): void;
}

/** The outcome of a command that returned `reply` without throwing. */
export function replyOutcome(reply: Reply): Extract<CommandOutcome, "answered" | "abstained"> {
  return isAbstention(reply) ? "abstained" : "answered";
}
