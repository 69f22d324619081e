import type { Passage, SourceDocument } from "./types.js";

/** One sentence of a passage: the unit the index ranks. */
export interface AnswerUnit {
  readonly id: number;
  readonly passage: Passage;
  readonly document: SourceDocument;
  readonly sentence: number;
  readonly text: string;
}

/** The context field of a passage's sentences: the list's lead-in and, when it has several sentences, the paragraph. */
export function passageContext(passage: Passage): string {
  return [passage.leadIn ?? "", passage.sentences.length > 1 ? passage.text : ""].join(" ").trim();
}

/** The section field of a passage: its heading and, for table rows, the column headers. */
export function passageSection(passage: Passage): string {
  return [passage.section ?? "", passage.cells?.map((c) => c.header).join(" ") ?? ""].join(" ").trim();
}

/** Splits every passage into sentence units (units of one passage are contiguous). Pure. */
export function buildUnits(documents: readonly SourceDocument[]): AnswerUnit[] {
  const units: AnswerUnit[] = [];
  for (const document of documents) {
    for (const passage of document.passages) {
      const spans = passage.sentences.length > 0 ? passage.sentences : [{ start: 0, end: passage.text.length }];
      spans.forEach((span, sentence) => {
        units.push({ id: units.length, passage, document, sentence, text: passage.text.slice(span.start, span.end) });
      });
    }
  }
  return units;
}
