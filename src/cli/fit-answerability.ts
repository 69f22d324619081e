/**
 * `npm run fit`: fits the answer-or-abstain model (boosted trees over the features in
 * src/knowledge/answerability.ts) on the tuning questions — in-scope questions are "answerable",
 * out-of-scope ones are not — picks the operating points on the chat-style tuning part, and writes
 * src/knowledge/answerability-model.json. Run it after `npm run fit:words`. The held-out set
 * (chat-heldout.json) is never read.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { loadCorpus } from "../sources/seeds.js";
import { answerability, answerabilityFeatures, FEATURE_NAMES, quotedPassage, type AnswerabilityModel } from "../knowledge/answerability.js";
import { fitBoostedTrees, roundedLeaves, type BoostedTrees, type BoostingSettings } from "../knowledge/boosted-trees.js";
import { createKnowledge, type Knowledge } from "../knowledge/knowledge.js";
import type { WordOdds } from "../knowledge/unanswered-words.js";
import { DEFAULT_SEEDS_DIR, PROJECT_ROOT } from "../paths.js";
import { WORD_ODDS_SET, wordOddsOf } from "./fit-word-odds.js";
import { ASSOCIATION_SET, associationExamples } from "./fit-associations.js";
import { fitAssociations } from "../knowledge/associations.js";
import type { Corpus } from "../knowledge/corpus.js";

/** The sets the model is fitted on: never the held-out part. */
export const TRAINING_SETS = ["questions.json", "chat-questions.json", "chat-tune.json"];
/** The set the operating points are read from… */
export const OPERATING_SET = "chat-tune.json";
/** …and the public set, every in-scope question of which must be answered. */
export const PUBLIC_SET = "questions.json";

/**
 * How the trees are grown. Chosen by leaving each writer of the tuning part out in turn: against
 * the logistic model over the first five features, at the same share answered, trees over all
 * the features abstained on 56 more of 489 out-of-scope questions with 6 more in-scope ones found.
 */
export const BOOSTING: BoostingSettings = { rounds: 250, rate: 0.1, depth: 3, minLeaf: 20, lambda: 1 };

/**
 * A tuning question's features are read with word associations and word odds learned without
 * it: the tuning part is cut into this many folds, whole writers together (see
 * {@link writerFolds}), and each fold's questions are read with what the others teach. Learned from a question itself, they would
 * make it look easier to answer, or its words surer signs, than on questions never seen.
 */
export const FOLDS = 10;

/**
 * Share of in-scope tuning questions the low operating point must answer (it abstains on the rest).
 * Read off the tuning questions scored out of fold, writers kept whole: at 95% it abstained on
 * 843 of 951 out-of-scope ones (88.6%), at 94% on 861 (90.5%) with 2,198 instead of 2,221 of
 * 2,445 in scope answered with the answer in the top three; 93% gained 6 more for 20 fewer.
 */
const ANSWER_TARGET = 0.94;
/** Share of answered tuning questions that must be in scope at the high operating point. */
const HIGH_PRECISION = 0.97;

export interface Example {
  readonly x: number[];
  readonly y: 0 | 1;
  /** The question quotes words one of the best passages holds: answered whatever the model says. */
  readonly quotes?: boolean;
}

interface QuestionsFile {
  questions: { q: string; writer?: string }[];
  outOfScope: (string | { q: string; writer?: string })[];
}

/** Which of the {@link FOLDS} folds a question falls in, by a hash of its text. */
export function foldOf(text: string): number {
  return createHash("sha256").update(text).digest()[0]! % FOLDS;
}

/**
 * The folds of a tuning file's questions: whole writers go together (their writers in order, one
 * fold after another), so what is learned from a fold's questions is what other writers taught;
 * a writer's own words and habits would make its questions look easier than a new writer's. A
 * question without a writer falls in the fold of {@link foldOf}.
 */
export function writerFolds(tuning: QuestionsFile): (text: string) => number {
  const items = [...tuning.questions, ...tuning.outOfScope.filter((o) => typeof o !== "string")];
  const writers = [...new Set(items.flatMap((i) => (i.writer ? [i.writer] : [])))].sort();
  const foldOfWriter = new Map(writers.map((w, i) => [w, i % FOLDS]));
  const byText = new Map<string, number>();
  for (const i of items) if (i.writer && !byText.has(i.q)) byText.set(i.q, foldOfWriter.get(i.writer)!);
  return (text) => byText.get(text) ?? foldOf(text);
}

