import { createDispatcher, type Dispatcher } from "../../commands/dispatch.js";
import { createRateLimiter } from "../../commands/rate-limit.js";
import { loadCorpus } from "../../src/sources/seeds.js";
import { createKnowledge, type Knowledge } from "../../src/knowledge/knowledge.js";
import { DEFAULT_SEEDS_DIR } from "../../src/paths.js";

let shared: Knowledge | undefined;

/** The knowledge built from the project's real seeds (built once per test file). */
export function seedKnowledge(): Knowledge {
  shared ??= createKnowledge(loadCorpus(DEFAULT_SEEDS_DIR));
  return shared;
}

/** A dispatcher over the real seeds with a generous rate limit, for adapter tests. */
export function seedDispatcher(limitPerMinute = 1000): Dispatcher {
  const knowledge = seedKnowledge();
  return createDispatcher({ knowledge: () => knowledge, rateLimiter: createRateLimiter(limitPerMinute) });
}
