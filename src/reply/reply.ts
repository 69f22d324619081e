import { citationLabel } from "../knowledge/excerpt.js";
import type { AnswerItem, Citation } from "../knowledge/types.js";
import type { ReplyData } from "./data.js";

/** A verbatim quote with its citation, ready to render. */
export interface ReplyQuote {
  readonly text: string;
  readonly citation: Citation;
  /** "Neowin, 2026-03-19, ¶3" */
  readonly label: string;
  /** Context that is not part of the quote: the list's lead-in ("Microsoft argues:"), or a date. */
  readonly context?: string;
}

/** A titled group of quotes (one per party in `positions`, one per answer in `ask`). */
export interface ReplyGroup {
  readonly heading?: string;
  readonly quotes: readonly ReplyQuote[];
  /** Shown when the group has no quotes. */
  readonly empty?: string;
}

/**
 * What the person shown a reply may do with it: `share` post it visibly in the channel;
 * `feedback` say whether it helped (👍 Helpful, 👎 Not helpful).
 */
export type ReplyAction = "share" | "feedback";

/** The platform-neutral reply every handler returns; adapters only render it. */
export interface Reply {
  readonly kind: "answer" | "info" | "notice" | "error";
  readonly title: string;
  /** Plain text shown under the title (never a quote). */
  readonly text?: string;
  readonly groups: readonly ReplyGroup[];
  /** Corroboration, conflicts, caveats. */
  readonly notes: readonly string[];
  /** For each note, the citations whose labels it shows, so a renderer can turn them into links. */
  readonly noteCitations?: readonly (readonly Citation[])[];
  /** What the user may do with the reply: share it, give feedback on it. */
  readonly actions: readonly ReplyAction[];
  /** Shown only to the user who asked (Slack ephemeral, Discord ephemeral). */
  readonly ephemeral: boolean;
  /** The core's answer the reply was made from, for renderers that need structure (JSON). */
  readonly data?: ReplyData;
}

/** True when the reply says the sources do not answer (the knowledge core abstained). */
export function isAbstention(reply: Reply): boolean {
  return reply.data?.type === "answer" && reply.data.answer.abstained;
}

/** Turns an answer item into a reply quote. */
export function quoteOf(item: AnswerItem, context?: string): ReplyQuote {
  const lead = context ?? item.citation.leadIn ?? undefined;
  return { text: item.text, citation: item.citation, label: citationLabel(item.citation), ...(lead ? { context: lead } : {}) };
}

/** A short reply with no quotes: usage, errors, confirmations. */
export function notice(title: string, text: string, kind: Reply["kind"] = "notice"): Reply {
  return { kind, title, text, groups: [], notes: [], actions: [], ephemeral: true };
}
