/** A small in-memory map whose entries expire after a while and whose size is bounded. */
export interface ExpiringMap<V> {
  get(key: string): V | undefined;
  has(key: string): boolean;
  set(key: string, value: V): void;
  readonly size: number;
}

/** Options of {@link createExpiringMap}. */
export interface ExpiringMapOptions {
  readonly ttlMs: number;
  /** When full, the oldest entry is dropped. */
  readonly maxEntries: number;
  readonly now?: () => number;
}

/** Creates an {@link ExpiringMap}; expired entries are dropped lazily, oldest first. */
export function createExpiringMap<V>(options: ExpiringMapOptions): ExpiringMap<V> {
  const now = options.now ?? Date.now;
  const entries = new Map<string, { value: V; expires: number }>();
  const sweep = (): void => {
    const t = now();
    for (const [key, entry] of entries) {
      if (entry.expires > t) break;
      entries.delete(key);
    }
  };
  const live = (key: string): { value: V } | undefined => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  return {
    get: (key) => live(key)?.value,
    has: (key) => live(key) !== undefined,
    set(key, value) {
      sweep();
      entries.delete(key);
      entries.set(key, { value, expires: now() + options.ttlMs });
      while (entries.size > options.maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
    },
    get size() {
      sweep();
      return entries.size;
    },
  };
}
