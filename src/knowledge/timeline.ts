import type { Analyzer } from "./analyze.js";
import { citationOf, excerptPassage } from "./excerpt.js";
import { documentYear, extractDates } from "./facts.js";
import { jaccard } from "./similarity.js";
import type { AnswerItem, SourceDocument } from "./types.js";

/** A dated event: the sentence that dates it, verbatim, with its citation. */
export interface TimelineEvent extends AnswerItem {
  readonly date: string;
  readonly approximate: boolean;
}

/** Events on compatible dates whose sentences are at least this similar are one event… */
const SAME_EVENT = 0.3;
/** …or this similar, when one document gives the same date twice in its prose (table rows are separate entries). */
const SAME_DOCUMENT_EVENT = 0.15;

function compatible(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

/**
 * Dated events in ascending order, deduplicated across sources (the more precise, then the
 * exact, report is kept). Relative dates are resolved against each document's publication date
 * and marked approximate; where a document has no date they are left out. A day and month
 * without a year ("Trial begins April 27") takes the year of the document's date, or of the latest
 * year the document names, and is marked approximate.
 */
export function buildTimeline(documents: readonly SourceDocument[], analyzer: Analyzer): TimelineEvent[] {
  const events: (TimelineEvent & { terms: Set<string>; row: boolean })[] = [];
  for (const document of documents) {
    const year = document.meta.published ? null : documentYear(document.passages.map((p) => p.text));
    for (const passage of document.passages) {
      for (const span of passage.sentences) {
        const sentence = passage.text.slice(span.start, span.end);
        const dates = extractDates(sentence, document.meta.published, year);
        if (dates.length === 0) continue;
        const single = { ...passage, text: sentence, sentences: [{ start: 0, end: sentence.length }] };
        const cut = excerptPassage(single, 0);
        const terms = new Set(analyzer.terms(sentence));
        for (const found of dates) {
          const event = {
            date: found.date,
            approximate: found.approximate,
            text: cut.text,
            citation: citationOf(document, passage, span.start, span.start + (cut.end - cut.start)),
            terms,
            row: passage.kind === "table-row",
          };
          const twin = events.findIndex(
            (e) =>
              compatible(e.date, event.date) &&
              jaccard(e.terms, terms) >= (e.date === event.date && e.citation.document === document.id && !e.row && !event.row ? SAME_DOCUMENT_EVENT : SAME_EVENT),
          );
          if (twin < 0) events.push(event);
          else if (better(event, events[twin]!)) events[twin] = event;
        }
      }
    }
  }
  return events
    .sort((a, b) => a.date.localeCompare(b.date) || a.citation.document.localeCompare(b.citation.document) || a.citation.paragraph - b.citation.paragraph)
    .map(({ terms: _terms, row: _row, ...event }) => event);
}

function better(a: TimelineEvent, b: TimelineEvent): boolean {
  if (a.approximate !== b.approximate) return !a.approximate;
  return a.date.length > b.date.length;
}
