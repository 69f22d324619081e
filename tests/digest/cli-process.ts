import { execFile } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The project root. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TSX = join(ROOT, "node_modules", ".bin", "tsx");

/** What a child process printed and how it ended. */
export interface ProcessResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a TypeScript entry point in a child process (via tsx) with extra environment. */
export function runTs(script: string, args: readonly string[], env: Record<string, string>): Promise<ProcessResult> {
  return new Promise((resolve) => {
    execFile(TSX, [join(ROOT, script), ...args], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: "warn", ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs `cli <args>` (src/cli/main.ts) in a child process. */
export function runCliProcess(args: readonly string[], env: Record<string, string>): Promise<ProcessResult> {
  return runTs("src/cli/main.ts", args, env);
}
