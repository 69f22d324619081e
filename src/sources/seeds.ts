import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { ZodType } from "zod";
import { decodeArticle, DEFAULT_MAX_ARTICLE_BYTES } from "../knowledge/article-text.js";
import { buildCorpus, type Corpus, type SeedFile } from "../knowledge/corpus.js";
import { seedSchemas } from "../knowledge/metadata.js";
import type { Lexicon, Topic } from "../knowledge/types.js";
import { wordNetLexicon } from "./wordnet.js";

/** Raised when a seed's metadata or the topic file is missing or malformed; names the file and the reason. */
export class SeedError extends Error {
  override name = "SeedError";
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

/** How seeds are read. */
export interface SeedOptions {
  /** Articles (`.txt`) over this many bytes are skipped (default {@link DEFAULT_MAX_ARTICLE_BYTES}). */
  readonly maxArticleBytes?: number;
  /** Told about each article skipped (too big, empty, binary, not UTF-8), with the file and the reason. */
  readonly onSkipped?: (file: string, reason: string) => void;
}

function readJson<T>(path: string, schema: ZodType<T>): T {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new SeedError(path, (error as Error).message);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SeedError(path, `${issue?.path.join(".") || "(root)"} ${issue?.message ?? "is invalid"}`);
  }
  return parsed.data;
}

/** An article's text, or null (after telling `onSkipped`) when it is too big or not UTF-8 text. */
function readArticle(path: string, options: SeedOptions): string | null {
  const maxBytes = options.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES;
  const size = statSync(path).size;
  if (size > maxBytes) {
    options.onSkipped?.(path, `is ${size} bytes, over the ${maxBytes}-byte limit (MAX_ARTICLE_BYTES)`);
    return null;
  }
  const decoded = decodeArticle(readFileSync(path));
  if (!decoded.ok) {
    options.onSkipped?.(path, decoded.reason);
    return null;
  }
  return decoded.text;
}

/**
 * Reads every `*.txt` seed with its `*.meta.json` and the `topic.json` from a folder.
 * Adding an article is dropping both files into the folder. Articles that are too big, empty,
 * binary or not UTF-8 are skipped (reported through `onSkipped`); malformed metadata throws.
 * @throws SeedError naming the file and the reason
 */
export function readSeeds(dir: string, options: SeedOptions = {}): { seeds: SeedFile[]; topic: Topic } {
  const topic = readJson(join(dir, "topic.json"), seedSchemas().topic);
  const seeds: SeedFile[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".txt")).sort()) {
    const id = file.slice(0, -".txt".length);
    const meta = readJson(join(dir, `${id}.meta.json`), seedSchemas().documentMeta);
    const raw = readArticle(join(dir, file), options);
    if (raw !== null) seeds.push({ id, raw, meta });
  }
  return { seeds, topic };
}

/** Reads and parses a seeds folder; query words get WordNet synonyms. */
export function loadCorpus(dir: string, options: SeedOptions = {}): Corpus {
  const { seeds, topic } = readSeeds(dir, options);
  return buildCorpus(seeds, topic, defaultLexicon());
}

let lexicon: Lexicon | undefined;
/** The lexicon every corpus loaded from disk gets, built or restored from a snapshot: WordNet, read on first use. */
export function defaultLexicon(): Lexicon {
  lexicon ??= wordNetLexicon();
  return lexicon;
}
