/**
 * `npm run bench`: dispute-bot's retrieval, start-up and chat path, each against a baseline
 * measured in the same run (absolute times on a shared machine are noise; ratios are not).
 * Deterministic: corpora and queries come from seeded generators. Prints a table, then one JSON
 * object as the last line.
 */
import { rmSync } from "node:fs";
import { buildCorpus } from "../src/knowledge/corpus.js";
import { extendKnowledge } from "../src/knowledge/knowledge.js";
import { loadCorpus } from "../src/sources/seeds.js";
import { DEFAULT_SEEDS_DIR } from "../src/paths.js";
import { benchDiscord, benchSlack } from "./chat-bench.js";
import { benchCompiledStartup } from "./compiled-startup-bench.js";
import { benchCorpus, type CorpusFigures } from "./knowledge-bench.js";
import { benchStartup, writeSeeds } from "./startup-bench.js";
import { syntheticQueries, syntheticSeeds } from "./synthetic.js";

const round = (n: number, digits = 2): number => Number(n.toFixed(digits));
const log = (line: string): void => void process.stdout.write(`${line}\n`);

function corpusRows(f: CorpusFigures): string[] {
  const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(3)}×` : "n/a");
  return [
    `| ${f.name} (${f.paragraphs} paragraphs) | build ms | ${f.buildMs.toFixed(0)} | ${f.rawBuildMs.toFixed(0)} | ${ratio(f.buildMs, f.rawBuildMs)} |`,
    `| | heap MB | ${f.heapMb.toFixed(1)} | ${f.rawHeapMb.toFixed(1)} | ${ratio(f.heapMb, f.rawHeapMb)} |`,
    `| | query p50 ms | ${f.query.p50.toFixed(3)} | ${f.rawQuery.p50.toFixed(3)} | ${ratio(f.query.p50, f.rawQuery.p50)} |`,
    `| | query p95 ms | ${f.query.p95.toFixed(3)} | ${f.rawQuery.p95.toFixed(3)} | ${ratio(f.query.p95, f.rawQuery.p95)} |`,
    `| | query p99 ms | ${f.query.p99.toFixed(3)} | ${f.rawQuery.p99.toFixed(3)} | ${ratio(f.query.p99, f.rawQuery.p99)} |`,
  ];
}

/** Runs `bench` `runs` times and takes the median of every figure separately. */
async function medianOf<T extends Record<string, number>>(runs: number, bench: () => Promise<T>): Promise<T> {
  const results: T[] = [];
  for (let i = 0; i < runs; i++) results.push(await bench());
  const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return Object.fromEntries(Object.keys(results[0]!).map((key) => [key, median(results.map((r) => r[key]!))])) as T;
}

async function main(): Promise<void> {
  const started = performance.now();
  const real = loadCorpus(DEFAULT_SEEDS_DIR);
  const queries = syntheticQueries(real, 200);

  log("dispute-bot benchmark (dispute-bot vs a baseline measured in the same run)");
  log("Corpora: baseline = plain MiniSearch, default options, one text field per paragraph; dispute-bot times a full `ask`.");
  log("");
  log("| corpus | figure | dispute-bot | baseline | ratio |");
  log("|---|---|---|---|---|");
  const seeds = benchCorpus("seeds", real, queries);
  corpusRows(seeds).forEach(log);
  const k10 = benchCorpus("synthetic 10k", buildCorpus(syntheticSeeds(real, 10_000, 10), real.topic, real.lexicon, real.vectors), queries);
  corpusRows(k10).forEach(log);
  const seeds100k = syntheticSeeds(real, 100_000, 100);
  const k100 = benchCorpus("synthetic 100k", buildCorpus(seeds100k, real.topic, real.lexicon, real.vectors), queries);
  corpusRows(k100).forEach(log);

  // one new article made answerable on the 100k index, in place, against the full build (median of 5)
  const article = { id: "zzz_added", raw: real.documents[0]!.raw, meta: real.documents[0]!.meta };
  const addTimes = [0, 1, 2, 3, 4].map(() => {
    const start = performance.now();
    const extended = extendKnowledge(k100.knowledge, buildCorpus([article], real.topic, real.lexicon, real.vectors).documents);
    extended.ask("How much is Amazon investing in OpenAI?");
    return performance.now() - start;
  });
  const addMs = addTimes.sort((a, b) => a - b)[2]!;
  log(`| | add one article in place, ms (median of 5; build and first answer) | ${addMs.toFixed(1)} | ${k100.buildMs.toFixed(0)} (full build) | ${(addMs / k100.buildMs).toFixed(4)}× |`);

  const dir = writeSeeds(seeds100k, real.topic);
  let startup: { coldMs: number; snapshotMs: number };
  try {
    startup = benchStartup(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  log(`| start-up, 100k | process start → index ready, ms | ${startup.snapshotMs.toFixed(0)} (snapshot) | ${startup.coldMs.toFixed(0)} (cold build) | ${(startup.snapshotMs / startup.coldMs).toFixed(3)}× |`);

  // the compiled bot (node dist/src/main.js, as the image runs it) against npm start's tsx, on the real seeds
  const compiledStart = benchCompiledStartup();
  log(`| start-up, seeds, compiled (median of 7) | process start → console session with no input → exit, ms | ${compiledStart.compiledMs.toFixed(0)} (node dist/src/main.js) | ${compiledStart.tsxMs.toFixed(0)} (node --import tsx src/main.ts) | ${(compiledStart.compiledMs / compiledStart.tsxMs).toFixed(3)}× |`);

  // the chat path's p99 swings from run to run on a shared machine: each figure is the median of 3 runs
  const slack = await medianOf(3, benchSlack);
  log(`| Slack /dispute ask, 1,000 requests, 20 concurrent (median of 3 runs) | ack p50 / p99 ms | ${slack.ackP50Ms.toFixed(2)} / ${slack.ackP99Ms.toFixed(2)} | ${slack.noopAckP50Ms.toFixed(2)} / ${slack.noopAckP99Ms.toFixed(2)} (no-op Bolt handler) | ${(slack.ackP99Ms / slack.noopAckP99Ms).toFixed(3)}× |`);
  log(`| | throughput req/s | ${slack.throughputPerS.toFixed(0)} | ${slack.noopThroughputPerS.toFixed(0)} | ${(slack.throughputPerS / slack.noopThroughputPerS).toFixed(3)}× |`);
  const discord = await medianOf(3, benchDiscord);
  log(`| Discord interaction, 1,000 (median of 3 runs) | handle p50 / p99 ms | ${discord.handleP50Ms.toFixed(2)} / ${discord.handleP99Ms.toFixed(2)} | ${discord.noopHandleP50Ms.toFixed(2)} / ${discord.noopHandleP99Ms.toFixed(2)} (no-op handler) | ${(discord.handleP99Ms / discord.noopHandleP99Ms).toFixed(3)}× |`);
  log("");
  log(`total ${((performance.now() - started) / 1000).toFixed(0)} s`);

  const figures = {
    seedsQueryP95Ms: round(seeds.query.p95, 3),
    q10kP95Ms: round(k10.query.p95, 3),
    q10kRawMinisearchP95Ms: round(k10.rawQuery.p95, 3),
    q100kP95Ms: round(k100.query.p95, 3),
    q100kRawMinisearchP95Ms: round(k100.rawQuery.p95, 3),
    q100kRatio: round(k100.query.p95 / k100.rawQuery.p95, 4),
    build100kMs: round(k100.buildMs, 0),
    addArticle100kMs: round(addMs, 1),
    build100kRawMinisearchMs: round(k100.rawBuildMs, 0),
    heap100kMb: round(k100.heapMb, 1),
    heap100kRawMinisearchMb: round(k100.rawHeapMb, 1),
    startSnapshotMs: round(startup.snapshotMs, 0),
    startColdMs: round(startup.coldMs, 0),
    startCompiledMs: round(compiledStart.compiledMs, 0),
    startTsxMs: round(compiledStart.tsxMs, 0),
    startCompiledRatio: round(compiledStart.compiledMs / compiledStart.tsxMs, 3),
    slackAckP99Ms: round(slack.ackP99Ms, 3),
    slackNoopAckP99Ms: round(slack.noopAckP99Ms, 3),
    slackAckRatio: round(slack.ackP99Ms / slack.noopAckP99Ms, 3),
    slackThroughputPerS: round(slack.throughputPerS, 0),
    discordHandleP99Ms: round(discord.handleP99Ms, 3),
    discordNoopHandleP99Ms: round(discord.noopHandleP99Ms, 3),
  };
  log(JSON.stringify(figures));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
