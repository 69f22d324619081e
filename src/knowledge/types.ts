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
  /** How the article came in: the seeds folder (absent), by URL or from a followed feed. */
  readonly addedVia?: "url" | "feed";
  /** When it was added (ISO date-time), for articles added by URL or from a feed. */
  readonly addedAt?: string;
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
  /** Terms of the story; terms of one `kind` ("cloud platform", "outlet") are alternatives to each other. */
  readonly terms: readonly { readonly id: string; readonly name: string; readonly aliases: readonly string[]; readonly kind?: string }[];
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

/** How sure the bot is that its passages answer the question: "none" when it abstains. */
export type Confidence = "high" | "low" | "none";

/** What the sources say of a claim. */
export type Verdict = "supported" | "contradicted" | "mixed" | "unverified";

/** The result of `ask` or `cite`. */
export interface Answer {
  readonly query: string;
  readonly abstained: boolean;
  readonly confidence: Confidence;
  readonly items: readonly AnswerItem[];
  readonly notes: readonly string[];
  /** For each note, the citations whose labels it shows ("Neowin, 2026-03-19, ¶6"), so renderers can link them. */
  readonly noteCitations?: readonly (readonly Citation[])[];
}

/** The result of `cite`: the passages for a claim and whether they support or contradict it. */
export interface ClaimCheck extends Answer {
  readonly verdict: Verdict;
  /** One short sentence built from the sources, e.g. "Sources say $50 billion, not $60 billion." */
  readonly reason: string;
}

/** A lexical resource (e.g. WordNet) the query side consults. */
export interface Lexicon {
  /** Synonyms of a word: plain words, most frequent senses first (derived forms included). */
  synonyms(word: string): readonly string[];
  /** Words derived from the same root (argument → argue, settle → settlement). */
  derived(word: string): readonly string[];
  /** Whether a word (or its base form) is a word of the language, as opposed to a typo. */
  isWord(word: string): boolean;
}

/** Word vectors (such as GloVe): words of like meaning have vectors pointing alike. */
export interface WordVectors {
  readonly dimensions: number;
  /** A word's row: its rank by frequency, the commonest word 0; undefined for a word not held. */
  rowOf(word: string): number | undefined;
  /** Adds `weight` times the row's unit vector to `into`. */
  addTo(into: Float32Array, row: number, weight: number): void;
}
