import type { Config } from "../config.js";
import { storedArticles } from "../sources/article-store.js";
import type { SeedOptions } from "../sources/seeds.js";

/**
 * How the CLI reads seeds: `MAX_ARTICLE_BYTES` from the configuration, the articles added to the
 * database at `DATABASE_PATH` after the folder's; each skipped article is one warning line on stderr.
 */
export function cliSeedOptions(config: Pick<Config, "MAX_ARTICLE_BYTES" | "DATABASE_PATH">): SeedOptions {
  return {
    maxArticleBytes: config.MAX_ARTICLE_BYTES,
    onSkipped: (file, reason) => process.stderr.write(`warning: skipped ${file}: ${reason}\n`),
    stored: storedArticles(config.DATABASE_PATH).read,
  };
}
