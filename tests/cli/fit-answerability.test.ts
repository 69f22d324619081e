import { readFileSync } from "node:fs";
import { join, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { ANSWERABILITY, answerability, confidenceOf, FEATURE_NAMES } from "../../src/knowledge/answerability.js";
import { fitAnswerability, fitModel, foldOf, FOLDS, writerFolds, operatingPoints, OPERATING_SET, outOfFoldScores, scoreOf, TRAINING_SETS, type Example } from "../../src/cli/fit-answerability.js";
import { loadCorpus } from "../../src/sources/seeds.js";
import { DEFAULT_SEEDS_DIR, PROJECT_ROOT } from "../../src/paths.js";

const rest = (): number[] => FEATURE_NAMES.slice(1).map(() => 0.5);
const typeAt = FEATURE_NAMES.indexOf("typeMatch");

/** Examples whose first feature (coverage) separates answerable (1) from not (0), with some overlap. */
function examples(): Example[] {
  const out: Example[] = [];
  for (let i = 0; i < 40; i++) {
    const noise = ((i * 37) % 11) / 50;
    out.push({ x: [0.6 + noise, ...rest()], y: 1 });
    out.push({ x: [0.25 + noise, ...rest()], y: 0 });
  }
  return out;
}

describe("the answer model's trees", () => {
  it("learn that more coverage means more likely answerable", () => {
    const model = { ...fitModel(examples(), { rounds: 30, rate: 0.2, depth: 2, minLeaf: 5, lambda: 1 }), features: [...FEATURE_NAMES], high: 0.8, low: 0.5 };
    expect(answerability([0.9, ...rest()], model)).toBeGreaterThan(answerability([0.2, ...rest()], model));
    expect(confidenceOf(answerability([0.9, ...rest()], model), model)).not.toBe("none");
    expect(confidenceOf(answerability([0.1, ...rest()], model), model)).toBe("none");
  });
});

describe("operating points", () => {
  it("put the low point where the target share is answered, never above a question that must be answered", () => {
    const scored = Array.from({ length: 100 }, (_, i) => ({ p: i / 100, y: (i >= 20 ? 1 : 0) as 0 | 1 }));
    const { low, high } = operatingPoints(scored);
    const answered = scored.filter((s) => s.y === 1 && s.p >= low).length;
    expect(answered / 80).toBeGreaterThanOrEqual(0.95);
    expect(answered).toBeLessThan(80);
    expect(high).toBeGreaterThanOrEqual(low);
    expect(operatingPoints(scored, [0.1]).low).toBe(0.1);
  });

  it("count a question whose best passage lacks the kind of answer it asks for as never answered", () => {
    const model = fitModel(examples(), { rounds: 10, rate: 0.2, depth: 1, minLeaf: 5, lambda: 1 });
    const lacking = { x: FEATURE_NAMES.map((_, i) => (i === typeAt ? 0 : 0.9)), y: 1 as const };
    expect(scoreOf(model, lacking)).toBe(-1);
    expect(scoreOf(model, { ...lacking, x: lacking.x.map((v, i) => (i === typeAt ? 1 : v)) })).toBeGreaterThan(0);
  });

  it("are read from tuning questions scored by models fitted without them", () => {
    const data = examples();
    // the tuning questions are the texts of one fold; the model scoring them never saw them
    const training = data.map((example, i) => ({ text: `question ${i}`, example }));
    const fold = foldOf(training[0]!.text);
    const tuning = new Set(training.filter((t) => foldOf(t.text) === fold).map((t) => t.text));
    const settings = { rounds: 10, rate: 0.2, depth: 1, minLeaf: 3, lambda: 1 };
    const scored = outOfFoldScores(training, tuning, settings);
    expect(FOLDS).toBeGreaterThan(1);
    const without = fitModel(training.filter((t) => !tuning.has(t.text)).map((t) => t.example), settings);
    expect(scored).toEqual(training.filter((t) => tuning.has(t.text)).map((t) => ({ p: scoreOf(without, t.example), y: t.example.y })));
  });

  it("leave whole writers out together, and a question without a writer by its text", () => {
    const writers = Array.from({ length: FOLDS + 2 }, (_, i) => `w${String(i).padStart(2, "0")}`);
    const questions = writers.flatMap((writer) => [0, 1, 2].map((n) => ({ q: `${writer} asks ${n}`, writer })));
    const foldFor = writerFolds({ questions, outOfScope: [{ q: "w00 is off topic", writer: "w00" }, "no writer at all"] });
    for (const writer of writers) expect(new Set(questions.filter((x) => x.writer === writer).map((x) => foldFor(x.q))).size).toBe(1);
    expect(foldFor("w00 is off topic")).toBe(foldFor("w00 asks 0"));
    // writers are dealt to the folds in turn: every fold gets one
    expect(new Set(writers.map((w) => foldFor(`${w} asks 0`))).size).toBe(FOLDS);
    expect(foldFor("no writer at all")).toBe(foldOf("no writer at all"));
  });
});

describe("the shipped answer model", () => {
  it("is what the fitting command fits from the tuning sets, never the held-out part", { timeout: 120_000 }, () => {
    expect(TRAINING_SETS.some((f) => /heldout/.test(f))).toBe(false);
    expect(OPERATING_SET).not.toMatch(/heldout/);
    const fitted = fitAnswerability(loadCorpus(DEFAULT_SEEDS_DIR), `${join(PROJECT_ROOT, "tests", "eval")}${sep}`);
    const shipped = JSON.parse(readFileSync(join(PROJECT_ROOT, "src", "knowledge", "answerability-model.json"), "utf8")) as unknown;
    expect(fitted).toEqual(shipped);
    expect(ANSWERABILITY.features).toEqual([...FEATURE_NAMES]);
    expect(ANSWERABILITY.low).toBeLessThan(ANSWERABILITY.high);
  });
});
