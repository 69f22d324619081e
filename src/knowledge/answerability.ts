import type { Analyzer } from "./analyze.js";
import { cleanChatQuery } from "./chat-query.js";
import { extractDates, extractFigures } from "./facts.js";
import MODEL from "./answerability-model.json" with { type: "json" };
import { questionHints } from "./question.js";
import type { RankedPassage, Retriever } from "./retrieval.js";
import type { Confidence, Topic } from "./types.js";

/** Names of the features, in the order of the model's weights. */
export const FEATURE_NAMES = [
  "coverage",
  "matchedShare",
  "contentCoverage",
  "typeMatch",
  "logTerms",
  "runnerUpRatio",
  "logMatched",
  "rarestMatched",
  "sentenceCoverage",
] as const;

/** A fitted logistic model: P(answerable) = σ(bias + Σ wᵢ·(xᵢ − meanᵢ)/scaleᵢ). */
export interface AnswerabilityModel {
  readonly features: readonly string[];
  readonly mean: readonly number[];
  readonly scale: readonly number[];
  readonly weights: readonly number[];
  readonly bias: number;
  /** At or above: confidence "high". */
  readonly high: number;
  /** At or above (and below `high`): an answer with confidence "low"; below: abstain. */
  readonly low: number;
}

/** The model fitted on the tuning questions (`npm run fit`). */
export const ANSWERABILITY: AnswerabilityModel = MODEL;

/**
 * What the answer-or-abstain decision looks at, for a query and its ranked passages (best first):
 * how much of the query the best passage covers (words the index never saw weigh nothing), how
 * many of the query's terms it matches, its score, whether the query names a party or term of the
 * story, how much of the query beyond those names it covers, whether it has what the question
 * type asks for (a date for "when", a figure for "how much"), the query's length in terms, how
 * close the runner-up comes, and how many terms the best passage matches.
 */
export function answerabilityFeatures(query: string, ranked: readonly RankedPassage[], retriever: Retriever, analyzer: Analyzer, topic: Topic): number[] {
  const top = ranked[0];
  if (!top) return FEATURE_NAMES.map(() => 0);
  const profile = retriever.profile(query);
  const matchable = profile.kinds.filter((k) => k !== "unknown").length;
  const parties = new Set([...topic.parties, ...topic.terms].map((e) => e.id));
  const cleaned = cleanChatQuery(query);
  const passageTerms = retriever.termsOf(top.passage);
  let contentWeight = 0;
  let contentMatched = 0;
  profile.terms.forEach((term, i) => {
    if (parties.has(term) || profile.kinds[i] === "unknown") return;
    contentWeight += profile.weights[i]!;
    if (passageTerms.has(term)) contentMatched += profile.weights[i]!;
  });
  const sentenceTerms = new Set(analyzer.terms(top.best.text));
  let rarest = -1;
  let sentenceWeight = 0;
  let knownWeight = 0;
  profile.terms.forEach((term, i) => {
    if (profile.kinds[i] === "unknown") return;
    knownWeight += profile.weights[i]!;
    if (sentenceTerms.has(term)) sentenceWeight += profile.weights[i]!;
    if (rarest < 0 || profile.weights[i]! > profile.weights[rarest]!) rarest = i;
  });
  const hints = questionHints(cleaned);
  const sentence = top.best.text;
  const typeMatch = hints.when
    ? Number(extractDates(sentence, top.document.meta.published).length > 0)
    : hints.amount
      ? Number(extractFigures(sentence).length > 0 || /\d/.test(sentence))
      : 0.5;
  const second = ranked[1];
  return [
    top.coverage,
    matchable === 0 ? 0 : Math.min(1, top.matched / matchable),
    contentWeight === 0 ? 0.5 : contentMatched / contentWeight,
    typeMatch,
    Math.log1p(matchable),
    second ? second.score / top.score : 0,
    Math.log1p(top.matched),
    rarest >= 0 && passageTerms.has(profile.terms[rarest]!) ? 1 : 0,
    knownWeight === 0 ? 0 : sentenceWeight / knownWeight,
  ];
}

/** The model's probability that the passages answer the query. */
export function answerability(features: readonly number[], model: AnswerabilityModel = ANSWERABILITY): number {
  let z = model.bias;
  features.forEach((x, i) => {
    z += model.weights[i]! * ((x - model.mean[i]!) / (model.scale[i]! || 1));
  });
  return 1 / (1 + Math.exp(-z));
}

/** Confidence at the model's operating points. */
export function confidenceOf(probability: number, model: AnswerabilityModel = ANSWERABILITY): Confidence {
  if (probability >= model.high) return "high";
  if (probability >= model.low) return "low";
  return "none";
}
