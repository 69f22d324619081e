import type { SeedOptions } from "../sources/seeds.js";

/** How the CLI reads seeds: `MAX_ARTICLE_BYTES` from the environment; each skipped article is one warning line on stderr. */
export function cliSeedOptions(env: NodeJS.ProcessEnv = process.env): SeedOptions {
  const max = Number(env.MAX_ARTICLE_BYTES?.trim() || Number.NaN);
  return {
    ...(Number.isInteger(max) && max > 0 ? { maxArticleBytes: max } : {}),
    onSkipped: (file, reason) => process.stderr.write(`warning: skipped ${file}: ${reason}\n`),
  };
}
