import { normalizeText, type Analyzer } from "./analyze.js";
import { cleanChatQuery } from "./chat-query.js";
import { bm25Idf, buildCompactIndex, indexData, restoreIndex, type CompactIndex, type FieldPostings } from "./compact-index.js";
import { LAYOUT_WORDS, questionHints } from "./question.js";
import { definitionPattern, fuzzyDistance, RANKING, type Retriever, type RetrieverData } from "./ranking.js";
import { TopK } from "./top-k.js";
import { isListItem, packFeatures, planHints, type HintPlan, type UnitFeatures } from "./unit-features.js";
import { ASSOCIATIONS, type WordAssociations } from "./associations.js";
import type { Passage, Lexicon, Topic } from "./types.js";
import { unitTable, type AnswerUnit, type UnitTable } from "./units.js";

export type { RankedPassage, Retriever, RetrieverData } from "./ranking.js";

/** One term to look up: a query term itself, or a similar spelling of it. */
interface TermSpec {
  readonly bit: number;
  readonly id: number;
  readonly weight: number;
  readonly exact: boolean;
}

/** How the index knows a query term. */
export type TermKind = "known" | "corrected" | "synonym" | "unknown";

/** A query as the index sees it. */
interface QueryPlan {
  readonly terms: readonly string[];
  readonly specs: readonly TermSpec[];
  /** Weight of each term (by bit) in coverage: its IDF, or 0 for a word the index cannot match. */
  readonly weights: readonly number[];
  readonly kinds: readonly TermKind[];
  /** The index terms each query term is matched by: itself, its correction, or its synonyms. */
  readonly matches: readonly (readonly string[])[];
}

