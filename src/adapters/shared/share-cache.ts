import type { Reply } from "../../reply/reply.js";
import type { ShareStore } from "../../store/shares.js";
import type { ShareOwner } from "./share-owner.js";

/** A kept answer, who may share it, and whether it was shared. */
export interface SharedEntry {
  readonly reply: Reply;
  readonly owner: ShareOwner;
  readonly shared: boolean;
}

/** Answers kept for their Share button, by a short random key (fits a Discord custom_id or a Slack button value). */
export interface ShareCache {
  /** Keeps a reply with the user (and channel) it was shown to; resolves with its key. */
  put(reply: Reply, owner: ShareOwner): Promise<string>;
  /** The entry kept under `key`, or null when there is none or it expired. */
  get(key: string): Promise<SharedEntry | null>;
  /** Marks the entry shared: true for the first click only, on whichever replica it lands. */
  markShared(key: string): Promise<boolean>;
}

/** Options of {@link createShareCache}. */
export interface ShareCacheOptions {
  /** How long a reply stays shareable. Default one hour. */
  readonly ttlMs?: number;
  readonly now?: () => number;
}

/** The shareable answers both chat adapters keep, in the share store every replica reads. */
export function createShareCache(store: ShareStore, options: ShareCacheOptions = {}): ShareCache {
  const ttlMs = options.ttlMs ?? 60 * 60 * 1000;
  const now = (): Date => new Date((options.now ?? Date.now)());
  return {
    put: (reply, owner) => store.put(reply, owner, new Date(now().getTime() + ttlMs)),
    async get(key) {
      const entry = await store.get(key, now());
      return entry ? { reply: entry.reply as Reply, owner: entry.owner, shared: entry.shared } : null;
    },
    markShared: (key) => store.markShared(key, now()),
  };
}
