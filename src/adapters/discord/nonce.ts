import { createHash } from "node:crypto";

/** Discord accepts message nonces of at most 25 characters. */
export const NONCE_LENGTH = 25;

/**
 * The message nonce for an idempotency key: the first 25 hex digits (100 bits) of its SHA-256.
 * Posted with `enforce_nonce: true`, a second post with the same nonce within a few minutes
 * returns the first message instead of posting again.
 */
export function nonceOf(idempotencyKey: string): string {
  return createHash("sha256").update(idempotencyKey, "utf8").digest("hex").slice(0, NONCE_LENGTH);
}
