import { pino, type Logger } from "pino";

/** Creates the process logger. Secrets never reach it: tokens are redacted wherever they appear. */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { app: "dispute-bot" },
      redact: {
        paths: ["token", "*.token", "headers.authorization", "*.headers.authorization", "config.SLACK_BOT_TOKEN", "config.SLACK_SIGNING_SECRET", "config.SLACK_APP_TOKEN", "config.DISCORD_TOKEN"],
        censor: "[redacted]",
      },
    },
    destination ?? pino.destination(2),
  );
}
