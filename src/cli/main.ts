/**
 * Command-line interface: `npm run --silent cli -- <command> [args] [--json]`.
 * The commands are the definitions in commands/ (ask, cite, positions, status, timeline, sources,
 * feedback, help) and the digest group. Configuration comes from `loadConfig` (SEEDS_DIR, INDEX_CACHE_DIR,
 * MAX_ARTICLE_BYTES, DATABASE_PATH, DATABASE_URL, LOG_LEVEL), knowledge from src/sources (a snapshot when
 * INDEX_CACHE_DIR is not `off`). Options are checked by the same option kinds as in chat; every
 * command runs through the dispatcher, and the CLI adapter renders its reply as text or, with
 * `--json`, through the reply model's JSON renderer.
 */
import { citeDefinition } from "../../commands/cite.js";
import { checkOptions, createDispatcher, findCommand } from "../../commands/dispatch.js";
import { UserError } from "../../commands/errors.js";
import { feedbackDefinition } from "../../commands/feedback.js";
import { commands, groups } from "../../commands/index.js";
import { sourcesDefinition } from "../../commands/sources.js";
import type { CommandDefinition, Invocation, Options } from "../../commands/types.js";
import { createCliAdapter } from "../adapters/cli/cli-adapter.js";
import { loadConfig, type Config } from "../config.js";
import type { Knowledge } from "../knowledge/knowledge.js";
import type { StoredSnapshot } from "../sources/article-store.js";
import { loadKnowledge } from "../sources/snapshot.js";
import { FEEDBACK_USAGE, runFeedbackCli } from "./feedback-cli.js";
import { userErrorLine } from "./messages.js";
import { cliSeedOptions, cliStored } from "./seed-options.js";
import { runSourcesCli, SOURCES_ACTIONS } from "./sources-cli.js";

/** A user error: printed as one line, exit code 2. */
export class UsageError extends Error {}

/** Standard output could not be written (e.g. the reader closed the pipe): exit code 1. */
export class OutputError extends Error {}

/** Where the CLI writes. */
export interface CliIo {
  /** Writes one line; a returned promise settles once the line is written (rejecting if it could not be). */
  readonly out: (line: string) => unknown;
  /** Writes text without a line break (for output streamed in pieces); without it, pieces are joined into one `out` line. */
  readonly write?: (text: string) => Promise<void>;
  readonly readStdin: () => Promise<string>;
}

/** The usage line, from the command definitions. */
function usage(): string {
  const forms = commands.filter((c) => c.definition.name !== feedbackDefinition.name).map((c) => {
    const d = c.definition;
    const args = d.usage.slice(d.name.length).trim();
    return `${d.name}${args ? ` ${args}` : ""} [--json]`;
  });
  const stdin = commands.filter((c) => c.definition.options.some((o) => o.kind === "query")).map((c) => c.definition.name);
  return `usage: cli ${forms.join(" | ")} | <${stdin.join("|")}> --stdin --json | sources <${SOURCES_ACTIONS.join("|")}> … | ${FEEDBACK_USAGE} | ${groups.map((g) => `${g.definition.name} …`).join(" | ")}`;
}

function invocation(): Invocation {
  return { platform: "cli", user: { id: "cli", name: "cli" }, channel: { id: "cli" }, canManageChannel: true, now: new Date() };
}

/** The configuration, or a one-line error. */
function config(): Config {
  return loadConfig(process.env);
}

/**
 * Loads the knowledge through src/sources, with the articles stored in the database (`stored`):
 * from a snapshot in INDEX_CACHE_DIR when the seeds have not changed.
 */
export function cliKnowledge(c: Config, stored: StoredSnapshot): Knowledge {
  return loadKnowledge(c.SEEDS_DIR, c.INDEX_CACHE_DIR === "off" ? null : c.INDEX_CACHE_DIR, cliSeedOptions(c, stored)).knowledge;
}

/** Checks options with the command's option kinds; a refusal becomes a UsageError worded for the CLI. */
function checked(definition: CommandDefinition, options: Options, knowledge: Knowledge): Record<string, string | number> {
  try {
    return checkOptions(definition, options, { knowledge: () => knowledge });
  } catch (error) {
    if (error instanceof UserError) throw new UsageError(userErrorLine(error));
    throw error;
  }
}

