import type { Config } from "../config.js";
import type { SeedOptions } from "../sources/seeds.js";

/** How the CLI reads seeds: `MAX_ARTICLE_BYTES` from the configuration; each skipped article is one warning line on stderr. */
export function cliSeedOptions(config: Pick<Config, "MAX_ARTICLE_BYTES">): SeedOptions {
  return {
    maxArticleBytes: config.MAX_ARTICLE_BYTES,
    onSkipped: (file, reason) => process.stderr.write(`warning: skipped ${file}: ${reason}\n`),
  };
}