/** An index term found for a query word. */
interface IndexTerm {
  readonly id: number;
  readonly term: string;
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

/** The passage-level results of one query, before they become ranked passages. */
interface PassageHit {
  readonly unit: number;
  readonly score: number;
  readonly coverage: number;
  readonly matched: number;
}

/**
 * Builds the retriever: a compact typed-array index over sentence units, BM25+ over three fields
 * (sentence, paragraph context, section), question-type hints, and IDF-weighted query coverage.
 * Passages that match fewer than `minMatched` query terms, or cannot beat the current top k,
 * are skipped without further work.
 */
export function createRetriever(units: readonly AnswerUnit[], analyzer: Analyzer, topic: Topic, lexicon?: Lexicon, associations: WordAssociations = ASSOCIATIONS): Retriever {
  const index = buildCompactIndex(units, analyzer);
  const df = passageDocumentFrequency(index, index.text.start.length - 1);
  return makeRetriever(unitTable(units), index, packFeatures(units, analyzer, topic), df, analyzer, topic, lexicon, associations);
}

/** The retriever over an index loaded from a snapshot; units are made as answers need them. */
export function restoreRetriever(units: UnitTable, saved: RetrieverData, analyzer: Analyzer, topic: Topic, lexicon?: Lexicon, associations: WordAssociations = ASSOCIATIONS): Retriever {
  const index = restoreIndex(saved.index);
  if (index.unitCount !== units.length) throw new Error(`index snapshot has ${index.unitCount} units, the corpus ${units.length}`);
  return makeRetriever(units, index, saved.features, saved.df, analyzer, topic, lexicon, associations);
}

/**
 * A retriever over a few documents added to a running index: its own small index, whose term
 * statistics (units and passages holding each term, and their totals) also count the `base`
 * retriever's, so its scores and weights compare with the base's. Building it reads only the
 * added documents; {@link combineRetrievers} serves both as one.
 */
export function createDeltaRetriever(
  units: readonly AnswerUnit[],
  analyzer: Analyzer,
  topic: Topic,
  lexicon: Lexicon | undefined,
  base: Retriever,
  associations: WordAssociations = ASSOCIATIONS,
): Retriever {
  const index = buildCompactIndex(units, analyzer);
  const vocabSize = index.text.start.length - 1;
  const df = passageDocumentFrequency(index, vocabSize);
  for (const [term, id] of index.vocab) {
    const known = base.termStatistics(term);
    if (!known) continue;
    index.text.matching[id]! += known.text;
    index.context.matching[id]! += known.context;
    index.section.matching[id]! += known.section;
    df[id]! += known.passages;
  }
  const totals = { units: index.unitCount + base.statisticsTotals().units, passages: index.passageCount + base.statisticsTotals().passages };
  return makeRetriever(unitTable(units), index, packFeatures(units, analyzer, topic), df, analyzer, topic, lexicon, associations, totals);
}

/** Serves a base retriever and a delta over added documents as one: rankings merged by score. */
export function combineRetrievers(base: Retriever, delta: Retriever): Retriever {
  return {
    size: base.size + delta.size,
    passageCount: base.passageCount + delta.passageCount,
    queryTerms: (query) => base.queryTerms(query),
    termsOf: (passage) => base.termsOf(passage),
    data: () => base.data(),
    statisticsTotals() {
      const a = base.statisticsTotals();
      const b = delta.statisticsTotals();
      // the delta's totals already count the base's
      return { units: Math.max(a.units, b.units), passages: Math.max(a.passages, b.passages) };
    },
    termStatistics(term) {
      // the delta's statistics already count the base's; a term only the base knows keeps the base's
      return delta.termStatistics(term) ?? base.termStatistics(term);
    },
    profile(query) {
      const a = base.profile(query);
      const b = delta.profile(query);
      return {
        terms: a.terms,
        kinds: a.kinds.map((k, i) => (k === "unknown" ? b.kinds[i]! : k)),
        weights: a.weights.map((w, i) => (a.kinds[i] === "unknown" ? b.weights[i]! : w)),
        matches: a.matches.map((m, i) => [...new Set([...m, ...b.matches[i]!])]),
      };
    },
    rank(query, limit = 10, minMatched = 1) {
      return [...base.rank(query, limit, minMatched), ...delta.rank(query, limit, minMatched)].sort((x, y) => y.score - x.score).slice(0, limit);
    },
  };
}

function makeRetriever(
  units: UnitTable,
  index: CompactIndex,
  features: UnitFeatures,
  df: Uint32Array,
  analyzer: Analyzer,
  topic: Topic,
  lexicon: Lexicon | undefined,
  associations: WordAssociations,
  /** Units and passages the term statistics count (more than this index holds, for a delta). */
  totals: { readonly units: number; readonly passages: number } = { units: index.unitCount, passages: index.passageCount },
): Retriever {
  const passages = Math.max(1, totals.passages);
  const partyOrder = topic.parties.map((p) => p.id);
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

  const layoutTerms = new Set(LAYOUT_WORDS.flatMap((w) => analyzer.terms(w)));
  const queryTerms = (query: string): string[] => [...new Set(analyzer.terms(cleanChatQuery(query)))].slice(0, 32);
  const idfOfId = (id: number): number => Math.log(1 + passages / (df[id] === 0 ? 0.5 : df[id]!));

  /** Index terms a synonym stands for: one known term, not already asked. */
  const synonymTerms = (word: string, asked: ReadonlySet<string>, words: readonly string[] = lexicon?.synonyms(word) ?? []): IndexTerm[] => {
    const found: IndexTerm[] = [];
    for (const synonym of words) {
      // a phrase ("make over") is not the one word left of it once its small words go
      if (/\s/.test(synonym)) continue;
      const terms = analyzer.terms(synonym);
      if (terms.length !== 1 || asked.has(terms[0]!)) continue;
      const id = index.vocab.get(terms[0]!);
      if (id !== undefined && !found.some((f) => f.id === id)) found.push({ id, term: terms[0]! });
      if (found.length >= RANKING.maxSynonyms) break;
    }
    return found;
  };

  /** Index terms learned to stand in for a query term in the passages answering it, not already asked. */
  const associated = (term: string, asked: ReadonlySet<string>): IndexTerm[] =>
    (associations[term] ?? []).flatMap((other) => {
      const id = asked.has(other) ? undefined : index.vocab.get(other);
      return id === undefined ? [] : [{ id, term: other }];
    });

  /**
   * What the index makes of a query: its terms, the look-ups for each (the term itself, similar
   * spellings, synonyms), and each term's weight. A word the index has never seen is corrected to
   * the closest index word when one is near; otherwise it stands for its synonyms that the index
   * knows; otherwise it weighs nothing, so it cannot count against an answer.
   */
  let lastPlan: { query: string; plan: QueryPlan } | null = null;
  /** The plan of a query; the last one is kept, as ranking, answerability and claim checks ask for the same query in turn. */
  const planQuery = (query: string): QueryPlan => {
    if (lastPlan?.query === query) return lastPlan.plan;
    const plan = makePlan(query);
    lastPlan = { query, plan };
    return plan;
  };

  const makePlan = (query: string): QueryPlan => {
    const cleaned = cleanChatQuery(query);
    const terms = [...new Set(analyzer.terms(cleaned))].slice(0, 32);
    const asked = new Set(terms);
    const surface = new Map<string, string>();
    for (const word of normalizeText(cleaned).split(/[^a-z0-9]+/)) {
      if (word.length < 3) continue;
      const t = analyzer.terms(word);
      if (t.length === 1 && !surface.has(t[0]!)) surface.set(t[0]!, word);
    }
    const specs: TermSpec[] = [];
    const weights: number[] = [];
    const kinds: TermKind[] = [];
    const matches: string[][] = [];
    terms.forEach((term, bit) => {
      const id = index.vocab.get(term);
      const word = surface.get(term);
      // "the table", "that row": the form of the answer wanted, not a word to find
      if (layoutTerms.has(term)) {
        weights.push(0);
        kinds.push("unknown");
        matches.push([]);
        return;
      }
      if (id !== undefined) {
        specs.push({ bit, id, weight: 1, exact: true });
        const distance = fuzzyDistance(term);
        if (distance > 0) {
          for (const [similar, [similarId, d]] of index.vocab.fuzzyGet(term, distance)) {
            if (d > 0) specs.push({ bit, id: similarId, weight: (RANKING.fuzzyWeight * similar.length) / (similar.length + d), exact: false });
          }
        }
        // words that questions use where answering passages use others ("probe" → "investigation") weigh less than the word
        for (const other of associated(term, asked)) specs.push({ bit, id: other.id, weight: RANKING.associationWeight, exact: false });
        weights.push(idfOfId(id));
        kinds.push("known");
        matches.push([term]);
        return;
      }
      const misspelt = word !== undefined && lexicon !== undefined && !lexicon.isWord(word);
      const correction = word && lexicon?.isWord(word) ? undefined : (closestTerm(term) ?? (misspelt ? respelled(word) : undefined));
      if (correction !== undefined) {
        specs.push({ bit, id: correction.id, weight: RANKING.correctionWeight, exact: true });
        weights.push(idfOfId(correction.id));
        kinds.push("corrected");
        matches.push([correction.term]);
        return;
      }
      // words of the same root ("argument" → "argues", "settl" → "settlement") stand in almost as the word itself; synonyms less so
      const rooted = [...(word ? synonymTerms(word, asked, lexicon?.derived(word) ?? []) : []), ...extensions(term), ...withUnits(term)];
      const expansions = [...rooted, ...(word ? synonymTerms(word, asked) : []), ...associated(term, asked)].filter((e, i, all) => all.findIndex((o) => o.id === e.id) === i);
      if (expansions.length > 0) {
        for (const e of expansions) {
          const same = rooted.some((r) => r.id === e.id);
          specs.push({ bit, id: e.id, weight: same ? RANKING.correctionWeight : RANKING.synonymWeight, exact: same });
        }
        weights.push(Math.max(...expansions.map((e) => idfOfId(e.id))) * RANKING.synonymCoverage);
        kinds.push("synonym");
        matches.push(expansions.map((e) => e.term));
        return;
      }
      weights.push(0);
      kinds.push("unknown");
      matches.push([]);
    });
    return { terms, specs, weights, kinds, matches };
  };

  /** For "what even is this X thing" / "eli5 X": the one story term a what-is question names. */
  const soleSubject = (query: string, cleaned: string): string | null => {
    if (!/\b(what|wat|whats|explain|eli5|define|meaning|mean)\b/i.test(query)) return null;
    const named = topic.terms.filter((t) => analyzer.concepts(cleaned).has(t.id));
    return named.length === 1 && analyzer.concepts(cleaned).size === 1 ? named[0]!.name : null;
  };

  /** Index terms that extend a stem the index does not know ("settl" → "settlement"), the commonest first. */
  const extensions = (term: string): IndexTerm[] => {
    if (term.length < 5 || /\d/.test(term)) return [];
    const found: (IndexTerm & { postings: number })[] = [];
    for (const [key, id] of index.vocab.atPrefix(term)) found.push({ id, term: key, postings: index.text.start[id + 1]! - index.text.start[id]! });
    return found.sort((a, b) => b.postings - a.postings).slice(0, RANKING.maxSynonyms).map(({ id, term: key }) => ({ id, term: key }));
  };

  /** A bare number's index terms with a unit ("138" → "138b" for $138 billion, "2" → "2gw"): the same figure, typed without its unit. */
  const withUnits = (term: string): IndexTerm[] => {
    if (!/^\d+(?:\.\d+)?$/.test(term)) return [];
    const found: IndexTerm[] = [];
    for (const [key, id] of index.vocab.atPrefix(term)) if (/^[a-z]{1,2}$/.test(key.slice(term.length))) found.push({ id, term: key });
    return found.slice(0, RANKING.maxSynonyms);
  };

  /** The index term nearest to a word the index does not know (edit distance 1, or 2 for long words). */
  const closestTerm = (term: string): IndexTerm | undefined => {
    if (term.length < 4 || /\d/.test(term)) return undefined;
    const distance = term.length >= 8 ? 2 : 1;
    let best: { id: number; term: string; d: number; postings: number } | undefined;
    for (const [key, [id, d]] of index.vocab.fuzzyGet(term, distance)) {
      const postings = index.text.start[id + 1]! - index.text.start[id]!;
      if (!best || d < best.d || (d === best.d && postings > best.postings)) best = { id, term: key, d, postings };
    }
    return best ? { id: best.id, term: best.term } : undefined;
  };

  /**
   * A misspelt word respelt ("negotiatng", "partnrship", "frist"): of the words one edit away (a
   * letter dropped, added or changed, or two letters swapped) that are words of the language, the
   * one whose index term is commonest. Its term may be a stem or an alias ("partnership" → the
   * agreement group), which a fuzzy look-up of the misspelt stem cannot reach.
   */
  const respelled = (word: string): IndexTerm | undefined => {
    if (!lexicon || word.length < 4 || !/^[a-z]+$/.test(word)) return undefined;
    let best: { id: number; term: string; postings: number } | undefined;
    const seen = new Set<string>();
    for (const candidate of oneEditAway(word)) {
      if (seen.has(candidate)) continue;
      seen.add(candidate);
      const terms = analyzer.terms(candidate);
      if (terms.length !== 1) continue;
      const id = index.vocab.get(terms[0]!);
      if (id === undefined) continue;
      const postings = index.text.start[id + 1]! - index.text.start[id]!;
      if ((!best || postings > best.postings) && lexicon.isWord(candidate)) best = { id, term: terms[0]!, postings };
    }
    return best ? { id: best.id, term: best.term } : undefined;
  };

  /** Adds one term's BM25+ contributions in one field; marks the passages it touches. */
  const accumulate = (field: FieldPostings, spec: TermSpec, boost: number, score: Float64Array, flags: Uint32Array, perUnit: boolean): void => {
    const scale = spec.weight * boost * bm25Idf(field.matching[spec.id]!, totals.units);
    const mask = 1 << spec.bit;
    const { owner, impact } = field;
    const { touched, touchedList, unitPassage } = { touched: scratch.touched, touchedList: scratch.touchedList, unitPassage: index.unitPassage };
    for (let i = field.start[spec.id]!, end = field.start[spec.id + 1]!; i < end; i++) {
      const o = owner[i]!;
      score[o]! += scale * impact[i]!;
      flags[o]! |= mask;
      const p = perUnit ? unitPassage[o]! : o;
      if (touched[p] === 0) {
        touched[p] = 1;
        touchedList[scratch.touchedCount++] = p;
      }
    }
  };

  const postingsOf = (spec: TermSpec): number =>
    index.text.start[spec.id + 1]! - index.text.start[spec.id]! + index.context.start[spec.id + 1]! - index.context.start[spec.id]!;

  /** The `count` query terms (bits) with the most postings, when more than `count` terms were asked. */
  const commonestTerms = (specs: readonly TermSpec[], termCount: number, count: number): Set<number> => {
    if (count <= 0 || termCount <= count) return new Set();
    const sizes = new Map<number, number>();
    for (const spec of specs) sizes.set(spec.bit, (sizes.get(spec.bit) ?? 0) + postingsOf(spec));
    return new Set([...sizes].sort((a, b) => b[1] - a[1]).slice(0, count).map(([bit]) => bit));
  };

  /** Like `accumulate`, but only for passages already touched: by binary search when they are few. */
  const lookUp = (field: FieldPostings, spec: TermSpec, boost: number, score: Float64Array, flags: Uint32Array, perUnit: boolean): void => {
    const from = field.start[spec.id]!;
    const to = field.start[spec.id + 1]!;
    if (from === to) return;
    const scale = spec.weight * boost * bm25Idf(field.matching[spec.id]!, totals.units);
    const mask = 1 << spec.bit;
    const { owner, impact } = field;
    const add = (i: number): void => {
      score[owner[i]!]! += scale * impact[i]!;
      flags[owner[i]!]! |= mask;
    };
    if (scratch.touchedCount * 24 > to - from) {
      for (let i = from; i < to; i++) if (scratch.touched[perUnit ? index.unitPassage[owner[i]!]! : owner[i]!] === 1) add(i);
      return;
    }
    for (let k = 0; k < scratch.touchedCount; k++) {
      const p = scratch.touchedList[k]!;
      const low = perUnit ? index.passageUnits[p]! : p;
      const high = perUnit ? index.passageUnits[p + 1]! : p + 1;
      let lo = from;
      let hi = to;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (owner[mid]! < low) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < to && owner[i]! < high; i++) add(i);
    }
  };

