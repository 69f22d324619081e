import { createRequire } from "node:module";
import { pino, type DestinationStream, type Logger } from "pino";

/** Builds a stream that turns pino's JSON lines into readable text (the shape of `pino-pretty`'s export). */
export type Prettifier = (options: { destination: number | NodeJS.WritableStream; sync: boolean; colorize: boolean }) => DestinationStream;

/** How the logger writes; every field has a default for the running bot. */
export interface LogOptions {
  /** Whether a person reads the lines in a terminal. Default: no `destination` was given and stdout and stderr are both TTYs. */
  readonly terminal?: boolean;
  /** Loads the prettifier, or returns null where it is not installed. Default: `pino-pretty`, a dev dependency (absent from production installs). */
  readonly prettifier?: () => Prettifier | null;
}

/** `pino-pretty` when it can be loaded; null where it is not installed (a production install). */
export function loadPinoPretty(): Prettifier | null {
  try {
    return createRequire(import.meta.url)("pino-pretty") as Prettifier;
  } catch {
    return null;
  }
}

/**
 * Creates the process logger. Lines are JSON (to stderr, or `destination`); only for a person at a
 * terminal, and only where `pino-pretty` is installed, they are pretty-printed. Secrets never
 * reach it: tokens are redacted wherever they appear.
 */
export function createLogger(level: string, destination?: NodeJS.WritableStream, options: LogOptions = {}): Logger {
  const terminal = options.terminal ?? (destination === undefined && process.stdout.isTTY === true && process.stderr.isTTY === true);
  const prettify = terminal ? (options.prettifier ?? loadPinoPretty)() : null;
  const stream = prettify ? prettify({ destination: destination ?? 2, sync: true, colorize: destination === undefined }) : (destination ?? pino.destination(2));
  return pino(
    {
      level,
      base: { app: "dispute-bot" },
      redact: {
        paths: ["token", "*.token", "headers.authorization", "*.headers.authorization", "config.SLACK_BOT_TOKEN", "config.SLACK_SIGNING_SECRET", "config.SLACK_APP_TOKEN", "config.SLACK_CLIENT_SECRET", "config.SLACK_STATE_SECRET", "config.DISCORD_TOKEN"],
        censor: "[redacted]",
      },
    },
    stream,
  );
}
