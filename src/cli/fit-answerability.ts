/**
 * `npm run fit`: fits the answer-or-abstain model (logistic regression over the features in
 * src/knowledge/answerability.ts) on the tuning questions — in-scope questions are "answerable",
 * out-of-scope ones are not — picks the operating points on the chat-style tuning part, and writes
 * src/knowledge/answerability-model.json. The held-out set (chat-heldout.json) is never read.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { loadCorpus } from "../sources/seeds.js";
import { answerability, answerabilityFeatures, FEATURE_NAMES, quotedPassage, type AnswerabilityModel } from "../knowledge/answerability.js";
import { createKnowledge, type Knowledge } from "../knowledge/knowledge.js";
import { DEFAULT_SEEDS_DIR, PROJECT_ROOT } from "../paths.js";

/** The sets the model is fitted on: never the held-out part. */
export const TRAINING_SETS = ["questions.json", "chat-questions.json", "chat-tune.json"];
/** The set the operating points are read from… */
export const OPERATING_SET = "chat-tune.json";
/** …and the public set, every in-scope question of which must be answered. */
export const PUBLIC_SET = "questions.json";

/** Share of in-scope tuning questions the low operating point must answer (it abstains on the rest). */
const ANSWER_TARGET = 0.9;
/** Share of answered tuning questions that must be in scope at the high operating point. */
const HIGH_PRECISION = 0.9;

interface Example {
  readonly x: number[];
  readonly y: 0 | 1;
  /** The question quotes words one of the best passages holds: answered whatever the model says. */
  readonly quotes?: boolean;
}

/** Features and labels of every training question. */
export function trainingExamples(knowledge: Knowledge, files: readonly string[]): Example[] {
  const examples: Example[] = [];
  const add = (q: string, y: 0 | 1): void => {
    const ranked = knowledge.retriever.rank(q, 60, 2);
    if (ranked.length === 0) return; // nothing matched: the bot abstains whatever the model says
    examples.push({ x: answerabilityFeatures(q, ranked, knowledge.retriever, knowledge.analyzer, knowledge.corpus.topic), y, quotes: quotedPassage(q, ranked) !== undefined });
  };
  for (const file of files) {
    const data = JSON.parse(readFileSync(file, "utf8")) as { questions: { q: string }[]; outOfScope: (string | { q: string })[] };
    for (const { q } of data.questions) add(q, 1);
    for (const o of data.outOfScope) add(typeof o === "string" ? o : o.q, 0);
  }
  return examples;
}

/** Fits a class-balanced, L2-regularised logistic regression on standardised features. */
export function fitLogistic(examples: readonly Example[], l2 = 0.02, steps = 4000, rate = 0.3): Omit<AnswerabilityModel, "high" | "low"> {
  const n = FEATURE_NAMES.length;
  const mean = Array.from({ length: n }, (_, i) => examples.reduce((a, e) => a + e.x[i]!, 0) / examples.length);
  const scale = Array.from({ length: n }, (_, i) => Math.sqrt(examples.reduce((a, e) => a + (e.x[i]! - mean[i]!) ** 2, 0) / examples.length) || 1);
  const xs = examples.map((e) => e.x.map((v, i) => (v - mean[i]!) / scale[i]!));
  const positives = examples.filter((e) => e.y === 1).length;
  const weightOf = (y: number): number => (y === 1 ? examples.length / (2 * positives) : examples.length / (2 * (examples.length - positives)));
  const w = new Array<number>(n).fill(0);
  let b = 0;
  for (let step = 0; step < steps; step++) {
    const gw = new Array<number>(n).fill(0);
    let gb = 0;
    let total = 0;
    examples.forEach((e, k) => {
      const z = b + xs[k]!.reduce((a, v, i) => a + v * w[i]!, 0);
      const err = (1 / (1 + Math.exp(-z)) - e.y) * weightOf(e.y);
      xs[k]!.forEach((v, i) => (gw[i]! += err * v));
      gb += err;
      total += weightOf(e.y);
    });
    for (let i = 0; i < n; i++) w[i]! -= rate * (gw[i]! / total + l2 * w[i]!);
    b -= rate * (gb / total);
  }
  return { features: [...FEATURE_NAMES], mean, scale, weights: w, bias: b };
}

/**
 * Picks the operating points: `low` answers ANSWER_TARGET of the in-scope examples, and every
 * in-scope question of `mustAnswer` (the public set's floor); `high` keeps HIGH_PRECISION.
 */
export function operatingPoints(model: Omit<AnswerabilityModel, "high" | "low">, examples: readonly Example[], mustAnswer: readonly Example[] = []): { low: number; high: number } {
  const full = { ...model, high: 1, low: 0 };
  const scored = examples.map((e) => ({ p: answerability(e.x, full), y: e.y }));
  const positives = scored.filter((s) => s.y === 1).map((s) => s.p).sort((a, b) => b - a);
  const target = positives.length === 0 ? 0.5 : positives[Math.min(positives.length - 1, Math.ceil(ANSWER_TARGET * positives.length) - 1)]!;
  // a question quoting the passage is answered anyway
  const low = Math.min(Math.max(target, 0.05), ...mustAnswer.filter((e) => e.y === 1 && !e.quotes).map((e) => answerability(e.x, full)));
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

function main(): void {
  const dir = `${join(PROJECT_ROOT, "tests", "eval")}${sep}`;
  const knowledge = createKnowledge(loadCorpus(process.env.SEEDS_DIR || DEFAULT_SEEDS_DIR));
  const examples = trainingExamples(knowledge, TRAINING_SETS.map((f) => `${dir}${f}`));
  const fitted = fitLogistic(examples);
  // the operating points come from the chat-style tuning part alone: it is written like the questions the bot gets
  const points = operatingPoints(fitted, trainingExamples(knowledge, [`${dir}${OPERATING_SET}`]), trainingExamples(knowledge, [`${dir}${PUBLIC_SET}`]));
  const round = (v: number): number => Math.round(v * 1e4) / 1e4;
  const model: AnswerabilityModel = {
    features: fitted.features,
    mean: fitted.mean.map(round),
    scale: fitted.scale.map(round),
    weights: fitted.weights.map(round),
    bias: round(fitted.bias),
    high: round(points.high),
    // rounded down, so every question the point was chosen to answer is still answered
    low: Math.floor(points.low * 1e4) / 1e4,
  };
  // the source copy, also when this runs compiled
  const out = join(PROJECT_ROOT, "src", "knowledge", "answerability-model.json");
  writeFileSync(out, `${JSON.stringify(model, null, 2)}\n`);
  console.log(`fitted on ${examples.length} questions (${examples.filter((e) => e.y === 1).length} in scope); low ${model.low}, high ${model.high}`);
  for (const [i, name] of FEATURE_NAMES.entries()) console.log(`  ${name.padEnd(16)} ${model.weights[i]}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