  /** Scores every touched passage, keeps the best `limit`, and clears the scratch space. */
  const collect = (terms: readonly string[], weights: readonly number[], plan: HintPlan, limit: number, minMatched: number, guesses = 0): PassageHit[] => {
    const s = scratch;
    // a word read only through its synonyms (a guess) weighs in a passage's coverage where the passage matches it, never against it
    const total = weights.reduce((a, b, bit) => (guesses & (1 << bit) ? a : a + b), 0);
    const top = new TopK(limit);
    const hits = new Map<number, PassageHit>();
    for (let k = 0; k < s.touchedCount; k++) {
      const p = s.touchedList[k]!;
      const first = index.passageUnits[p]!;
      const last = index.passageUnits[p + 1]!;
      // a bullet completes its list's lead-in ("Microsoft argues:"), so the lead-in weighs more there
      const shared = s.contextScore[p]! * (isListItem(features, first) ? RANKING.listContextBoost : 1) + s.sectionScore[p]!;
      const passageMask = s.contextExact[p]! | s.sectionExact[p]! | s.passageFuzzy[p]!;
      let bodyExact = s.contextExact[p]!;
      let fuzzy = s.passageFuzzy[p]!;
      let baseBest = 0;
      for (let u = first; u < last; u++) {
        bodyExact |= s.unitExact[u]!;
        fuzzy |= s.unitFuzzy[u]!;
        const base = (s.unitScore[u]! + shared) * popcount(s.unitExact[u]! | s.unitFuzzy[u]! | passageMask);
        if (base > baseBest) baseBest = base;
      }
      const sectionExact = s.sectionExact[p]!;
      const matched = popcount(bodyExact | sectionExact | fuzzy);
      if (matched >= minMatched && baseBest > 0 && baseBest * plan.max * (RANKING.coverageFloor + 1) > top.floor) {
        let matchedWeight = 0;
        for (let bit = 0; bit < terms.length; bit++) {
          const mask = 1 << bit;
          if (bodyExact & mask) matchedWeight += weights[bit]!;
          else if (sectionExact & mask) matchedWeight += weights[bit]! * RANKING.sectionOnly;
          else if (fuzzy & mask) matchedWeight += weights[bit]! * RANKING.fuzzyCoverage;
        }
        let passageTotal = total;
        for (let bit = 0; bit < terms.length; bit++) if (guesses & (1 << bit) && (bodyExact | sectionExact | fuzzy) & (1 << bit)) passageTotal += weights[bit]!;
        const coverage = passageTotal > 0 ? matchedWeight / passageTotal : 0;
        let bestScore = 0;
        let bestUnit = -1;
        for (let u = first; u < last; u++) {
          const quality = popcount(s.unitExact[u]! | s.unitFuzzy[u]! | passageMask);
          if (quality === 0) continue;
          let score = (s.unitScore[u]! + shared) * quality * plan.factor(u);
          const bound = score * plan.definitionBoost;
          if (bound > bestScore && bound * (RANKING.coverageFloor + coverage) > top.floor && plan.defines(u)) score = bound;
          if (score > bestScore) {
            bestScore = score;
            bestUnit = u;
          }
        }
        const final = bestScore * (RANKING.coverageFloor + coverage);
        if (bestUnit >= 0 && final > top.floor) {
          top.push(final, p);
          hits.set(p, { unit: bestUnit, score: final, coverage, matched });
        }
      }
      for (let u = first; u < last; u++) {
        s.unitScore[u] = 0;
        s.unitExact[u] = 0;
        s.unitFuzzy[u] = 0;
      }
      s.contextScore[p] = 0;
      s.sectionScore[p] = 0;
      s.contextExact[p] = 0;
      s.sectionExact[p] = 0;
      s.passageFuzzy[p] = 0;
      s.touched[p] = 0;
    }
    s.touchedCount = 0;
    return top.drain().map((p) => hits.get(p)!);
  };

