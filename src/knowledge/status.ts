import { citationOf, excerptPassage } from "./excerpt.js";
import type { Retriever } from "./retrieval.js";
import { jaccard, SAME_FACT } from "./similarity.js";
import type { AnswerItem, SourceDocument } from "./types.js";

/** Where things stand, as of the newest source. */
export interface Status {
  /** The newest publication date among the sources (YYYY-MM-DD), or null when none is dated. */
  readonly asOf: string | null;
  readonly items: readonly AnswerItem[];
  readonly notes: readonly string[];
}

/** What "where things stand" means, as a query over the passages. */
export const STATUS_QUERY = "lawsuit filed sued yet still talks discussions resolve settlement weighing considering court";
/** Sentences that report a present state rather than background. */
const PRESENT_STATE =
  /\b(?:no lawsuit|not (?:yet )?(?:been )?filed|filed (?:a |its )?(?:lawsuit|suit|complaint)|(?:has|have) sued|sued\b|settle(?:d|ment)|reached (?:an |a )?(?:agreement|deal|settlement)|dropped|withdrew|ruled|injunction|yet\b|still\b|as of\b|in talks|in discussions|is weighing|are weighing|is considering|is reportedly|are reportedly|remain(?:s)? unconfirmed|has signaled|will sue)\b/i;
const MAX_STATUS_ITEMS = 4;

/** The newest published date among documents, or null. */
export function newestDate(documents: readonly SourceDocument[]): string | null {
  return documents.map((d) => d.meta.published).filter((d): d is string => d !== null).sort().at(-1) ?? null;
}

/**
 * The state of the dispute: passages that report the present state (lawsuit filed or not, talks,
 * weighing), newest sources first, deduplicated, with `asOf` the newest publication date.
 */
export function currentStatus(documents: readonly SourceDocument[], retriever: Retriever): Status {
  const ranked = retriever.rank(STATUS_QUERY, 40).filter((r) => PRESENT_STATE.test(r.best.text));
  const picked: typeof ranked = [];
  for (const r of ranked) {
    if (picked.length >= MAX_STATUS_ITEMS) break;
    const terms = retriever.termsOf(r.passage);
    if (picked.some((p) => jaccard(retriever.termsOf(p.passage), terms) >= SAME_FACT)) continue;
    picked.push(r);
  }
  const recency = (d: SourceDocument): string => d.meta.published ?? "";
  picked.sort((a, b) => recency(b.document).localeCompare(recency(a.document)));
  const items = picked.map((r) => {
    const cut = excerptPassage(r.passage, r.best.sentence);
    return { text: cut.text, citation: citationOf(r.document, r.passage, cut.start, cut.end) };
  });
  const asOf = newestDate(documents);
  const undated = documents.filter((d) => d.meta.published === null).length;
  const notes = undated > 0 ? [`${undated} of ${documents.length} sources show no publication date; "as of" is the newest date shown.`] : [];
  return { asOf, items, notes };
}