/** Features and labels of every question of the files, read with the shipped word associations and odds. */
export function trainingExamples(knowledge: Knowledge, files: readonly string[]): { text: string; example: Example }[] {
  return files.flatMap((file) => examplesOf(knowledge, JSON.parse(readFileSync(file, "utf8")) as QuestionsFile));
}

/** Features and labels of the questions of one file's data, read with the word odds `oddsFor` gives (by default the shipped ones). */
function examplesOf(knowledge: Knowledge, data: QuestionsFile, oddsFor?: (q: string) => WordOdds): { text: string; example: Example }[] {
  const examples: { text: string; example: Example }[] = [];
  const add = (q: string, y: 0 | 1): void => {
    const ranked = knowledge.retriever.rank(q, 60, 2);
    if (ranked.length === 0) return; // nothing matched: the bot abstains whatever the model says
    const x = answerabilityFeatures(q, ranked, knowledge.retriever, knowledge.analyzer, knowledge.corpus.topic, oddsFor?.(q));
    examples.push({ text: q, example: { x, y, quotes: quotedPassage(q, ranked) !== undefined } });
  };
  for (const { q } of data.questions) add(q, 1);
  for (const o of data.outOfScope) add(textOf(o), 0);
  return examples;
}

/** A tuning file: its in-scope questions come with the phrases their answers hold. */
export interface TuningFile extends QuestionsFile {
  questions: { q: string; expect: string[] }[];
}

const textOf = (o: string | { q: string }): string => (typeof o === "string" ? o : o.q);

/** The public set's in-scope questions. */
function publicSet(dir: string): ReadonlySet<string> {
  return new Set((JSON.parse(readFileSync(`${dir}${PUBLIC_SET}`, "utf8")) as QuestionsFile).questions.map(({ q }) => q));
}

/**
 * Visits each of the {@link FOLDS} folds of the tuning part with a knowledge whose word
 * associations, and word odds, were learned from the other folds (the associations, as `npm run
 * fit:associations` learns them, from a knowledge without any).
 */
export function eachFold(corpus: Corpus, tuning: TuningFile, visit: (knowledge: Knowledge, odds: WordOdds, inFold: TuningFile) => void): void {
  if (OPERATING_SET !== ASSOCIATION_SET || OPERATING_SET !== WORD_ODDS_SET) throw new Error("associations, word odds and operating points must come from one set");
  const bare = createKnowledge({ ...corpus, associations: {} });
  const foldFor = writerFolds(tuning);
  for (let fold = 0; fold < FOLDS; fold++) {
    const part = (inFold: boolean): TuningFile => ({
      questions: tuning.questions.filter(({ q }) => (foldFor(q) === fold) === inFold),
      outOfScope: tuning.outOfScope.filter((o) => (foldFor(textOf(o)) === fold) === inFold),
    });
    const rest = part(false);
    const { examples, passages } = associationExamples(bare, rest);
    const knowledge = createKnowledge({ ...corpus, associations: fitAssociations(examples, passages) });
    visit(knowledge, wordOddsOf(knowledge, rest), part(true));
  }
}

/** The tuning part's examples, each fold's read with the word associations and word odds learned from the other folds. */
export function crossFittedExamples(corpus: Corpus, tuning: TuningFile): { text: string; example: Example }[] {
  const out: { text: string; example: Example }[] = [];
  eachFold(corpus, tuning, (knowledge, odds, inFold) => out.push(...examplesOf(knowledge, inFold, () => odds)));
  return out;
}

/** Fits the trees on the examples. */
export function fitModel(examples: readonly Example[], settings: BoostingSettings = BOOSTING): BoostedTrees {
  return fitBoostedTrees(examples, settings);
}

/** A question's probability of being answerable, and whether it is. */
export interface Scored {
  readonly p: number;
  readonly y: 0 | 1;
}

/** A model's probability for an example: -1 when its best passage lacks the kind of answer it asks for, as it is never answered then. */
export function scoreOf(model: BoostedTrees, e: Example): number {
  return e.x[FEATURE_NAMES.indexOf("typeMatch")] === 0 ? -1 : answerability(e.x, { ...model, features: [...FEATURE_NAMES], high: 1, low: 0 });
}

