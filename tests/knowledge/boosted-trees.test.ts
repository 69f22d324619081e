import { describe, expect, it } from "vitest";
import { boostedProbability, fitBoostedTrees, treeValue, type LabelledExample } from "../../src/knowledge/boosted-trees.js";

describe("boosted trees", () => {
  it("read a split the way it was made", () => {
    expect(treeValue({ f: 1, t: 2, l: -1, r: 1 }, [0, 2])).toBe(-1);
    expect(treeValue({ f: 1, t: 2, l: -1, r: 1 }, [0, 2.5])).toBe(1);
    expect(boostedProbability({ rate: 0.5, trees: [2, { f: 0, t: 0, l: -2, r: 2 }] }, [1])).toBeCloseTo(1 / (1 + Math.exp(-2)), 9);
  });

  it("learn what no single feature says: yes only where two features agree", () => {
    const data: LabelledExample[] = [];
    for (let i = 0; i < 200; i++) {
      const a = (i % 10) / 10;
      const b = Math.floor(i / 10) / 20;
      data.push({ x: [a, b], y: a >= 0.5 && b >= 0.5 ? 1 : 0 });
    }
    const model = fitBoostedTrees(data, { rounds: 60, rate: 0.3, depth: 2, minLeaf: 5, lambda: 1 });
    expect(boostedProbability(model, [0.9, 0.9])).toBeGreaterThan(0.5);
    expect(boostedProbability(model, [0.9, 0.1])).toBeLessThan(0.5);
    expect(boostedProbability(model, [0.1, 0.9])).toBeLessThan(0.5);
    expect(() => fitBoostedTrees([{ x: [1], y: 1 }], { rounds: 1, rate: 0.1, depth: 1, minLeaf: 1, lambda: 1 })).toThrow(/both labels/);
  });
});
