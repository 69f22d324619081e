import type { Analyzer } from "./analyze.js";
import { extractDates, extractFigures } from "./facts.js";
import { attributedParties } from "./attribution.js";
import type { Passage, SourceDocument, Topic } from "./types.js";

/** One sentence of a passage: the unit the index ranks. */
export interface AnswerUnit {
  readonly id: number;
  readonly passage: Passage;
  readonly document: SourceDocument;
  readonly sentence: number;
  readonly text: string;
  /** The whole passage (for sentences of longer passages) and, for bullets, their lead-in. */
  readonly context: string;
  /** Section heading and table column headers. */
  readonly section: string;
  readonly hasDate: boolean;
  readonly hasFigure: boolean;
  /** The sentence gives an amount of money. */
  readonly hasMoney: boolean;
  readonly hasName: boolean;
  /** Parties the sentence attributes a position or action to. */
  readonly speakers: readonly string[];
}

const PROPER_NAME = /(?:^|[^.!?]\s)([A-Z][a-z]+(?:\s[A-Z][a-zA-Z]+)*)/;

/** Splits every passage into sentence units with their context fields. Pure. */
export function buildUnits(documents: readonly SourceDocument[], analyzer: Analyzer, topic: Topic): AnswerUnit[] {
  const units: AnswerUnit[] = [];
  for (const document of documents) {
    for (const passage of document.passages) {
      const spans = passage.sentences.length > 0 ? passage.sentences : [{ start: 0, end: passage.text.length }];
      const section = [passage.section ?? "", passage.cells?.map((c) => c.header).join(" ") ?? ""].join(" ").trim();
      spans.forEach((span, sentence) => {
        const text = passage.text.slice(span.start, span.end);
        const context = [passage.leadIn ?? "", spans.length > 1 ? passage.text : ""].join(" ").trim();
        units.push({
          id: units.length,
          passage,
          document,
          sentence,
          text,
          context,
          section,
          hasDate: extractDates(text, document.meta.published).length > 0,
          hasFigure: extractFigures(text).length > 0 || /\b\d+(\.\d+)?\s?(%|percent|gigawatts?|GW)\b/i.test(text),
          hasMoney: extractFigures(text).some((f) => f.key.startsWith("usd:")),
          hasName: analyzer.concepts(text).size > 0 || PROPER_NAME.test(text),
          speakers: attributedParties(passage, passage.kind === "paragraph" ? text : passage.text, analyzer, topic),
        });
      });
    }
  }
  return units;
}
