/**
 * Command-line interface: `npm run --silent cli -- <command> [args] [--json]`.
 * Knowledge commands: ask, cite, positions, status, timeline, sources. Digest commands: digest …
 */
import { createDispatcher } from "../../commands/dispatch.js";
import type { Invocation } from "../../commands/types.js";
import { renderText } from "../adapters/console/render.js";
import { loadCorpus } from "../sources/seeds.js";
import { checkQuery } from "../knowledge/input.js";
import { createKnowledge, type Knowledge } from "../knowledge/knowledge.js";
import { DEFAULT_SEEDS_DIR } from "../paths.js";
import { cliSeedOptions } from "./seed-options.js";
import { answerJson, positionsJson, sourcesJson, statusJson, timelineJson } from "./knowledge-json.js";

/** A user error: printed as one line, exit code 2. */
export class UsageError extends Error {}

/** Standard output could not be written (e.g. the reader closed the pipe): exit code 1. */
export class OutputError extends Error {}

const USAGE = "usage: cli <ask|cite> <text> [--json] | <ask|cite> --stdin --json | positions [party] [--json] | status|timeline|sources [--json] | digest …";

/** Where the CLI writes. */
export interface CliIo {
  /** Writes one line; a returned promise settles once the line is written (rejecting if it could not be). */
  readonly out: (line: string) => unknown;
  /** Writes text without a line break (for output streamed in pieces); without it, pieces are joined into one `out` line. */
  readonly write?: (text: string) => Promise<void>;
  readonly readStdin: () => Promise<string>;
}

function invocation(): Invocation {
  return { platform: "cli", user: { id: "cli", name: "cli" }, channel: { id: "cli" }, canManageChannel: true, now: new Date() };
}

async function humanReply(knowledge: Knowledge, text: string): Promise<string> {
  const dispatcher = createDispatcher({ knowledge: () => knowledge });
  return renderText(await dispatcher.runText(text, invocation()));
}

/** Runs one CLI command; throws UsageError for bad input. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<void> {
  const json = argv.includes("--json");
  const stdin = argv.includes("--stdin");
  const args = argv.filter((a) => a !== "--json" && a !== "--stdin");
  const [command, ...rest] = args;
  if (command === undefined) throw new UsageError(USAGE);
  if (command === "digest") {
    const { runDigestCli } = await import("./digest-cli.js");
    return runDigestCli(rest, { json, out: io.out, ...(io.write ? { write: io.write } : {}) });
  }
  const known = ["ask", "cite", "positions", "status", "timeline", "sources"];
  if (!known.includes(command)) throw new UsageError(`unknown command “${command.slice(0, 40)}”; ${USAGE}`);
  const knowledge = createKnowledge(loadCorpus(process.env.SEEDS_DIR || DEFAULT_SEEDS_DIR, cliSeedOptions()));
  const print = async (value: unknown): Promise<void> => void (await io.out(JSON.stringify(value)));

  if (command === "ask" || command === "cite") {
    const run = command === "ask" ? knowledge.ask : knowledge.cite;
    if (stdin) {
      if (!json) throw new UsageError("--stdin needs --json (one JSON object per input line)");
      const lines = (await io.readStdin()).split(/\r?\n/);
      if (lines.at(-1) === "") lines.pop();
      for (const line of lines) {
        const checked = checkQuery(line);
        if (checked.ok) {
          await print(answerJson(run(checked.text)));
          continue;
        }
        const refused = { query: line.slice(0, 200), abstained: true, confidence: "none", items: [], notes: [], error: checked.message };
        await print(command === "cite" ? { ...refused, verdict: "unverified", reason: checked.message } : refused);
      }
      return;
    }
    const checked = checkQuery(rest.join(" "));
    if (!checked.ok) throw new UsageError(checked.message);
    if (json) await print(answerJson(run(checked.text)));
    else await io.out(await humanReply(knowledge, `${command} ${checked.text}`));
    return;
  }
  if (rest.length > 0 && command !== "positions") throw new UsageError(`“${command}” takes no arguments`);
  if (command === "positions") {
    const party = rest.join(" ").trim() || undefined;
    const found = positionsJson(knowledge, party);
    if (found === null) throw new UsageError(`unknown party “${party}”; try one of: ${knowledge.parties().join(", ")}`);
    if (json) await print(found);
    else await io.out(await humanReply(knowledge, `positions ${party ?? ""}`));
    return;
  }
  if (json) await print(command === "status" ? statusJson(knowledge) : command === "timeline" ? timelineJson(knowledge) : sourcesJson(knowledge));
  else await io.out(await humanReply(knowledge, command));
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
