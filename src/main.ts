/** Process entry point: configuration, wiring and signals only. */
import { ConfigError, loadConfig } from "./config.js";
import { createRuntime } from "./runtime.js";

let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}

let runtime;
try {
  runtime = await createRuntime(config, { stdin: process.stdin, stdout: process.stdout });
} catch (error) {
  // e.g. an unusable database: one line naming the path and the reason, no stack trace
  process.stderr.write(`dispute-bot could not start: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}\n`);
  process.exit(1);
}
// a request, however malformed, must never take the process down: log what escaped and keep serving
process.on("unhandledRejection", (reason) => runtime.log.error({ err: reason }, "unhandled promise rejection; still running"));
let stopping = false;
const shutdown = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  try {
    runtime.log.info({ signal }, "shutting down");
  } catch {
    // a closed log pipe must not keep the bot from stopping
  }
  runtime.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      runtime.log.error({ err: error }, "shutdown failed");
      process.exit(1);
    },
  );
};
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGHUP", () => runtime.reload());
// Whatever runs us (npm, a shell, a wrapper) may be signalled and exit without passing the signal
// on; a bot re-parented that way stops instead of serving on unsupervised.
const parentAtStart = process.ppid;
setInterval(() => {
  if (process.ppid !== parentAtStart) shutdown("parent exited");
}, 1000).unref();
try {
  await runtime.start();
} catch (error) {
  runtime.log.fatal({ err: error }, "could not start");
  process.stderr.write(`dispute-bot could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  await runtime.stop().catch(() => undefined);
  process.exit(1);
}
if (runtime.consoleOnly) {
  await runtime.stop();
  process.exit(0);
}
