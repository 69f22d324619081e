import { answerabilityReader, decideConfidence, FEATURE_NAMES, quotedPassage } from "./answerability.js";
import { citationLabel, itemOf } from "./excerpt.js";
import { extractDates, extractFigures } from "./facts.js";
import { questionHints } from "./question.js";
import type { Analyzer } from "./analyze.js";
import type { RankedPassage, Retriever } from "./retrieval.js";
import { jaccard, SAME_FACT } from "./similarity.js";
import type { Answer, AnswerItem, Citation, Confidence, Topic } from "./types.js";

/** Answer-selection settings, calibrated on the evaluation questions as a whole. */
export const ANSWERING = {
  /** Items after the first must cover at least this share of what the first covers (0.3: on the tuning part five more answers in the top three than with 0.4). */
  coverageShare: 0.3,
  /** Items after the first must score at least this share of the first. */
  relativeFloor: 0.1,
  maxItems: 3,
  /** Candidates that count for corroboration and figure notes: at least this share of the first's score… */
  noteFloor: 0.3,
  /** …among this many of the best. */
  noteCandidates: 15,
} as const;

/** The line shown when the sources do not answer. */
export function abstainMessage(topic: Topic): string {
  const tries = topic.suggestions.slice(0, 3).map((s) => `“${s}”`).join(", ");
  return `Not in my sources. I only know what the source articles say about ${topic.story}. Try ${tries}; "status" says where things stand and "sources" what I know.`;
}

/**
 * Answers a question (`ask`) or finds passages for a claim (`cite`): up to three verbatim, cited
 * passages, best first, with notes on corroboration and on sources that differ. Whether to answer
 * is decided by the fitted answerability model: confidence "high", "low" (the closest passages,
 * which may not answer: replies say so) or "none" (abstain).
 */
export function composeAnswer(
  retriever: Retriever,
  analyzer: Analyzer,
  topic: Topic,
  query: string,
  // a passage must match two of the question's words (or its only one): one shared word is chance
  ranked: readonly RankedPassage[] = retriever.rank(query, 60, 2),
  /** Answer with the closest passages (confidence "low") even where the model would abstain: the passages behind a claim's verdict. */
  answerAnyway = false,
  /** Reorders the ranked passages for the answer (by meaning); whether to answer is judged on the ranking by words. */
  reorder?: (query: string, ranked: readonly RankedPassage[]) => RankedPassage[],
): Answer {
  const shown = reorder ? reorder(query, ranked) : [...ranked];
  // what depends on the question alone is read once, for the decision and for a quoted passage's kind of answer
  const read = ranked[0] ? answerabilityReader(query, retriever, analyzer, topic) : undefined;
  const model = read ? judgeAnswer(read, ranked, shown[0]!) : "none";
  // words the question quotes, standing verbatim in one of the best passages, are found whatever else it asks, and lead
  const quoted = quotedPassage(query, ranked);
  // …unless the question asks for a kind of answer the passage holding them lacks ("who's the exec behind the 'we know our contract' quote, names?")
  const judged = model === "none" && quoted && read && !lacksAskedType(read, quoted, ranked) ? "low" : model;
  ranked = quoted ? [quoted, ...shown.filter((r) => r !== quoted)] : shown;
  const top = ranked[0];
  const confidence = judged === "none" && top && answerAnyway ? "low" : judged;
  if (!top || confidence === "none") {
    return { query, abstained: true, confidence: "none", items: [], notes: [abstainMessage(topic)], noteCitations: [[]] };
  }
  const chosen: RankedPassage[] = [];
  const echoes = new Map<RankedPassage, RankedPassage[]>();
  for (const candidate of ranked) {
    if (chosen.length >= ANSWERING.maxItems) break;
    if (candidate.score < top.score * ANSWERING.relativeFloor || candidate.coverage < top.coverage * ANSWERING.coverageShare) break;
    const terms = retriever.termsOf(candidate.passage);
    const twin = chosen.find((c) => jaccard(retriever.termsOf(c.passage), terms) >= SAME_FACT);
    if (twin) {
      if (twin.document !== candidate.document) echoes.set(twin, [...(echoes.get(twin) ?? []), candidate]);
      continue;
    }
    chosen.push(candidate);
  }
  const items = chosen.map((c) => itemOf(c.document, c.passage, c.best.sentence));
  const relevant = ranked
    .slice(0, ANSWERING.noteCandidates)
    .filter((c) => c.score >= top.score * ANSWERING.noteFloor && c.coverage >= top.coverage * ANSWERING.coverageShare);
  const cited = [
    ...corroboration(items[0]!, chosen[0]!, echoes.get(chosen[0]!) ?? [], relevant),
    ...figureConflicts(query, chosen[0]!, relevant, retriever),
    ...dateConflicts(query, chosen[0]!, ranked, retriever, analyzer, topic),
  ];
  return { query, abstained: false, confidence, items, notes: cited.map((n) => n.text), noteCitations: cited.map((n) => n.citations) };
}

