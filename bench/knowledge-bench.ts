import MiniSearch from "minisearch";
import type { Corpus } from "../src/knowledge/corpus.js";
import { createKnowledge, type Knowledge } from "../src/knowledge/knowledge.js";
import { measureBuild, timeQueries } from "./measure.js";

/** Figures for one corpus: dispute-bot's index against plain MiniSearch over the same paragraphs. */
export interface CorpusFigures {
  readonly name: string;
  readonly paragraphs: number;
  readonly buildMs: number;
  readonly rawBuildMs: number;
  readonly heapMb: number;
  readonly rawHeapMb: number;
  readonly query: { p50: number; p95: number; p99: number };
  readonly rawQuery: { p50: number; p95: number; p99: number };
  /** dispute-bot's knowledge over the corpus, for further figures. */
  readonly knowledge: Knowledge;
}

/**
 * Builds dispute-bot's knowledge (index, features) and a plain MiniSearch (default options, one
 * `text` field per paragraph) over the same corpus, and times the same queries on both: a full
 * `ask` (ranking and answer) for dispute-bot, `search` for MiniSearch.
 */
export function benchCorpus(name: string, corpus: Corpus, queries: readonly string[]): CorpusFigures {
  const paragraphs = corpus.documents.flatMap((d) => d.passages.map((p) => ({ id: p.id, text: p.text })));
  const ours = measureBuild(() => createKnowledge(corpus));
  const query = timeQueries(queries, (q) => ours.value.ask(q));
  const raw = measureBuild(() => {
    const index = new MiniSearch<{ id: string; text: string }>({ fields: ["text"] });
    index.addAll(paragraphs);
    return index;
  });
  // plain MiniSearch takes up to seconds a query at 100k paragraphs: warm it up on a few queries only, and time one round there
  const rawQuery = timeQueries(queries, (q) => raw.value.search(q), 20, paragraphs.length > 20_000 ? 1 : 3);
  return {
    name,
    paragraphs: paragraphs.length,
    buildMs: ours.ms,
    rawBuildMs: raw.ms,
    heapMb: ours.heapMb,
    rawHeapMb: raw.heapMb,
    knowledge: ours.value,
    query,
    rawQuery,
  };
}
