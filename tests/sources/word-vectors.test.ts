import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { encodeVectors, KEPT_WORDS, readVectors } from "../../src/cli/build-word-vectors.js";
import type { WordVectors } from "../../src/knowledge/types.js";
import { decodeWordVectors, defaultWordVectors, WORD_VECTORS_FILE } from "../../src/sources/word-vectors.js";

/** Cosine of two words' vectors as the ranking adds them up. */
function cosine(vectors: WordVectors, a: string, b: string): number {
  const va = new Float32Array(vectors.dimensions);
  const vb = new Float32Array(vectors.dimensions);
  vectors.addTo(va, vectors.rowOf(a)!, 1);
  vectors.addTo(vb, vectors.rowOf(b)!, 1);
  return va.reduce((s, x, i) => s + x * vb[i]!, 0);
}

describe("word vectors", () => {
  it("reads the package's JSON in its order, escaped words included, and stops at the count", () => {
    const json = Buffer.from(
      JSON.stringify({ precision: 8, l2NormIndex: 3, wordIndex: 4, size: 4, dimensions: 3, words: ["the", "\\", 'say"s', "cat"], vectors: { the: [1, 0, 0, 1, 0], "\\": [0, 1, 0, 1, 1], 'say"s': [0, 0, 2, 2, 2], cat: [1, 1, 0, 1.4, 3] }, unkVector: [0, 0, 0, 0, -1] }),
    );
    const read = readVectors(json, 3);
    expect(read.words).toEqual(["the", "\\", 'say"s']);
    expect(read.dimensions).toBe(3);
    expect([...read.vectors[2]!]).toEqual([0, 0, 2]);
  });

  it("keeps each word's direction through the signed-byte file", () => {
    const words = ["court", "lawsuit", "banana"];
    const vectors = [Float32Array.from([0.9, 0.4, 0.1]), Float32Array.from([0.8, 0.5, 0.2]), Float32Array.from([-0.1, 0.2, 0.95])];
    const decoded = decodeWordVectors(encodeVectors(words, 3, vectors, "test"));
    expect(decoded.dimensions).toBe(3);
    expect(decoded.rowOf("lawsuit")).toBe(1);
    expect(decoded.rowOf("tomato")).toBeUndefined();
    const exact = (a: Float32Array, b: Float32Array): number => a.reduce((s, x, i) => s + x * b[i]!, 0) / Math.hypot(...a) / Math.hypot(...b);
    expect(cosine(decoded, "court", "lawsuit")).toBeCloseTo(exact(vectors[0]!, vectors[1]!), 2);
    expect(cosine(decoded, "court", "banana")).toBeCloseTo(exact(vectors[0]!, vectors[2]!), 2);
    expect(cosine(decoded, "court", "court")).toBeCloseTo(1, 5);
  });

  it("rejects a file of another format or with bytes missing", () => {
    const good = encodeVectors(["a1", "b2"], 2, [Float32Array.from([1, 0]), Float32Array.from([0, 1])], "test");
    expect(() => decodeWordVectors(good.subarray(0, good.length - 1))).toThrow(/bytes of vectors/);
    expect(() => decodeWordVectors(Buffer.from(`{"format":"other","count":0,"dimensions":2}\n`))).toThrow(/unknown format/);
  });

  it("ships the commonest words, where words of like meaning point alike", () => {
    const vectors = defaultWordVectors();
    expect(readFileSync(WORD_VECTORS_FILE).length).toBeGreaterThan(KEPT_WORDS * vectors.dimensions);
    expect(vectors.rowOf("the")).toBe(0);
    for (const word of ["lawsuit", "court", "investment", "money", "cloud", "agreement"]) expect(vectors.rowOf(word)).toBeDefined();
    expect(cosine(vectors, "lawsuit", "court")).toBeGreaterThan(cosine(vectors, "lawsuit", "cloud") + 0.2);
    expect(cosine(vectors, "investment", "money")).toBeGreaterThan(cosine(vectors, "investment", "court"));
  });
});
