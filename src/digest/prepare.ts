import type { Knowledge } from "../knowledge/knowledge.js";
import { composeDigest, type ComposedDigest } from "./compose.js";
import { localDateTime } from "./schedule.js";
import type { Subscription } from "./service.js";
import type { DigestStore } from "./store.js";

/**
 * Gathers a subscription's state from the store and the current knowledge, and composes its digest
 * for `localDate`. Used both by the runner and by preview, so a preview is exactly what would be posted.
 * @returns null when the subscription's mode has nothing to post
 */
export async function prepareDigest(store: DigestStore, knowledge: Knowledge, subscription: Subscription, localDate: string): Promise<ComposedDigest | null> {
  const since = (await store.lastSentDate(subscription.id)) ?? localDateTime(new Date(subscription.createdAt), subscription.timeZone).date;
  return composeDigest({
    mode: subscription.mode,
    localDate,
    status: knowledge.status(),
    documents: knowledge.corpus.documents,
    told: await store.toldDocuments(subscription.id),
    since,
  });
}