  return {
    size: units.length,
    passageCount: index.passageCount,
    queryTerms,
    data: () => ({ index: indexData(index), features, df }),
    termsOf(passage) {
      let terms = termCache.get(passage);
      if (!terms) {
        terms = new Set(analyzer.terms([passage.text, passage.leadIn ?? "", passage.section ?? "", passage.cells?.map((c) => c.header).join(" ") ?? ""].join(" ")));
        if (termCache.size > 10_000) termCache.clear();
        termCache.set(passage, terms);
      }
      return terms;
    },
    statisticsTotals: () => totals,
    termStatistics(term) {
      const id = index.vocab.get(term);
      if (id === undefined) return null;
      return { text: index.text.matching[id]!, context: index.context.matching[id]!, section: index.section.matching[id]!, passages: df[id]! };
    },
    profile(query) {
      const { terms, weights, kinds, matches } = planQuery(query);
      return { terms, weights, kinds, matches };
    },
    rank(query, limit = 10, minMatched = 1) {
      const q = planQuery(query);
      const { terms, specs } = q;
      const matchable = q.kinds.filter((k) => k !== "unknown").length;
      if (matchable === 0) return [];
      const needed = Math.min(minMatched, matchable);
      const cleaned = cleanChatQuery(query);
      const asked = questionHints(cleaned);
      const hints = { ...asked, list: asked.list || questionHints(query).list, subject: asked.subject ?? soleSubject(query, cleaned) };
      const pattern = hints.subject ? definitionPattern(hints.subject, analyzer, topic) : null;
      let askedParties = 0;
      if (hints.stance) for (const id of analyzer.concepts(cleaned)) if (partyOrder.includes(id)) askedParties |= 1 << partyOrder.indexOf(id);
      // a passage that quotes someone: a quotation, or a sentence with a quoted sentence in it
      const quoted = (u: number): boolean => {
        const unit = units.at(u);
        return unit.passage.kind === "quote" || /["“][^"”]{20,}["”]/.test(unit.text);
      };
      const plan = planHints(features, hints, pattern ? (u) => pattern.test(units.at(u).text) : null, askedParties, quoted);
      const lookupOnly = commonestTerms(specs, matchable, needed - 1);
      const later = (spec: TermSpec): boolean => lookupOnly.has(spec.bit);
      for (const spec of specs) {
        if (later(spec)) continue;
        accumulate(index.text, spec, RANKING.boost.text, scratch.unitScore, spec.exact ? scratch.unitExact : scratch.unitFuzzy, true);
        accumulate(index.context, spec, RANKING.boost.context, scratch.contextScore, spec.exact ? scratch.contextExact : scratch.passageFuzzy, false);
        accumulate(index.section, spec, RANKING.boost.section, scratch.sectionScore, spec.exact ? scratch.sectionExact : scratch.passageFuzzy, false);
      }
      // a passage must match `needed` terms, so it is found through a rarer term: the commonest
      // terms are only looked up for the passages found
      for (const spec of specs) {
        if (!later(spec)) continue;
        lookUp(index.text, spec, RANKING.boost.text, scratch.unitScore, spec.exact ? scratch.unitExact : scratch.unitFuzzy, true);
        lookUp(index.context, spec, RANKING.boost.context, scratch.contextScore, spec.exact ? scratch.contextExact : scratch.passageFuzzy, false);
        lookUp(index.section, spec, RANKING.boost.section, scratch.sectionScore, spec.exact ? scratch.sectionExact : scratch.passageFuzzy, false);
      }
      const guesses = q.kinds.reduce((mask, kind, bit) => (kind === "synonym" ? mask | (1 << bit) : mask), 0);
      return collect(terms, q.weights, plan, limit, needed, guesses).map((hit) => {
        const unit = units.at(hit.unit);
        return { passage: unit.passage, document: unit.document, best: unit, score: hit.score, coverage: hit.coverage, matched: hit.matched };
      });
    },
  };
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** Every string one edit from a word: a letter deleted, two neighbours swapped, a letter changed or inserted. */
export function* oneEditAway(word: string): Generator<string> {
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail.length > 0) yield head + tail.slice(1);
    if (tail.length > 1) yield head + tail[1] + tail[0] + tail.slice(2);
    for (const c of LETTERS) {
      if (tail.length > 0 && c !== tail[0]) yield head + c + tail.slice(1);
      yield head + c + tail;
    }
  }
}