/**
 * Picks the operating points from scored questions: `low` answers ANSWER_TARGET of the in-scope
 * ones, and is no higher than any of `floor` (the probabilities of questions that must be
 * answered); `high` is the lowest point at or above `low` where HIGH_PRECISION of the answered
 * questions are in scope.
 */
export function operatingPoints(scored: readonly Scored[], floor: readonly number[] = []): { low: number; high: number } {
  const positives = scored.filter((s) => s.y === 1).map((s) => s.p).sort((a, b) => b - a);
  const target = positives.length === 0 ? 0.5 : positives[Math.min(positives.length - 1, Math.ceil(ANSWER_TARGET * positives.length) - 1)]!;
  const low = Math.min(Math.max(target, 0.05), ...floor);
  const candidates = [...new Set(scored.map((s) => s.p))].filter((p) => p >= low).sort((a, b) => a - b);
  let high = 1;
  for (const t of candidates) {
    const answered = scored.filter((s) => s.p >= t);
    if (answered.length > 0 && answered.filter((s) => s.y === 1).length / answered.length >= HIGH_PRECISION) {
      high = t;
      break;
    }
  }
  return { low, high: Math.max(high, low) };
}

/**
 * The tuning questions scored by models that never saw them: each fold of {@link foldOf} is
 * scored by trees fitted on the other training questions. Operating points read from these hold
 * on new questions; read from the model's own training questions they would sit too high.
 */
export function outOfFoldScores(training: readonly { text: string; example: Example }[], tuning: ReadonlySet<string>, settings: BoostingSettings = BOOSTING, foldFor: (text: string) => number = foldOf): Scored[] {
  const scored: Scored[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const inFold = (t: { text: string }): boolean => tuning.has(t.text) && foldFor(t.text) === fold;
    const model = fitModel(training.filter((t) => !inFold(t)).map((t) => t.example), settings);
    for (const t of training.filter(inFold)) scored.push({ p: scoreOf(model, t.example), y: t.example.y });
  }
  return scored;
}

/** Fits the model the way `npm run fit` does and returns what it writes. */
export function fitAnswerability(corpus: Corpus, dir: string): AnswerabilityModel {
  const tuningFile = JSON.parse(readFileSync(`${dir}${OPERATING_SET}`, "utf8")) as TuningFile;
  const training = [...crossFittedExamples(corpus, tuningFile), ...trainingExamples(createKnowledge(corpus), TRAINING_SETS.filter((f) => f !== OPERATING_SET).map((f) => `${dir}${f}`))];
  const fitted = fitModel(training.map((t) => t.example));
  // the operating points come from the chat-style tuning part alone, scored out of fold: it is written like the questions the bot gets
  const tuning = new Set([...tuningFile.questions.map(({ q }) => q), ...tuningFile.outOfScope.map(textOf)]);
  // a public question quoting the passage is answered anyway; one lacking the kind of answer it asks for never is
  const mustAnswer = publicSet(dir);
  const floor = training
    .filter((t) => mustAnswer.has(t.text) && t.example.y === 1 && !t.example.quotes)
    .map((t) => scoreOf(fitted, t.example))
    .filter((p) => p >= 0);
  const points = operatingPoints(outOfFoldScores(training, tuning, BOOSTING, writerFolds(tuningFile)), floor);
  return {
    features: [...FEATURE_NAMES],
    ...roundedLeaves(fitted),
    high: Math.round(points.high * 1e6) / 1e6,
    // rounded down, so every question the point was chosen to answer is still answered
    low: Math.floor(points.low * 1e6) / 1e6,
  };
}

function main(): void {
  const dir = `${join(PROJECT_ROOT, "tests", "eval")}${sep}`;
  const model = fitAnswerability(loadCorpus(process.env.SEEDS_DIR || DEFAULT_SEEDS_DIR), dir);
  // the source copy, also when this runs compiled
  const out = join(PROJECT_ROOT, "src", "knowledge", "answerability-model.json");
  writeFileSync(out, `${JSON.stringify(model)}\n`);
  console.log(`fitted ${model.trees.length} trees over ${model.features.length} features; low ${model.low}, high ${model.high}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
