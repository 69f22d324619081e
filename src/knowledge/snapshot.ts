import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { buildCorpus, readSeeds, type Corpus } from "./corpus.js";
import { createKnowledge, type Knowledge } from "./knowledge.js";
import { SYNONYM_GROUPS } from "./lexicon.js";
import { RANKING, type RetrieverData } from "./ranking.js";
import { STOP_WORDS } from "./stopwords.js";

/** Bumped whenever parsing or the index layout changes, so old snapshots are rebuilt. */
export const INDEX_FORMAT = 3;

/** What a snapshot file holds. */
interface Snapshot {
  readonly key: string;
  readonly corpus: Corpus;
  readonly data: RetrieverData;
}

/**
 * The snapshot key: a hash of every seed file (names and bytes) and of the index options
 * (format, ranking weights, synonyms, stop words). Any change gives a new key.
 */
export function snapshotKey(seedsDir: string): string {
  const hash = createHash("sha256");
  hash.update(JSON.stringify({ INDEX_FORMAT, RANKING, SYNONYM_GROUPS, stop: [...STOP_WORDS].sort() }));
  for (const file of readdirSync(seedsDir).sort()) {
    if (!/\.(txt|json)$/.test(file)) continue;
    hash.update(`\0${file}\0`);
    hash.update(readFileSync(join(seedsDir, file)));
  }
  return hash.digest("hex").slice(0, 32);
}

/** Where and whether a knowledge base came from a snapshot. */
export interface LoadedKnowledge {
  readonly knowledge: Knowledge;
  readonly from: "snapshot" | "build";
  readonly snapshotPath: string | null;
}

/**
 * Loads the seeds folder, from a snapshot in `cacheDir` when one with the same key exists,
 * otherwise by parsing and indexing (and then saving a snapshot). With `cacheDir` null, always
 * builds. A snapshot that cannot be read is ignored and rebuilt.
 */
export function loadKnowledge(seedsDir: string, cacheDir: string | null): LoadedKnowledge {
  if (cacheDir === null) {
    const { seeds, topic } = readSeeds(seedsDir);
    return { knowledge: createKnowledge(buildCorpus(seeds, topic)), from: "build", snapshotPath: null };
  }
  const key = snapshotKey(seedsDir);
  const path = join(cacheDir, `index-${key}.bin`);
  try {
    const snapshot = deserialize(readFileSync(path)) as Snapshot;
    if (snapshot.key === key) return { knowledge: createKnowledge(snapshot.corpus, snapshot.data), from: "snapshot", snapshotPath: path };
  } catch {
    // no snapshot yet, or an unreadable one: build
  }
  const { seeds, topic } = readSeeds(seedsDir);
  const knowledge = createKnowledge(buildCorpus(seeds, topic));
  try {
    mkdirSync(cacheDir, { recursive: true });
    for (const old of readdirSync(cacheDir)) if (/^index-[0-9a-f]+\.bin$/.test(old) && old !== `index-${key}.bin`) rmSync(join(cacheDir, old), { force: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, serialize({ key, corpus: knowledge.corpus, data: knowledge.retriever.data() } satisfies Snapshot));
    renameSync(temporary, path);
  } catch {
    return { knowledge, from: "build", snapshotPath: null };
  }
  return { knowledge, from: "build", snapshotPath: path };
}
