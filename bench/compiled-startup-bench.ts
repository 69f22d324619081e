/**
 * Start-up of the compiled bot against the TypeScript one, in the same run: `node dist/src/main.js`
 * (what the image and `npm run start:prod` run, laid out as the Dockerfile builds it) against
 * `node --import tsx src/main.ts` (what `npm start` execs). Each run is a whole console session with
 * no input: process start → index loaded (from a snapshot, written by a first run) → end of input
 * → exit 0.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { layOutImage } from "../tests/support/docker-image.js";
import { PROJECT_DIR } from "../tests/support/dockerfile.js";

interface Side {
  readonly command: readonly string[];
  readonly cwd: string;
  readonly env: Record<string, string>;
}

function timeRun(side: Side): number {
  const start = performance.now();
  const r = spawnSync(side.command[0]!, side.command.slice(1), { cwd: side.cwd, env: side.env, input: "", encoding: "utf8" });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`${side.command.join(" ")} exited ${r.status}: ${r.stderr.split("\n")[0]}`);
  return ms;
}

const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Median start-up (ms) of `runs` runs each, alternating the two, after one warm-up run each. */
export function benchCompiledStartup(runs = 7): { tsxMs: number; compiledMs: number } {
  const dir = mkdtempSync(join(tmpdir(), "dispute-bench-build-"));
  try {
    const image = layOutImage(join(dir, "image"));
    const env = (name: string): Record<string, string> => ({
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      DATABASE_PATH: join(dir, `${name}.db`),
      INDEX_CACHE_DIR: join(dir, `${name}-cache`),
    });
    const tsx: Side = { command: [process.execPath, "--import", "tsx", "src/main.ts"], cwd: PROJECT_DIR, env: env("tsx") };
    const compiled: Side = { command: image.cmd.map((part) => (part === "node" ? process.execPath : part)), cwd: image.workdir, env: { ...image.env, ...env("compiled") } };
    timeRun(tsx);
    timeRun(compiled);
    const tsxTimes: number[] = [];
    const compiledTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      tsxTimes.push(timeRun(tsx));
      compiledTimes.push(timeRun(compiled));
    }
    return { tsxMs: median(tsxTimes), compiledMs: median(compiledTimes) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
