import { randomBytes } from "node:crypto";
import type { Reply } from "../../reply/reply.js";
import type { ShareOwner } from "../share-owner.js";

/** A kept answer and who may share it. */
export interface SharedEntry {
  readonly reply: Reply;
  readonly owner: ShareOwner;
}

/** Answers kept for their Share button, by a short key that fits in a custom_id. */
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

/** Creates a small bounded in-memory cache of shareable answers. */
export function createShareCache(options: ShareCacheOptions = {}): ShareCache {
  const capacity = Math.max(1, options.capacity ?? 500);
  const ttlMs = options.ttlMs ?? 60 * 60 * 1000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { entry: SharedEntry; expires: number }>();
  const sweep = (at: number): void => {
    for (const [key, entry] of entries) {
      if (entry.expires > at) break; // insertion order is expiry order
      entries.delete(key);
    }
  };
  return {
    put(reply, owner) {
      const at = now();
      sweep(at);
      let key = randomBytes(6).toString("base64url");
      while (entries.has(key)) key = randomBytes(6).toString("base64url");
      entries.set(key, { entry: { reply, owner }, expires: at + ttlMs });
      while (entries.size > capacity) entries.delete(entries.keys().next().value!);
      return key;
    },
    get(key) {
      const kept = entries.get(key);
      if (!kept) return null;
      if (kept.expires <= now()) {
        entries.delete(key);
        return null;
      }
      return kept.entry;
    },
    get size() {
      return entries.size;
    },
  };
}
