import type { Knowledge } from "../knowledge/knowledge.js";
import { createDispatcher } from "../../commands/dispatch.js";
import { UserError } from "../../commands/errors.js";
import { feedbackDefinition } from "../../commands/feedback.js";
import { calendarDate } from "../../commands/option-kinds.js";
import type { Invocation } from "../../commands/types.js";
import { createCliAdapter } from "../adapters/cli/cli-adapter.js";
import type { Config } from "../config.js";
import { openStore } from "../db/open-store.js";
import { userErrorLine } from "./messages.js";
import type { SourcesCliIo } from "./sources-cli.js";

/** The feedback subcommand's usage. */
export const FEEDBACK_USAGE = "feedback report [--since YYYY-MM-DD] [--json]";

/** Where the feedback CLI writes, the index on demand (the dispatcher's dependency; the report never asks for it), and how it refuses. */
export type FeedbackCliIo = Omit<SourcesCliIo, "knowledge"> & { readonly knowledge: () => Knowledge };

/** `--since YYYY-MM-DD` or `--since=YYYY-MM-DD` from the arguments after `report`; undefined when absent. */
function sinceOf(args: readonly string[], usageError: FeedbackCliIo["usageError"]): string | undefined {
  if (args.length === 0) return undefined;
  const [flag = "", ...rest] = args;
  const inline = /^--since=(.*)$/.exec(flag);
  const value = inline ? inline[1] : flag === "--since" && rest.length === 1 ? rest[0] : null;
  if (value === null || value === undefined || (inline && rest.length > 0)) throw usageError(`usage: cli ${FEEDBACK_USAGE}`);
  if (calendarDate(value) === null) throw usageError(userErrorLine(new UserError("bad-date", { option: "since", input: value })));
  return value;
}

/**
 * `cli feedback report [--since YYYY-MM-DD] [--json]`: the votes on answers from the bot's store
 * (PostgreSQL at DATABASE_URL, else the SQLite file at DATABASE_PATH), through the same
 * `/dispute feedback` command as in chat: text, or `{ total: { up, down }, questions: [{ question,
 * up, down, passages }] }` worst first.
 */
export async function runFeedbackCli(args: readonly string[], io: FeedbackCliIo, settings: Config): Promise<void> {
  const [action, ...rest] = args;
  if (action !== "report") throw io.usageError(`usage: cli ${FEEDBACK_USAGE}`);
  const since = sinceOf(rest, io.usageError);
  const store = await openStore({ DATABASE_URL: settings.DATABASE_URL, DATABASE_PATH: settings.DATABASE_PATH });
  try {
    const dispatcher = createDispatcher({ knowledge: io.knowledge, feedback: store.conversations });
    const invocation: Invocation = { platform: "cli", user: { id: "cli", name: "cli" }, channel: { id: "cli" }, canManageChannel: true, now: new Date() };
    const reply = await dispatcher.run({ name: feedbackDefinition.name, options: since === undefined ? {} : { since } }, invocation);
    if (reply.kind === "error") throw io.usageError([reply.title, reply.text].filter(Boolean).join(": "));
    await createCliAdapter({ out: io.out, json: io.json }).show(reply);
  } finally {
    await store.close();
  }
}
