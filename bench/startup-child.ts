/** Loads a seeds folder as the bot does at start (snapshot when present) and exits: `<seeds> <cacheDir|off>`. */
import { loadKnowledge } from "../src/sources/snapshot.js";

const [seeds, cache] = process.argv.slice(2);
const loaded = loadKnowledge(seeds!, cache === "off" ? null : cache!);
process.stdout.write(`${JSON.stringify({ from: loaded.from, passages: loaded.knowledge.passageCount })}\n`);