/** Runs one CLI command; throws UsageError for bad input. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<void> {
  const json = argv.includes("--json");
  const stdin = argv.includes("--stdin");
  const args = argv.filter((a) => a !== "--json" && a !== "--stdin");
  const [name, ...rest] = args;
  if (name === undefined) throw new UsageError(usage());
  if (groups.some((g) => g.definition.name === name)) {
    const { runDigestCli } = await import("./digest-cli.js");
    return runDigestCli(rest, { json, out: io.out, ...(io.write ? { write: io.write } : {}) }, config());
  }
  if (name === sourcesDefinition.name && (SOURCES_ACTIONS as readonly string[]).includes(rest[0] ?? "")) {
    const settings = config();
    return runSourcesCli(rest, { json, out: io.out, knowledge: (stored) => cliKnowledge(settings, stored), usageError: (m) => new UsageError(m) }, settings);
  }
  if (name === feedbackDefinition.name) {
    const settings = config();
    const knowledge = cliKnowledge(settings, await cliStored(settings));
    return runFeedbackCli(rest, { json, out: io.out, knowledge: () => knowledge, usageError: (m) => new UsageError(m) }, settings);
  }
  const command = commands.some((c) => c.definition.name === name) ? findCommand({ name }) : null;
  if (!command) throw new UsageError(`unknown command “${name.slice(0, 40)}”; ${usage()}`);
  const { definition } = command;
  const restOption = definition.options.find((o) => o.rest);
  if (rest.length > 0 && !restOption) throw new UsageError(`“${name}” takes no arguments`);
  const settings = config();
  const knowledge = cliKnowledge(settings, await cliStored(settings));
  const adapter = createCliAdapter({ out: io.out, json });
  const dispatcher = createDispatcher({ knowledge: () => knowledge });

  if (stdin) {
    if (!restOption || restOption.kind !== "query") throw new UsageError(`--stdin works with ${commands.filter((c) => c.definition.options.some((o) => o.kind === "query")).map((c) => c.definition.name).join(" and ")}`);
    if (!json) throw new UsageError("--stdin needs --json (one JSON object per input line)");
    const lines = (await io.readStdin()).split(/\r?\n/);
    if (lines.at(-1) === "") lines.pop();
    for (const line of lines) {
      try {
        checkOptions(definition, { [restOption.name]: line }, { knowledge: () => knowledge });
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        await adapter.refused(line, userErrorLine(error), name === citeDefinition.name);
        continue;
      }
      await adapter.show(await dispatcher.run({ name, options: { [restOption.name]: line } }, invocation()));
    }
    return;
  }
  const options: Options = restOption && rest.length > 0 ? { [restOption.name]: rest.join(" ") } : {};
  checked(definition, options, knowledge);
  const reply = await dispatcher.run({ name, options }, invocation());
  if (reply.kind === "error") throw new UsageError([reply.title, reply.text].filter(Boolean).join(": "));
  await adapter.show(reply);
}

async function readAll(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Writes to stdout and resolves once the text is handed to the OS, rejecting when it cannot be (a closed pipe). */
function writeStdout(text: string): Promise<void> {
  return new Promise((resolve, reject) =>
    process.stdout.write(text, (error) => (error ? reject(new OutputError(`could not write the output: ${(error as { code?: string }).code ?? error.message}`)) : resolve())),
  );
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/").split("/").pop()!);
if (isMain) {
  // a closed stdout surfaces through the write callbacks above, not as an uncaught error
  process.stdout.on("error", () => undefined);
  // exit codes are set, never forced with process.exit(): stdout drains to a slow reader first
  runCli(process.argv.slice(2), { out: (line) => writeStdout(`${line}\n`), write: writeStdout, readStdin: readAll }).then(
    () => {
      process.exitCode = 0;
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`error: ${message.split("\n")[0]}\n`);
      process.exitCode = error instanceof UsageError ? 2 : 1;
    },
  );
}
