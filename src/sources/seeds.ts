import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { ZodType } from "zod";
import { decodeArticle, DEFAULT_MAX_ARTICLE_BYTES } from "../knowledge/article-text.js";
import { buildCorpus, type Corpus, type SeedFile } from "../knowledge/corpus.js";
import { seedSchemas } from "../knowledge/metadata.js";
import type { DocumentMeta, Lexicon, Topic } from "../knowledge/types.js";
import { wordNetLexicon } from "./wordnet.js";
import { defaultWordVectors } from "./word-vectors.js";

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
  /** Told about each article skipped (too big, empty, binary, not UTF-8, malformed metadata), with the file and the reason. */
  readonly onSkipped?: (file: string, reason: string) => void;
  /** Articles added by URL or from feeds (the article store), read at each load and served after the folder's; `version` changes with them. */
  readonly stored?: () => { readonly seeds: readonly SeedFile[]; readonly version: string };
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
 * The metadata of an article: its `.meta.json`, or, when there is none, the article's first line
 * as its title and everything else unknown. Null (after telling `onSkipped`) when the file exists
 * but cannot be read or is malformed.
 */
function readMeta(dir: string, id: string, raw: string, options: SeedOptions): DocumentMeta | null {
  const path = join(dir, `${id}.meta.json`);
  if (!existsSync(path)) {
    const title = raw.split(/\r?\n/).map((l) => l.trim()).find((l) => l !== "")!.slice(0, 200);
    return { title, titleFrom: "text", outlet: null, author: null, published: null, publishedAt: null, url: null };
  }
  try {
    return readJson(path, seedSchemas().documentMeta);
  } catch (error) {
    if (!(error instanceof SeedError)) throw error;
    options.onSkipped?.(path, error.reason);
    return null;
  }
}

/**
 * Reads every `*.txt` seed with its `*.meta.json` and the `topic.json` from a folder.
 * Adding an article is dropping its `.txt` (and, best, a `.meta.json`) into the folder. Articles
 * that are too big, empty, binary or not UTF-8, or whose metadata is malformed, are skipped and
 * reported through `onSkipped`; an article without metadata is served with its first line as
 * title. Only a missing or malformed `topic.json` stops the load.
 * @throws SeedError naming the topic file and the reason
 */
export function readSeeds(dir: string, options: SeedOptions = {}): { seeds: SeedFile[]; topic: Topic } {
  const topic = readJson(join(dir, "topic.json"), seedSchemas().topic);
  const seeds: SeedFile[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".txt")).sort()) {
    const id = file.slice(0, -".txt".length);
    const raw = readArticle(join(dir, file), options);
    if (raw === null) continue;
    const meta = readMeta(dir, id, raw, options);
    if (meta !== null) seeds.push({ id, raw, meta });
  }
  return { seeds, topic };
}

/** Reads and parses a seeds folder, with the stored articles after its own; query words get WordNet synonyms, passages word vectors. */
export function loadCorpus(dir: string, options: SeedOptions = {}): Corpus {
  const { seeds, topic } = readSeeds(dir, options);
  return buildCorpus([...seeds, ...(options.stored?.().seeds ?? [])], topic, defaultLexicon(), defaultWordVectors());
}

let lexicon: Lexicon | undefined;
/** The lexicon every corpus loaded from disk gets, built or restored from a snapshot: WordNet, read on first use. */
export function defaultLexicon(): Lexicon {
  lexicon ??= wordNetLexicon();
  return lexicon;
}
