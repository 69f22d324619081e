/**
 * `cli sources add <url> | remove <document|url> | follow <feed-url> | poll [--json]`: the
 * articles and feeds stored in the bot's database (`DATABASE_URL`, else `DATABASE_PATH`), fetched
 * under the safety rules of src/sources/web (`FETCH_ALLOW_HOSTS`).
 */
import type { Config } from "../config.js";
import type { Knowledge } from "../knowledge/knowledge.js";
import { openStore } from "../db/open-store.js";
import { readStored, type StoredSnapshot } from "../sources/article-store.js";
import { addArticle, followFeed, pollFeeds, SourceError, type AddedArticle, type LivingSourcesContext } from "../sources/living.js";

/** The `sources` subcommands that change what the bot serves. */
export const SOURCES_ACTIONS = ["add", "remove", "follow", "poll"] as const;

const USAGE = "usage: cli sources add <url> | sources remove <document|url> | sources follow <feed-url> | sources poll [--json]";

/** What the sources CLI needs from the main CLI. */
export interface SourcesCliIo {
  readonly json: boolean;
  readonly out: (line: string) => unknown;
  /** The knowledge served now, with the `stored` articles (to spot syndicated copies); loaded on demand. */
  readonly knowledge: (stored: StoredSnapshot) => Knowledge;
  /** Raised for bad input: one line, exit 2. */
  readonly usageError: (message: string) => Error;
}

function line(a: AddedArticle): string {
  const where = [a.outlet, a.published].filter(Boolean).join(", ");
  return `Added “${a.title}”${where ? ` (${where})` : ""}: ${a.paragraphs} paragraphs, as ${a.document}.`;
}

/** Runs one `sources` action; bad input and failed fetches throw `usageError` (nothing is stored then). */
export async function runSourcesCli(args: readonly string[], io: SourcesCliIo, config: Config): Promise<void> {
  const [action, ...rest] = args;
  const target = rest.join(" ").trim();
  if (action !== "poll" && target === "") throw io.usageError(USAGE);
  if (action === "poll" && target !== "") throw io.usageError(`“sources poll” takes no arguments; ${USAGE}`);
  const opened = await openStore(config);
  const store = opened.articles;
  const print = async (value: unknown): Promise<void> => void (await io.out(io.json ? JSON.stringify(value) : String(value)));
  try {
    const stored = await readStored(store);
    let knowledge: Knowledge | undefined;
    const served = (): Knowledge => (knowledge ??= io.knowledge(stored));
    const ctx: LivingSourcesContext = {
      store,
      documents: () => served().corpus.documents,
      get topic() {
        return served().corpus.topic;
      },
      allowHosts: config.FETCH_ALLOW_HOSTS,
    };
    switch (action) {
      case "add": {
        const result = await addArticle(target, ctx);
        if (io.json) await print(result);
        else await print("added" in result ? line(result.added) : `Already known as ${result.duplicate.document} (${result.duplicate.url}); nothing added.`);
        return;
      }
      case "remove": {
        const removed = await store.remove(target);
        if (!removed) throw io.usageError(`no added article is “${target.slice(0, 200)}”; see “cli sources --json” for documents and URLs`);
        if (io.json) await print({ removed: { document: removed.document, url: removed.url } });
        else await print(`Removed “${removed.title}” (${removed.document}); it is no longer served.`);
        return;
      }
      case "follow": {
        const followed = await followFeed(target, ctx);
        if (io.json) await print({ following: followed });
        else await print(`Following ${followed.feed}${followed.title ? ` (“${followed.title}”)` : ""}; new entries about the story are added at each poll.`);
        return;
      }
      case "poll": {
        const result = await pollFeeds(ctx);
        if (io.json) await print(result);
        else {
          for (const a of result.added) await print(line(a));
          for (const s of result.skipped) await print(`Skipped ${s.url}: ${s.reason}`);
          if (result.added.length + result.skipped.length === 0) await print("Nothing new in the followed feeds.");
        }
        return;
      }
      default:
        throw io.usageError(`unknown sources action “${String(action).slice(0, 40)}”; ${USAGE}`);
    }
  } catch (error) {
    if (error instanceof SourceError) throw io.usageError(error.message);
    throw error;
  } finally {
    await opened.close();
  }
}
