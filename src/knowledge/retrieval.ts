import type { Analyzer } from "./analyze.js";
import { buildCompactIndex, bm25, type CompactIndex, type FieldPostings } from "./compact-index.js";
import { questionHints } from "./question.js";
import { definitionPattern, fuzzyDistance, hintFactor, RANKING, type RankedPassage, type Retriever } from "./ranking.js";
import type { Passage, Topic } from "./types.js";
import type { AnswerUnit } from "./units.js";

export type { RankedPassage, Retriever } from "./ranking.js";

/** One term to look up: a query term itself, or a similar spelling of it. */
interface TermSpec {
  readonly bit: number;
  readonly id: number;
  readonly weight: number;
  readonly exact: boolean;
}

/** Scratch space reused across queries (the retriever serves one query at a time). */
interface Scratch {
  readonly unitScore: Float64Array;
  readonly unitExact: Uint32Array;
  readonly unitFuzzy: Uint32Array;
  readonly contextScore: Float64Array;
  readonly sectionScore: Float64Array;
  readonly contextExact: Uint32Array;
  readonly sectionExact: Uint32Array;
  readonly passageFuzzy: Uint32Array;
  readonly touched: Uint8Array;
  readonly touchedList: Uint32Array;
  touchedCount: number;
}

function popcount(n: number): number {
  let x = n - ((n >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Passages containing each term in their own words (text, lead-in), for coverage weights. */
function passageDocumentFrequency(index: CompactIndex, vocabSize: number): Uint32Array {
  const df = new Uint32Array(vocabSize);
  const seen = new Int32Array(index.passageCount).fill(-1);
  for (let t = 0; t < vocabSize; t++) {
    let count = 0;
    for (let i = index.text.start[t]!; i < index.text.start[t + 1]!; i++) {
      const p = index.unitPassage[index.text.owner[i]!]!;
      if (seen[p] !== t) {
        seen[p] = t;
        count++;
      }
    }
    for (let i = index.context.start[t]!; i < index.context.start[t + 1]!; i++) {
      const p = index.context.owner[i]!;
      if (seen[p] !== t) {
        seen[p] = t;
        count++;
      }
    }
    df[t] = count;
  }
  return df;
}

/**
 * Builds the retriever: a compact typed-array index over sentence units, BM25+ over three fields
 * (sentence, paragraph context, section), question-type hints, and IDF-weighted query coverage.
 */
export function createRetriever(units: readonly AnswerUnit[], analyzer: Analyzer, topic: Topic): Retriever {
  const index = buildCompactIndex(units, analyzer);
  const vocabSize = index.text.start.length - 1;
  const df = passageDocumentFrequency(index, vocabSize);
  const passages = Math.max(1, index.passageCount);
  const partyIds = new Set(topic.parties.map((p) => p.id));
  const termCache = new Map<Passage, ReadonlySet<string>>();

  const scratch: Scratch = {
    unitScore: new Float64Array(index.unitCount),
    unitExact: new Uint32Array(index.unitCount),
    unitFuzzy: new Uint32Array(index.unitCount),
    contextScore: new Float64Array(index.passageCount),
    sectionScore: new Float64Array(index.passageCount),
    contextExact: new Uint32Array(index.passageCount),
    sectionExact: new Uint32Array(index.passageCount),
    passageFuzzy: new Uint32Array(index.passageCount),
    touched: new Uint8Array(index.passageCount),
    touchedList: new Uint32Array(index.passageCount),
    touchedCount: 0,
  };

  const queryTerms = (query: string): string[] => [...new Set(analyzer.terms(query))].slice(0, 32);
  const idfOf = (term: string): number => {
    const id = index.vocab.get(term);
    return Math.log(1 + passages / (id === undefined || df[id] === 0 ? 0.5 : df[id]!));
  };

  const expand = (terms: readonly string[]): TermSpec[] => {
    const specs: TermSpec[] = [];
    terms.forEach((term, bit) => {
      const id = index.vocab.get(term);
      if (id !== undefined) specs.push({ bit, id, weight: 1, exact: true });
      const distance = fuzzyDistance(term);
      if (distance === 0) return;
      for (const [similar, [similarId, d]] of index.vocab.fuzzyGet(term, distance)) {
        if (d > 0) specs.push({ bit, id: similarId, weight: (RANKING.fuzzyWeight * similar.length) / (similar.length + d), exact: false });
      }
    });
    return specs;
  };

  /** Adds one term's BM25+ contributions in one field; marks the passages it touches. */
  const accumulate = (field: FieldPostings, spec: TermSpec, boost: number, score: Float64Array, exact: Uint32Array, fuzzy: Uint32Array, perUnit: boolean): void => {
    const matching = field.matching[spec.id]!;
    const mask = 1 << spec.bit;
    for (let i = field.start[spec.id]!; i < field.start[spec.id + 1]!; i++) {
      const owner = field.owner[i]!;
      score[owner]! += spec.weight * boost * bm25(field.tf[i]!, matching, index.unitCount, field.length[owner]!, field.averageLength);
      if (spec.exact) exact[owner]! |= mask;
      else fuzzy[owner]! |= mask;
      const p = perUnit ? index.unitPassage[owner]! : owner;
      if (scratch.touched[p] === 0) {
        scratch.touched[p] = 1;
        scratch.touchedList[scratch.touchedCount++] = p;
      }
    }
  };

  return {
    size: units.length,
    queryTerms,
    termsOf(passage) {
      let terms = termCache.get(passage);
      if (!terms) {
        terms = new Set(analyzer.terms([passage.text, passage.leadIn ?? "", passage.section ?? "", passage.cells?.map((c) => c.header).join(" ") ?? ""].join(" ")));
        if (termCache.size > 10_000) termCache.clear();
        termCache.set(passage, terms);
      }
      return terms;
    },
    rank(query: string, limit = 10): RankedPassage[] {
      const terms = queryTerms(query);
      if (terms.length === 0) return [];
      const hints = questionHints(query);
      const defines = hints.subject ? definitionPattern(hints.subject, analyzer, topic) : null;
      const askedParties = hints.stance ? [...analyzer.concepts(query)].filter((id) => partyIds.has(id)) : [];
      const weights = terms.map(idfOf);
      const total = weights.reduce((a, b) => a + b, 0);

      const s = scratch;
      s.touchedCount = 0;
      for (const spec of expand(terms)) {
        accumulate(index.text, spec, RANKING.boost.text, s.unitScore, s.unitExact, s.unitFuzzy, true);
        accumulate(index.context, spec, RANKING.boost.context, s.contextScore, s.contextExact, s.passageFuzzy, false);
        accumulate(index.section, spec, RANKING.boost.section, s.sectionScore, s.sectionExact, s.passageFuzzy, false);
      }

      const top: RankedPassage[] = [];
      let floor = -Infinity;
      const consider = (r: RankedPassage): void => {
        if (top.length >= limit && r.score <= floor) return;
        top.push(r);
        top.sort((a, b) => b.score - a.score || a.passage.id.localeCompare(b.passage.id));
        if (top.length > limit) top.pop();
        if (top.length >= limit) floor = top[top.length - 1]!.score;
      };

      for (let k = 0; k < s.touchedCount; k++) {
        const p = s.touchedList[k]!;
        const shared = s.contextScore[p]! + s.sectionScore[p]!;
        const passageMask = s.contextExact[p]! | s.sectionExact[p]! | s.passageFuzzy[p]!;
        let bestScore = 0;
        let bestUnit = -1;
        let bodyExact = s.contextExact[p]!;
        let fuzzy = s.passageFuzzy[p]!;
        for (let u = index.passageUnits[p]!; u < index.passageUnits[p + 1]!; u++) {
          const quality = popcount(s.unitExact[u]! | s.unitFuzzy[u]! | passageMask);
          bodyExact |= s.unitExact[u]!;
          fuzzy |= s.unitFuzzy[u]!;
          if (quality === 0) continue;
          const score = (s.unitScore[u]! + shared) * quality * hintFactor(units[u]!, hints, defines, askedParties);
          if (score > bestScore) {
            bestScore = score;
            bestUnit = u;
          }
          s.unitScore[u] = 0;
          s.unitExact[u] = 0;
          s.unitFuzzy[u] = 0;
        }
        let matchedWeight = 0;
        let matched = 0;
        terms.forEach((_, bit) => {
          const mask = 1 << bit;
          if (bodyExact & mask) matchedWeight += weights[bit]!;
          else if (s.sectionExact[p]! & mask) matchedWeight += weights[bit]! * RANKING.sectionOnly;
          else if (fuzzy & mask) matchedWeight += weights[bit]! * RANKING.fuzzyCoverage;
          else return;
          matched++;
        });
        s.contextScore[p] = 0;
        s.sectionScore[p] = 0;
        s.contextExact[p] = 0;
        s.sectionExact[p] = 0;
        s.passageFuzzy[p] = 0;
        s.touched[p] = 0;
        if (bestUnit < 0) continue;
        const unit = units[bestUnit]!;
        const coverage = total > 0 ? matchedWeight / total : 0;
        consider({ passage: unit.passage, document: unit.document, best: unit, score: bestScore * (RANKING.coverageFloor + coverage), coverage, matched });
      }
      return top;
    },
  };
}
