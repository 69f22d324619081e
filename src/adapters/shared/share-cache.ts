import { randomBytes } from "node:crypto";
import type { Reply } from "../../reply/reply.js";
import { createExpiringMap } from "./expiring-map.js";
import type { ShareOwner } from "./share-owner.js";

/** A kept answer, who may share it, and whether it was shared. */
export interface SharedEntry {
  readonly reply: Reply;
  readonly owner: ShareOwner;
  shared: boolean;
}

/** Answers kept for their Share button, by a short random key (fits a Discord custom_id or a Slack button value). */
export interface ShareCache {
  /** Stores a reply with the user (and channel) it was shown to, and returns its key. */
  put(reply: Reply, owner: ShareOwner): string;
  /** The entry stored under `key`, or null when it expired or was evicted. */
  get(key: string): SharedEntry | null;
  readonly size: number;
}

/** Limits of the share cache. */
export interface ShareCacheOptions {
  /** Most replies kept; the oldest go first. Default 500. */
  readonly capacity?: number;
  /** How long a reply stays shareable. Default one hour. */
  readonly ttlMs?: number;
  readonly now?: () => number;
}

/** Creates the bounded in-memory cache of shareable answers both chat adapters use. */
export function createShareCache(options: ShareCacheOptions = {}): ShareCache {
  const entries = createExpiringMap<SharedEntry>({
    ttlMs: options.ttlMs ?? 60 * 60 * 1000,
    maxEntries: Math.max(1, options.capacity ?? 500),
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    put(reply, owner) {
      let key = randomBytes(6).toString("base64url");
      while (entries.has(key)) key = randomBytes(6).toString("base64url");
      entries.set(key, { reply, owner, shared: false });
      return key;
    },
    get: (key) => entries.get(key) ?? null,
    get size() {
      return entries.size;
    },
  };
}
