import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_MAX_ARTICLE_BYTES } from "../knowledge/article-text.js";
import { defaultLexicon, loadCorpus, type SeedOptions } from "./seeds.js";
import { defaultWordVectors } from "./word-vectors.js";
import { createKnowledge, type Knowledge } from "../knowledge/knowledge.js";
import { SYNONYM_GROUPS } from "../knowledge/lexicon.js";
import { RANKING, type RetrieverData } from "../knowledge/ranking.js";
import { packCorpus, unpackCorpus, type PackedCorpus } from "../knowledge/snapshot-codec.js";
import { STOP_WORDS } from "../knowledge/stopwords.js";
import { decodeSnapshot, encodeSnapshot } from "./snapshot-file.js";

/** Bumped whenever parsing or the index layout changes, so old snapshots are rebuilt. */
export const INDEX_FORMAT = 7;

/** What a snapshot file holds. */
interface Snapshot {
  readonly key: string;
  readonly corpus: PackedCorpus;
  readonly data: RetrieverData;
}

/**
 * The snapshot key: a hash of every seed file's name, size and modification time, and of the
 * index options (format, ranking weights, synonyms, stop words), and of the stored articles'
 * version. Adding, removing or editing an
 * article, or changing an option, gives a new key; reading every article to hash its bytes would
 * cost more than the snapshot saves.
 */
export function snapshotKey(seedsDir: string, maxArticleBytes = DEFAULT_MAX_ARTICLE_BYTES, storedVersion = ""): string {
  const hash = createHash("sha256");
  hash.update(`stored:${storedVersion}\n`);
  hash.update(JSON.stringify({ INDEX_FORMAT, RANKING, SYNONYM_GROUPS, stop: [...STOP_WORDS].sort(), maxArticleBytes }));
  for (const file of readdirSync(seedsDir).sort()) {
    if (!/\.(txt|json)$/.test(file)) continue;
    const stat = statSync(join(seedsDir, file));
    hash.update(`\0${file}\0${stat.size}\0${stat.mtimeMs}`);
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
 * builds. A snapshot that cannot be read is ignored and rebuilt. Skipped articles are reported
 * (through `options.onSkipped`) when the index is built.
 */
export function loadKnowledge(seedsDir: string, cacheDir: string | null, given: SeedOptions = {}): LoadedKnowledge {
  // the stored articles are read once per load
  const stored = given.stored?.();
  const options: SeedOptions = stored ? { ...given, stored: () => stored } : given;
  const build = (): Knowledge => createKnowledge(loadCorpus(seedsDir, options));
  if (cacheDir === null) return { knowledge: build(), from: "build", snapshotPath: null };
  const key = snapshotKey(seedsDir, options.maxArticleBytes, stored?.version);
  const storedRaw = new Map((stored?.seeds ?? []).map((seed) => [seed.id, seed.raw]));
  const path = join(cacheDir, `index-${key}.bin`);
  try {
    const snapshot = decodeSnapshot(readFileSync(path)) as Snapshot;
    if (snapshot.key === key) {
      const { corpus, documentFirst } = unpackCorpus(snapshot.corpus, (id) => storedRaw.get(id) ?? readFileSync(join(seedsDir, `${id}.txt`), "utf8"));
      return { knowledge: createKnowledge({ ...corpus, lexicon: defaultLexicon(), vectors: defaultWordVectors() }, { data: snapshot.data, documentFirst }), from: "snapshot", snapshotPath: path };
    }
  } catch {
    // no snapshot yet, or an unreadable one: build
  }
  const knowledge = build();
  try {
    mkdirSync(cacheDir, { recursive: true });
    for (const old of readdirSync(cacheDir)) if (/^index-[0-9a-f]+\.bin$/.test(old) && old !== `index-${key}.bin`) rmSync(join(cacheDir, old), { force: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, encodeSnapshot({ key, corpus: packCorpus(knowledge.corpus), data: knowledge.retriever.data() } satisfies Snapshot));
    renameSync(temporary, path);
  } catch {
    return { knowledge, from: "build", snapshotPath: null };
  }
  return { knowledge, from: "build", snapshotPath: path };
}

