import SearchableMap from "minisearch/SearchableMap";
import type { Analyzer } from "./analyze.js";
import { passageContext, passageSection, type AnswerUnit } from "./units.js";

/**
 * A compact inverted index over sentence units, in typed arrays (compressed sparse rows).
 * Three fields, scored like MiniSearch's BM25+: `text` (the sentence, per unit), `context`
 * (the paragraph and the list's lead-in, per passage) and `section` (heading and column headers,
 * per passage). Passage-level fields are stored once per passage, not once per sentence.
 */
export interface CompactIndex {
  /** Term → term id; a radix tree, so fuzzy look-ups of unknown words are cheap. */
  readonly vocab: SearchableMap<number>;
  /** Number of units (BM25's document count). */
  readonly unitCount: number;
  readonly passageCount: number;
  /** Units of passage p are `passageUnits[p] .. passageUnits[p+1]-1`. */
  readonly passageUnits: Uint32Array;
  readonly unitPassage: Uint32Array;
  readonly text: FieldPostings;
  readonly context: FieldPostings;
  readonly section: FieldPostings;
}

/** Postings of one field in compressed-sparse-row form. */
export interface FieldPostings {
  /** Postings of term t are `start[t] .. start[t+1]-1`. */
  readonly start: Uint32Array;
  /** Unit ids (text) or passage ids (context, section). */
  readonly owner: Uint32Array;
  /** BM25+ term-frequency part of each posting, `d + tf(k+1) / (tf + k(1 - b + b·len/avg))`; times the idf gives the score. */
  readonly impact: Float32Array;
  /** Units containing the term in this field (for passage fields: the units of those passages). */
  readonly matching: Uint32Array;
  /** Distinct terms per owner. */
  readonly length: Uint16Array;
  readonly averageLength: number;
}

/** The text of each field for one unit or passage. */
interface FieldSource {
  readonly owner: number;
  readonly terms: readonly string[];
  /** How many units this owner stands for (1 for units, the sentence count for passages). */
  readonly weight: number;
}

/** A field's postings while they are collected. */
interface FieldDraft {
  readonly perTerm: Map<number, { owner: number; tf: number }[]>;
  readonly matchingWeight: Map<number, number>;
  readonly length: Uint16Array;
  readonly averageLength: number;
}

function collectField(sources: readonly FieldSource[], owners: number, termIds: Map<string, number>, totalUnits: number): FieldDraft {
  const perTerm = new Map<number, { owner: number; tf: number }[]>();
  const matchingWeight = new Map<number, number>();
  const length = new Uint16Array(owners);
  let weightedLength = 0;
  for (const src of sources) {
    const counts = new Map<number, number>();
    for (const term of src.terms) {
      let id = termIds.get(term);
      if (id === undefined) {
        id = termIds.size;
        termIds.set(term, id);
      }
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    length[src.owner] = Math.min(counts.size, 65_535);
    weightedLength += counts.size * src.weight;
    for (const [id, tf] of counts) {
      let list = perTerm.get(id);
      if (!list) perTerm.set(id, (list = []));
      list.push({ owner: src.owner, tf: Math.min(tf, 65_535) });
      matchingWeight.set(id, (matchingWeight.get(id) ?? 0) + src.weight);
    }
  }
  return { perTerm, matchingWeight, length, averageLength: totalUnits > 0 ? weightedLength / totalUnits : 0 };
}

function freezeField(draft: FieldDraft, vocabSize: number): FieldPostings {
  const start = new Uint32Array(vocabSize + 1);
  for (let t = 0; t < vocabSize; t++) start[t + 1] = start[t]! + (draft.perTerm.get(t)?.length ?? 0);
  const owner = new Uint32Array(start[vocabSize]!);
  const impact = new Float32Array(start[vocabSize]!);
  const matching = new Uint32Array(vocabSize);
  for (const [t, list] of draft.perTerm) {
    let at = start[t]!;
    for (const p of list) {
      owner[at] = p.owner;
      impact[at++] = bm25Impact(p.tf, draft.length[p.owner]!, draft.averageLength);
    }
    matching[t] = draft.matchingWeight.get(t) ?? 0;
  }
  return { start, owner, impact, matching, length: draft.length, averageLength: draft.averageLength };
}

/** The index as plain data (typed arrays and the term list in id order), for snapshots. */
export type IndexData = Omit<CompactIndex, "vocab"> & { readonly terms: readonly string[] };

/** Turns the index into plain data. */
export function indexData(index: CompactIndex): IndexData {
  const terms: string[] = [];
  for (const [term, id] of index.vocab) terms[id] = term;
  const { vocab: _vocab, ...rest } = index;
  return { ...rest, terms };
}

/** Rebuilds an index from its plain data. */
export function restoreIndex(data: IndexData): CompactIndex {
  const vocab = new SearchableMap<number>();
  data.terms.forEach((term, id) => vocab.set(term, id));
  const { terms: _terms, ...rest } = data;
  return { ...rest, vocab };
}

/** Builds the compact index over units (units of one passage must be contiguous). */
export function buildCompactIndex(units: readonly AnswerUnit[], analyzer: Analyzer): CompactIndex {
  const termIds = new Map<string, number>();
  const passageIndex = new Map<unknown, number>();
  const passageUnitsList: number[] = [];
  const unitPassage = new Uint32Array(units.length);
  const contextSources: FieldSource[] = [];
  const sectionSources: FieldSource[] = [];
  const firstUnits: AnswerUnit[] = [];
  units.forEach((unit, u) => {
    let p = passageIndex.get(unit.passage);
    if (p === undefined) {
      p = passageIndex.size;
      passageIndex.set(unit.passage, p);
      passageUnitsList.push(u);
      firstUnits.push(unit);
    }
    unitPassage[u] = p;
  });
  const passageCount = passageIndex.size;
  const passageUnits = new Uint32Array(passageCount + 1);
  passageUnitsList.forEach((u, p) => (passageUnits[p] = u));
  passageUnits[passageCount] = units.length;
  firstUnits.forEach((unit, p) => {
    const weight = passageUnits[p + 1]! - passageUnits[p]!;
    contextSources.push({ owner: p, terms: analyzer.terms(passageContext(unit.passage)), weight });
    sectionSources.push({ owner: p, terms: analyzer.terms(passageSection(unit.passage)), weight });
  });
  const textDraft = collectField(units.map((u, i) => ({ owner: i, terms: analyzer.terms(u.text), weight: 1 })), units.length, termIds, units.length);
  const contextDraft = collectField(contextSources, passageCount, termIds, units.length);
  const sectionDraft = collectField(sectionSources, passageCount, termIds, units.length);
  const vocab = new SearchableMap<number>();
  for (const [term, id] of termIds) vocab.set(term, id);
  return {
    vocab,
    unitCount: units.length,
    passageCount,
    passageUnits,
    unitPassage,
    text: freezeField(textDraft, termIds.size),
    context: freezeField(contextDraft, termIds.size),
    section: freezeField(sectionDraft, termIds.size),
  };
}

/** BM25+ parameters, as MiniSearch uses them. */
const K = 1.2;
const B = 0.7;
const D = 0.5;

/** The term-frequency part of BM25+ for one posting. */
export function bm25Impact(tf: number, length: number, averageLength: number): number {
  return D + (tf * (K + 1)) / (tf + K * (1 - B + (B * length) / (averageLength || 1)));
}

/** The inverse document frequency part of BM25+. */
export function bm25Idf(matching: number, total: number): number {
  return Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
}
