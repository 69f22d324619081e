import { randomBytes } from "node:crypto";
import type { Reply } from "../../../commands/reply.js";

/** Answers kept for their Share button, by a short key that fits in a custom_id. */
export interface ShareCache {
  /** Stores a reply and returns its key. */
  put(reply: Reply): string;
  /** The reply stored under `key`, or null when it expired or was evicted. */
  get(key: string): Reply | null;
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
  const entries = new Map<string, { reply: Reply; expires: number }>();
  const sweep = (at: number): void => {
    for (const [key, entry] of entries) {
      if (entry.expires > at) break; // insertion order is expiry order
      entries.delete(key);
    }
  };
  return {
    put(reply) {
      const at = now();
      sweep(at);
      let key = randomBytes(6).toString("base64url");
      while (entries.has(key)) key = randomBytes(6).toString("base64url");
      entries.set(key, { reply, expires: at + ttlMs });
      while (entries.size > capacity) entries.delete(entries.keys().next().value!);
      return key;
    },
    get(key) {
      const entry = entries.get(key);
      if (!entry) return null;
      if (entry.expires <= now()) {
        entries.delete(key);
        return null;
      }
      return entry.reply;
    },
    get size() {
      return entries.size;
    },
  };
}
