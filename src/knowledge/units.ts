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

/** Answer units by id: all built up front, or made on first use (after loading a snapshot). */
export interface UnitTable {
  readonly length: number;
  at(unit: number): AnswerUnit;
}

/** A table over units already built. */
export function unitTable(units: readonly AnswerUnit[]): UnitTable {
  return { length: units.length, at: (u) => units[u]! };
}

/**
 * A table that makes each unit when it is first asked for, from the index layout: unit → passage
 * (`unitPassage`), passage → its first unit (`passageUnits`), and document → its first passage
 * (`documentFirst`, one entry per document plus the end). Only the documents whose units are asked
 * for have their passages read.
 */
export function lazyUnitTable(
  documents: readonly SourceDocument[],
  layout: { readonly unitPassage: Uint32Array; readonly passageUnits: Uint32Array; readonly documentFirst: Uint32Array },
): UnitTable {
  const made = new Map<number, AnswerUnit>();
  const documentOf = (p: number): number => {
    let lo = 0;
    let hi = documents.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (layout.documentFirst[mid]! <= p) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return {
    length: layout.unitPassage.length,
    at(u) {
      let unit = made.get(u);
      if (unit) return unit;
      const p = layout.unitPassage[u]!;
      const d = documentOf(p);
      const document = documents[d]!;
      const passage = document.passages[p - layout.documentFirst[d]!]!;
      const sentence = u - layout.passageUnits[p]!;
      const span = passage.sentences[sentence] ?? { start: 0, end: passage.text.length };
      unit = { id: u, passage, document, sentence, text: passage.text.slice(span.start, span.end) };
      if (made.size > 50_000) made.clear();
      made.set(u, unit);
      return unit;
    },
  };
}
