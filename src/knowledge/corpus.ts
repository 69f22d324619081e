import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ZodType } from "zod";
import { seedSchemas } from "./metadata.js";
import { parseSeed } from "./parse.js";
import { wordNetLexicon } from "../sources/wordnet.js";
import type { DocumentMeta, SourceDocument, Lexicon, Topic } from "./types.js";

/** Everything the bot knows: the parsed documents and the topic. */
export interface Corpus {
  readonly documents: readonly SourceDocument[];
  readonly topic: Topic;
  /** Synonyms of query words (a lexical resource such as WordNet); none when absent. */
  readonly lexicon?: Lexicon;
}

/** One seed as read from disk, before parsing. */
export interface SeedFile {
  readonly id: string;
  readonly raw: string;
  readonly meta: DocumentMeta;
}

/** Raised when a seed's metadata or the topic file is missing or malformed. */
export class SeedError extends Error {
  override name = "SeedError";
}

function readJson<T>(path: string, schema: ZodType<T>): T {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new SeedError(`${path}: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SeedError(`${path}: ${issue?.path.join(".") || "(root)"} ${issue?.message ?? "is invalid"}`);
  }
  return parsed.data;
}

/**
 * Reads every `*.txt` seed with its `*.meta.json` and the `topic.json` from a folder.
 * Adding an article is dropping both files into the folder.
 */
export function readSeeds(dir: string): { seeds: SeedFile[]; topic: Topic } {
  const topic = readJson(join(dir, "topic.json"), seedSchemas().topic);
  const seeds = readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((file) => {
      const id = file.slice(0, -".txt".length);
      const meta = readJson(join(dir, `${id}.meta.json`), seedSchemas().documentMeta);
      return { id, raw: readFileSync(join(dir, file), "utf8"), meta };
    });
  return { seeds, topic };
}

/** Parses seeds into documents. Pure. */
export function buildCorpus(seeds: readonly SeedFile[], topic: Topic, lexicon?: Lexicon): Corpus {
  const documents = seeds.map((seed) => {
    const parsed = parseSeed(seed.id, seed.raw, seed.meta.title);
    return { id: seed.id, meta: seed.meta, raw: seed.raw, passages: parsed.passages, headings: parsed.headings };
  });
  return lexicon ? { documents, topic, lexicon } : { documents, topic };
}

/** Reads and parses a seeds folder; query words get WordNet synonyms. */
export function loadCorpus(dir: string): Corpus {
  const { seeds, topic } = readSeeds(dir);
  return buildCorpus(seeds, topic, wordNetLexicon());
}
