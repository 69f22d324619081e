import { describe, expect, it } from "vitest";
import { answerability, confidenceOf, FEATURE_NAMES } from "../../src/knowledge/answerability.js";
import { fitLogistic, operatingPoints } from "../../src/cli/fit-answerability.js";

/** Examples whose first feature (coverage) separates answerable (1) from not (0), with some overlap. */
function examples(): { x: number[]; y: 0 | 1 }[] {
  const out: { x: number[]; y: 0 | 1 }[] = [];
  for (let i = 0; i < 40; i++) {
    const noise = ((i * 37) % 11) / 50;
    const rest = FEATURE_NAMES.slice(1).map(() => 0.5);
    out.push({ x: [0.6 + noise, ...rest], y: 1 });
    out.push({ x: [0.25 + noise, ...rest], y: 0 });
  }
  return out;
}

describe("answerability fitting", () => {
  it("learns that more coverage means more likely answerable", () => {
    const model = { ...fitLogistic(examples()), high: 0.8, low: 0.5 };
    expect(model.weights[0]).toBeGreaterThan(0);
    const rest = FEATURE_NAMES.slice(1).map(() => 0.5);
    expect(answerability([0.9, ...rest], model)).toBeGreaterThan(answerability([0.2, ...rest], model));
    expect(confidenceOf(answerability([0.9, ...rest], model), model)).not.toBe("none");
    expect(confidenceOf(answerability([0.1, ...rest], model), model)).toBe("none");
  });

  it("puts the low point where it answers the target share, and never above a question it must answer", () => {
    const data = examples();
    const fitted = fitLogistic(data);
    const full = { ...fitted, high: 1, low: 0 };
    const { low, high } = operatingPoints(fitted, data);
    const answered = data.filter((e) => e.y === 1 && answerability(e.x, full) >= low).length;
    expect(answered / 40).toBeGreaterThanOrEqual(0.9);
    expect(high).toBeGreaterThanOrEqual(low);
    const hard = { x: [0.05, ...FEATURE_NAMES.slice(1).map(() => 0.5)], y: 1 as const };
    const forced = operatingPoints(fitted, data, [hard]);
    expect(answerability(hard.x, full)).toBeGreaterThanOrEqual(forced.low);
    // a question quoting a passage is answered whatever the model says: it does not pull the point down
    expect(operatingPoints(fitted, data, [{ ...hard, quotes: true }]).low).toBe(low);
  });
});