/** The answer model's reading of one question's passages, in any order (see `answerabilityReader`). */
type AnswerabilityRead = ReturnType<typeof answerabilityReader>;

/**
 * The answer model's confidence, judged on the ranking by words; the kind of answer asked for ("as
 * of when?" wants a time) may stand in the passage shown first (after the reorderings) instead of
 * the first by words, and the answer is judged to have it then.
 */
function judgeAnswer(read: AnswerabilityRead, byWords: readonly RankedPassage[], shownFirst: RankedPassage): Confidence {
  const features = read(byWords);
  const at = FEATURE_NAMES.indexOf("typeMatch");
  if (features[at] === 0 && shownFirst !== byWords[0]) {
    const alt = read([shownFirst, ...byWords.filter((r) => r !== shownFirst)]);
    if (alt[at]! === 1) features[at] = alt[at]!;
  }
  return decideConfidence(features);
}

/** Whether a passage lacks the kind of answer the question asks for (a name, a date, a sum), read as if it were ranked first. */
function lacksAskedType(read: AnswerabilityRead, passage: RankedPassage, byWords: readonly RankedPassage[]): boolean {
  const features = read([passage, ...byWords.filter((r) => r !== passage)]);
  return features[FEATURE_NAMES.indexOf("typeMatch")] === 0;
}

/** A note and the citations whose labels it shows (renderers may turn those into links). */
interface CitedNote {
  readonly text: string;
  readonly citations: readonly Citation[];
}

/** Builds a note whose citation labels are remembered: `note((label) => `… ${label(c)} …`)`. */
function note(write: (label: (c: RankedPassage | Citation) => string) => string): CitedNote {
  const citations: Citation[] = [];
  const text = write((c) => {
    const citation = "passage" in c ? itemOf(c.document, c.passage, c.best.sentence).citation : c;
    citations.push(citation);
    return citationLabel(citation);
  });
  return { text, citations };
}

function corroboration(item: AnswerItem, first: RankedPassage, twins: RankedPassage[], relevant: RankedPassage[]): CitedNote[] {
  const notes: CitedNote[] = [];
  if (twins.length > 0) {
    const docs = new Set([first.document.id, ...twins.map((t) => t.document.id)]);
    notes.push(note((label) => `${docs.size} sources report this: ${[first, ...twins].map(label).join("; ")}.`));
  }
  for (const figure of extractFigures(item.text)) {
    const agreeing = new Map<string, RankedPassage>();
    for (const c of relevant) {
      if (agreeing.has(c.document.id)) continue;
      if (extractFigures(c.passage.text).some((f) => f.key === figure.key)) agreeing.set(c.document.id, c);
    }
    if (agreeing.size >= 2) {
      notes.push(note((label) => `${agreeing.size} sources agree on ${figure.raw}: ${[...agreeing.values()].map(label).join("; ")}.`));
      break;
    }
  }
  return notes;
}

