import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { Logger } from "pino";
import { openStore } from "../../src/db/open-store.js";
import type { DigestStore } from "../../src/digest/store.js";
import type { Reply } from "../../src/reply/reply.js";
import { createKnowledgeHolder, type KnowledgeHolder } from "../../src/sources/holder.js";
import { createLogger } from "../../src/log.js";
import { DEFAULT_SEEDS_DIR } from "../../src/paths.js";

/** A digest store opened alone on a database, with what closing it needs. */
export type OpenDigestStore = DigestStore & { readonly schemaVersion: number; close(): Promise<void> };

/** Opens the digest store of the SQLite database at `path` (or of PostgreSQL at `databaseUrl`). */
export async function openDigestStore(path: string, databaseUrl?: string): Promise<OpenDigestStore> {
  const store = await openStore({ DATABASE_PATH: path, DATABASE_URL: databaseUrl });
  return { ...store.digests, schemaVersion: store.schemaVersion, close: () => store.close() };
}

/** A fresh temp folder; removed by `cleanup()`. */
export function tempDir(prefix = "digest-"): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Copies the project's seeds into `dir/seeds` and returns the copy's path. */
export function copySeeds(dir: string): string {
  const seeds = join(dir, "seeds");
  cpSync(DEFAULT_SEEDS_DIR, seeds, { recursive: true });
  return seeds;
}

/** The id of the article `addArticle` writes. */
export const NEW_ARTICLE_ID = "900_newarticle";
export const NEW_ARTICLE_TITLE = "Microsoft files suit over Frontier hosting";

/** Drops a new article (.txt + .meta.json) into a seeds folder, as an operator would. */
export function addArticle(seedsDir: string, id = NEW_ARTICLE_ID, title = NEW_ARTICLE_TITLE): void {
  const text = [
    "Microsoft filed a lawsuit against Amazon and OpenAI on Monday, saying the Frontier deal breaches its exclusive Azure agreement.",
    "The complaint asks the court to stop Amazon Web Services from hosting Frontier until the dispute is resolved.",
    "OpenAI said it would defend the partnership and that talks with Microsoft had ended without agreement.",
    "",
  ].join("\n");
  writeFileSync(join(seedsDir, `${id}.txt`), text);
  writeFileSync(
    join(seedsDir, `${id}.meta.json`),
    JSON.stringify({ title, titleFrom: "capture", outlet: "Example Wire", author: null, published: "2026-04-06", publishedAt: null, url: null }),
  );
}

/** A knowledge holder over a seeds folder. */
export function holderFor(seedsDir: string): KnowledgeHolder {
  return createKnowledgeHolder(seedsDir);
}

/** A logger whose JSON lines are kept in `lines`. */
export function captureLogger(): { log: Logger; lines: () => Record<string, unknown>[] } {
  const raw: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      raw.push(...chunk.toString("utf8").split("\n").filter((l) => l !== ""));
      done();
    },
  });
  const log = createLogger("debug", sink);
  return { log, lines: () => raw.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

/** A deliver function that records posts. */
export function recordingDeliver(): {
  deliver: (platform: string, channel: string, reply: Reply) => Promise<{ messageId: string }>;
  posts: { platform: string; channel: string; reply: Reply }[];
} {
  const posts: { platform: string; channel: string; reply: Reply }[] = [];
  return {
    posts,
    async deliver(platform, channel, reply) {
      posts.push({ platform, channel, reply });
      return { messageId: `m${posts.length}` };
    },
  };
}

/** Every quote and text of a reply, flattened, for assertions. */
export function replyText(reply: Reply): string {
  return [reply.title, reply.text ?? "", ...reply.groups.flatMap((g) => [g.heading ?? "", ...g.quotes.map((q) => `${q.text} ${q.label}`)]), ...reply.notes].join("\n");
}

export const noSleep = async (): Promise<void> => {};
