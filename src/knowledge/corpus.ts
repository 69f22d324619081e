import type { WordAssociations } from "./associations.js";
import { parseSeed } from "./parse.js";
import type { DocumentMeta, SourceDocument, Lexicon, Topic, WordVectors } from "./types.js";

/** Everything the bot knows: the parsed documents and the topic. */
export interface Corpus {
  readonly documents: readonly SourceDocument[];
  readonly topic: Topic;
  /** Synonyms of query words (a lexical resource such as WordNet); none when absent. */
  readonly lexicon?: Lexicon;
  /** Word vectors that reorder the best passages by meaning; none when absent. */
  readonly vectors?: WordVectors;
  /** Words learned to stand in for question words in answering passages; the fitted ones (`ASSOCIATIONS`) when absent. */
  readonly associations?: WordAssociations;
}

/** One seed as read from disk, before parsing. */
export interface SeedFile {
  readonly id: string;
  readonly raw: string;
  readonly meta: DocumentMeta;
}

/** Parses seeds into documents. Pure. */
export function buildCorpus(seeds: readonly SeedFile[], topic: Topic, lexicon?: Lexicon, vectors?: WordVectors): Corpus {
  const documents = seeds.map((seed) => {
    const parsed = parseSeed(seed.id, seed.raw, seed.meta.title);
    return { id: seed.id, meta: seed.meta, raw: seed.raw, passages: parsed.passages, headings: parsed.headings };
  });
  return { documents, topic, ...(lexicon ? { lexicon } : {}), ...(vectors ? { vectors } : {}) };
}