function compatibleDates(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

/** Other documents' passages that share enough words with the first to be about the same thing. */
function elsewhere(first: RankedPassage, list: readonly RankedPassage[], retriever: Retriever): RankedPassage[] {
  const firstTerms = retriever.termsOf(first.passage);
  return list.filter((c) => c.document.id !== first.document.id && jaccard(retriever.termsOf(c.passage), firstTerms) >= 0.08);
}

/** Flags money figures that other sources give differently, for questions or claims about amounts. */
function figureConflicts(query: string, first: RankedPassage, relevant: RankedPassage[], retriever: Retriever): CitedNote[] {
  const ownFigures = extractFigures(first.best.text).filter((f) => f.key.startsWith("usd:"));
  if (!(questionHints(query).amount || extractFigures(query).length > 0) || ownFigures.length === 0) return [];
  const documentFigures = new Set(extractFigures(first.passage.text).map((f) => f.key));
  const differing = new Map<string, RankedPassage>();
  for (const c of elsewhere(first, relevant, retriever)) {
    const theirs = extractFigures(c.best.text).filter((f) => f.key.startsWith("usd:"));
    const fresh = theirs.find((f) => !documentFigures.has(f.key));
    if (fresh && !theirs.some((f) => documentFigures.has(f.key)) && !differing.has(fresh.raw)) differing.set(fresh.raw, c);
  }
  if (differing.size === 0) return [];
  return [
    note((label) => {
      const parts = [`${ownFigures[0]!.raw} (${label(first)})`, ...[...differing].map(([raw, c]) => `${raw} (${label(c)})`)];
      return `Sources differ on the figure: ${parts.join(" vs ")}.`;
    }),
  ];
}

/** Terms of the few words right around a stretch of text. */
function termsAround(text: string, start: number, end: number, analyzer: Analyzer, words = 2): Set<string> {
  const before = text.slice(0, start).split(/\s+/).filter(Boolean).slice(-words).join(" ");
  const after = text.slice(end).split(/\s+/).filter(Boolean).slice(0, words).join(" ");
  return new Set(analyzer.terms(`${before} ${after}`));
}

/**
 * For when-questions: flags another source that puts a different date right next to the same
 * thing (the question's own words in the first answer, e.g. "the October 2024 agreement" against
 * "in late 2025, when Microsoft restructured its historic partnership").
 */
function dateConflicts(query: string, first: RankedPassage, ranked: readonly RankedPassage[], retriever: Retriever, analyzer: Analyzer, topic: Topic): CitedNote[] {
  if (!questionHints(query).when) return [];
  const mine = extractDates(first.best.text, first.document.meta.published)[0];
  if (!mine) return [];
  const parties = new Set(topic.parties.map((p) => p.id));
  const sentenceTerms = new Set(analyzer.terms(first.best.text));
  const things = new Set(retriever.queryTerms(query).filter((t) => !parties.has(t) && sentenceTerms.has(t)));
  if (things.size === 0) return [];
  const differing: { raw: string; citation: Citation }[] = [];
  for (const c of ranked) {
    if (c.document.id === first.document.id) continue;
    for (const span of c.passage.sentences) {
      const sentence = c.passage.text.slice(span.start, span.end);
      for (const d of extractDates(sentence, c.document.meta.published)) {
        if (compatibleDates(d.date, mine.date)) continue;
        const near = termsAround(sentence, d.index, d.index + d.raw.length, analyzer);
        if ([...things].some((t) => near.has(t))) differing.push({ raw: d.raw, citation: itemOf(c.document, c.passage, 0).citation });
      }
    }
    if (differing.length >= 2) break;
  }
  if (differing.length === 0) return [];
  return [note((label) => `Sources give different dates for this: ${mine.raw} (${label(first)}) vs ${differing.map((d) => `${d.raw} (${label(d.citation)})`).join(" vs ")}.`)];
}
