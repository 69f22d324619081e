import type { AnswerItem, Citation, Passage, SourceDocument } from "./types.js";

/** Longest quote an answer item may carry, ellipses included: room for a whole news paragraph (about 120 words). */
export const MAX_ITEM_CHARS = 700;

/** A verbatim cut of a passage: whole sentences, with "…" where text was left out. */
export interface Excerpt {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Cuts a passage to at most `max` characters around one sentence, at sentence boundaries,
 * marking cuts with "…". A single sentence longer than `max` is cut at a word boundary.
 */
export function excerptPassage(passage: Passage, sentence: number, max = MAX_ITEM_CHARS): Excerpt {
  const text = passage.text;
  if (text.length <= max) return { text, start: 0, end: text.length };
  const spans = passage.sentences;
  const at = Math.min(Math.max(sentence, 0), spans.length - 1);
  const first = spans[at];
  if (!first) return cutWords(text, 0, max);
  let lo = at;
  let hi = at;
  const size = (l: number, h: number): number =>
    spans[h]!.end - spans[l]!.start + (l > 0 ? 2 : 0) + (h < spans.length - 1 ? 2 : 0);
  if (size(lo, hi) > max) return cutWords(text, first.start, max);
  for (let grew = true; grew; ) {
    grew = false;
    if (hi + 1 < spans.length && size(lo, hi + 1) <= max) {
      hi++;
      grew = true;
    }
    if (lo > 0 && size(lo - 1, hi) <= max) {
      lo--;
      grew = true;
    }
  }
  const start = spans[lo]!.start;
  const end = spans[hi]!.end;
  return {
    text: `${lo > 0 ? "… " : ""}${text.slice(start, end)}${hi < spans.length - 1 ? " …" : ""}`,
    start,
    end,
  };
}

function cutWords(text: string, start: number, max: number): Excerpt {
  const room = max - (start > 0 ? 4 : 2);
  const slice = text.slice(start, start + room);
  const space = slice.lastIndexOf(" ");
  const end = start + (space > room / 2 ? space : room);
  return { text: `${start > 0 ? "… " : ""}${text.slice(start, end)} …`, start, end };
}

/** The citation of a passage (or of sentences of it) in a document. */
export function citationOf(document: SourceDocument, passage: Passage, start = 0, end = passage.text.length): Citation {
  return {
    document: document.id,
    title: document.meta.title,
    outlet: document.meta.outlet,
    published: document.meta.published,
    paragraph: passage.paragraph,
    url: document.meta.url,
    section: passage.section,
    leadIn: passage.leadIn,
    line: passage.line,
    sentences: { start, end },
  };
}

/** An answer item: the excerpt around a sentence, with its citation. */
export function itemOf(document: SourceDocument, passage: Passage, sentence: number): AnswerItem {
  const cut = excerptPassage(passage, sentence);
  return { text: cut.text, citation: citationOf(document, passage, cut.start, cut.end) };
}

/** A short human label for a citation: "Neowin, 2026-03-19, ¶3" or "“Title”, ¶3". */
export function citationLabel(c: Citation): string {
  const source = c.outlet ?? `“${c.title}”`;
  return `${source}${c.published ? `, ${c.published}` : ""}, ¶${c.paragraph}`;
}
