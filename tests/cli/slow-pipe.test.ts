import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { openDigestStore } from "../digest/helpers.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Runs the CLI with its stdout on a pipe that nobody reads for `stallMs` (so the 64 KiB pipe
 * buffer fills), then reads it all — or, with `closeAfterFirstChunk`, closes the pipe after one chunk.
 */
function runCliThroughPipe(
  args: readonly string[],
  options: { env?: Record<string, string>; stdin?: string; stallMs?: number; closeAfterFirstChunk?: boolean },
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LOG_LEVEL: "error", ...options.env },
    });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.stdout.pause();
    setTimeout(() => {
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString("utf8");
        if (options.closeAfterFirstChunk) child.stdout.destroy();
      });
      child.stdout.resume();
    }, options.stallMs ?? 1500);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? "");
  });
}

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

async function tempDatabaseWithDailyDigests(count: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "cli-pipe-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, "bot.db");
  const store = await openDigestStore(path);
  for (let i = 0; i < count; i++) {
    await store.upsertSubscription({ platform: "console", channel: `c${String(i).padStart(3, "0")}`, time: "08:00", timeZone: "UTC", mode: "daily", subscriber: "test" }, [], new Date("2026-03-01T00:00:00Z"));
  }
  await store.close();
  return path;
}

async function sentRuns(path: string): Promise<number> {
  const store = await openDigestStore(path);
  try {
    return (await store.runs()).filter((r) => r.state === "sent").length;
  } finally {
    await store.close();
  }
}

describe("CLI output through a slow pipe", () => {
  it("ask --stdin --json writes every answer before exiting", async () => {
    const questions = Array.from({ length: 300 }, (_, i) => (i % 2 === 0 ? "How much did Amazon commit to invest in OpenAI?" : "Is there a lawsuit yet?"));
    const result = await runCliThroughPipe(["ask", "--stdin", "--json"], { stdin: `${questions.join("\n")}\n` });
    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n").filter(Boolean);
    expect(lines).toHaveLength(300);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });

  it("digest tick --json writes one complete JSON object for 200 digests, all recorded sent", async () => {
    const db = await tempDatabaseWithDailyDigests(200);
    const result = await runCliThroughPipe(["digest", "tick", "--at", "2026-03-02T12:00:00Z", "--json"], { env: { DATABASE_PATH: db } });
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as { sent: { channel: string; localDate: string; mode: string; text: string }[] };
    expect(parsed.sent).toHaveLength(200);
    expect(parsed.sent[0]).toMatchObject({ channel: "c000", localDate: "2026-03-02", mode: "daily" });
    expect(await sentRuns(db)).toBe(200);
  });

  it("digest tick --json does not record digests sent that it could not write, and exits 1", async () => {
    const db = await tempDatabaseWithDailyDigests(200);
    const result = await runCliThroughPipe(["digest", "tick", "--at", "2026-03-02T12:00:00Z", "--json"], { env: { DATABASE_PATH: db }, stallMs: 300, closeAfterFirstChunk: true });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: could not write the output/m);
    expect(await sentRuns(db)).toBeLessThan(200);
  });
});
