import { buildCorpus, type SeedFile } from "../knowledge/corpus.js";
import { extendKnowledge, type Knowledge } from "../knowledge/knowledge.js";
import type { SeedOptions } from "./seeds.js";
import { loadKnowledge } from "./snapshot.js";

/** Holds the current knowledge and rebuilds it from the seeds folder on demand. */
export interface KnowledgeHolder {
  current(): Knowledge;
  /**
   * Re-reads the seeds. On failure the previous knowledge stays in use and the error is returned.
   * @returns the documents added since the previous load, or the error
   */
  reload(): { ok: true; added: string[] } | { ok: false; error: Error };
  /**
   * Adds articles to the index in place (no rebuild): they answer at once. A later reload builds
   * everything afresh, from the seeds folder and the stored articles.
   * @returns the documents added
   */
  extend(seeds: readonly SeedFile[]): string[];
}

/**
 * Loads the seeds folder once now (from an index snapshot in `cacheDir` when the seeds have not
 * changed); `reload()` picks up new or changed articles. Articles that cannot be served are
 * skipped and reported through `options.onSkipped`.
 */
export function createKnowledgeHolder(seedsDir: string, cacheDir: string | null = null, options: SeedOptions = {}): KnowledgeHolder {
  let knowledge = loadKnowledge(seedsDir, cacheDir, options).knowledge;
  return {
    current: () => knowledge,
    reload() {
      try {
        const before = new Set(knowledge.corpus.documents.map((d) => d.id));
        knowledge = loadKnowledge(seedsDir, cacheDir, options).knowledge;
        return { ok: true, added: knowledge.corpus.documents.map((d) => d.id).filter((id) => !before.has(id)) };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
      }
    },
    extend(seeds) {
      const known = new Set(knowledge.corpus.documents.map((d) => d.id));
      const fresh = buildCorpus(seeds.filter((seed) => !known.has(seed.id)), knowledge.corpus.topic).documents;
      knowledge = extendKnowledge(knowledge, fresh);
      return fresh.map((d) => d.id);
    },
  };
}
