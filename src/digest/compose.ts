import { quoteOf, type Reply, type ReplyGroup, type ReplyQuote } from "../reply/reply.js";
import { citationOf, excerptPassage } from "../knowledge/excerpt.js";
import type { Status } from "../knowledge/status.js";
import type { SourceDocument } from "../knowledge/types.js";
import type { DigestMode } from "./service.js";
import type { Told } from "./store.js";

/** At most this many quotes from new articles per digest. */
export const MAX_NEW_QUOTES = 5;
/** At most this many quotes from one new article. */
export const MAX_QUOTES_PER_ARTICLE = 2;
/** At most this many status quotes per digest. */
export const MAX_STATUS_QUOTES = 3;
/** Longest quote in a digest, ellipses included. */
export const DIGEST_QUOTE_CHARS = 300;

/** Everything a digest is made from; plain data, so composing is pure. */
export interface DigestInput {
  readonly mode: DigestMode;
  /** The local date the digest is for (YYYY-MM-DD). */
  readonly localDate: string;
  readonly status: Status;
  /** Every source document known now. */
  readonly documents: readonly SourceDocument[];
  /** Documents this subscription has already been told about (its baseline included). */
  readonly told: ReadonlySet<string>;
  /** Local date of the last digest sent, or of subscribing when none was sent yet. */
  readonly since: string;
}

/** A composed digest and what posting it tells the subscription. */
export interface ComposedDigest {
  readonly reply: Reply;
  readonly told: Told;
}

const byNewest = (a: SourceDocument, b: SourceDocument): number =>
  (b.meta.published ?? "").localeCompare(a.meta.published ?? "") || a.id.localeCompare(b.id);

function articleHeading(doc: SourceDocument): string {
  const where = [doc.meta.outlet, doc.meta.published ?? "undated"].filter((p): p is string => p !== null).join(", ");
  return `New: ${doc.meta.title} (${where})`;
}

/** Round-robin over new articles, newest first: each article's opening passages, at most MAX_NEW_QUOTES in all. */
function pickNewQuotes(docs: readonly SourceDocument[]): Map<string, ReplyQuote[]> {
  const picked = new Map<string, ReplyQuote[]>(docs.map((d) => [d.id, []]));
  let total = 0;
  for (let round = 0; round < MAX_QUOTES_PER_ARTICLE; round++) {
    for (const doc of docs) {
      if (total >= MAX_NEW_QUOTES) return picked;
      const passage = doc.passages[round];
      if (!passage) continue;
      const cut = excerptPassage(passage, 0, DIGEST_QUOTE_CHARS);
      picked.get(doc.id)!.push(quoteOf({ text: cut.text, citation: citationOf(doc, passage, cut.start, cut.end) }));
      total++;
    }
  }
  return picked;
}

/**
 * Composes a subscription's digest: the current status with its "as of" date, then cited quotes from
 * articles the subscription has not been told about. Mode `changes` returns null when nothing is new;
 * mode `daily` then says "No new developments since <date>" above the status.
 */
export function composeDigest(input: DigestInput): ComposedDigest | null {
  const fresh = input.documents.filter((d) => !input.told.has(d.id)).sort(byNewest);
  if (fresh.length === 0 && input.mode === "changes") return null;

  const status = input.status;
  const statusGroup: ReplyGroup = {
    heading: status.asOf ? `Status as of ${status.asOf}` : "Status (no source is dated)",
    quotes: status.items.slice(0, MAX_STATUS_QUOTES).map((item) => quoteOf(item)),
    empty: "The sources say nothing about where things stand.",
  };
  const picked = pickNewQuotes(fresh);
  const quoted = fresh.filter((d) => (picked.get(d.id)?.length ?? 0) > 0);
  const unquoted = fresh.filter((d) => (picked.get(d.id)?.length ?? 0) === 0);
  const newGroups: ReplyGroup[] = quoted.map((d) => ({ heading: articleHeading(d), quotes: picked.get(d.id)! }));

  const count = `${fresh.length} new source${fresh.length === 1 ? "" : "s"}`;
  const text = fresh.length === 0 ? `No new developments since ${input.since}.` : `${count} since ${input.since}.`;
  const notes = [
    ...(unquoted.length > 0 ? [`Also new: ${unquoted.map((d) => `“${d.meta.title}”${d.meta.outlet ? ` (${d.meta.outlet})` : ""}`).join("; ")}.`] : []),
    ...status.notes,
  ];
  return {
    reply: {
      kind: "answer",
      title: `Dispute digest for ${input.localDate}`,
      text,
      groups: [statusGroup, ...newGroups],
      notes,
      actions: [],
      ephemeral: false,
    },
    told: { documents: fresh.map((d) => d.id) },
  };
}
