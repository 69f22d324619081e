/** Core data types of the knowledge layer. Everything here is plain data. */

/** Metadata of one source document, as its capture shows it; unknown fields are null. */
export interface DocumentMeta {
  readonly title: string;
  readonly titleFrom: "capture" | "text";
  readonly outlet: string | null;
  readonly author: string | null;
  /** Local publication date, YYYY-MM-DD. */
  readonly published: string | null;
  readonly publishedAt: string | null;
  readonly url: string | null;
  readonly notes?: string | undefined;
}

/** What kind of block of the article a passage came from. */
export type PassageKind = "paragraph" | "bullet" | "table-row" | "quote";

/** A sentence inside a passage: character offsets into `Passage.text`. */
export interface SentenceSpan {
  readonly start: number;
  readonly end: number;
}

/** One cell of a table row, with the column header that gives it meaning. */
export interface TableCell {
  readonly header: string;
  readonly value: string;
}

/** One article block that may be served as an answer: verbatim text plus where it came from. */
export interface Passage {
  /** Stable id: `<document>#<paragraph>`. */
  readonly id: string;
  readonly document: string;
  /** 1-based number among the document's kept passages (headings and boilerplate are not counted). */
  readonly paragraph: number;
  /** 1-based line in the seed file where the passage starts. */
  readonly line: number;
  readonly kind: PassageKind;
  /** Verbatim text from the seed (whitespace folded). */
  readonly text: string;
  /** The nearest heading above the passage, if any. */
  readonly section: string | null;
  /** For bullets: the line that introduced the list ("Microsoft argues:"). */
  readonly leadIn: string | null;
  /** For table rows: each cell with its column header. */
  readonly cells: readonly TableCell[] | null;
  readonly sentences: readonly SentenceSpan[];
}

/** A parsed source document. */
export interface SourceDocument {
  readonly id: string;
  readonly meta: DocumentMeta;
  /** The raw seed text, kept to prove quotes verbatim. */
  readonly raw: string;
  readonly passages: readonly Passage[];
  readonly headings: readonly string[];
}

/** Parties and terms of the story, from the topic file. */
export interface Topic {
  readonly story: string;
  readonly parties: readonly { readonly id: string; readonly name: string; readonly aliases: readonly string[] }[];
  readonly terms: readonly { readonly id: string; readonly name: string; readonly aliases: readonly string[] }[];
  readonly suggestions: readonly string[];
}

/** A citation as every answer shows it. */
export interface Citation {
  readonly document: string;
  readonly title: string;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly paragraph: number;
  readonly url: string | null;
  readonly section: string | null;
  /** For list items: the line that introduced the list ("Microsoft argues:"). */
  readonly leadIn: string | null;
  readonly line: number;
  /** Character offsets of the quoted sentences inside the paragraph. */
  readonly sentences: { readonly start: number; readonly end: number };
}

/** One quoted, cited passage of an answer. */
export interface AnswerItem {
  readonly text: string;
  readonly citation: Citation;
}

/** The result of `ask` or `cite`. */
export interface Answer {
  readonly query: string;
  readonly abstained: boolean;
  readonly items: readonly AnswerItem[];
  readonly notes: readonly string[];
}
