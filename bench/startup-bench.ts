import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { SeedFile } from "../src/knowledge/corpus.js";
import type { Topic } from "../src/knowledge/types.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

/** Writes seed files and a topic file to a fresh folder. */
export function writeSeeds(seeds: readonly SeedFile[], topic: Topic): string {
  const dir = mkdtempSync(join(tmpdir(), "dispute-bench-seeds-"));
  for (const s of seeds) {
    writeFileSync(join(dir, `${s.id}.txt`), s.raw);
    writeFileSync(join(dir, `${s.id}.meta.json`), JSON.stringify(s.meta));
  }
  writeFileSync(join(dir, "topic.json"), JSON.stringify(topic));
  return dir;
}

function timeChild(seedsDir: string, cacheDir: string): { ms: number; from: string } {
  const start = performance.now();
  const r = spawnSync(process.execPath, ["--import", "tsx", "bench/startup-child.ts", seedsDir, cacheDir], { cwd: ROOT, encoding: "utf8" });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`start-up child failed: ${r.stderr.split("\n")[0]}`);
  return { ms, from: (JSON.parse(r.stdout.trim()) as { from: string }).from };
}

/**
 * Time from process start to a loaded index: once with no snapshot (a cold build, which also
 * writes the snapshot), then `runs` times with the snapshot; the median of those runs.
 */
export function benchStartup(seedsDir: string, runs = 3): { coldMs: number; snapshotMs: number } {
  const cache = mkdtempSync(join(tmpdir(), "dispute-bench-cache-"));
  mkdirSync(cache, { recursive: true });
  try {
    const cold = timeChild(seedsDir, cache);
    if (cold.from !== "build") throw new Error("the first start should build");
    const warm = Array.from({ length: runs }, () => timeChild(seedsDir, cache));
    if (warm.some((w) => w.from !== "snapshot")) throw new Error("later starts should load the snapshot");
    const sorted = warm.map((w) => w.ms).sort((a, b) => a - b);
    return { coldMs: cold.ms, snapshotMs: sorted[Math.floor(sorted.length / 2)]! };
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}
