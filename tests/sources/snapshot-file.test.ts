import { describe, expect, it } from "vitest";
import { decodeSnapshot, encodeSnapshot } from "../../src/sources/snapshot-file.js";

const sample = {
  key: "abc",
  nested: { list: [1, "two", null, true, { deep: new Float32Array([0.5, -1.25]) }] },
  bytes: new Uint8Array([1, 2, 3]),
  words: new Uint32Array([7, 4_000_000_000]),
  halves: new Uint16Array([65535, 0, 9]),
  text: "naïve — “quoted”",
};

describe("snapshot files", () => {
  it("gives back the same tree, typed arrays of the same type and contents", () => {
    const back = decodeSnapshot(encodeSnapshot(sample)) as typeof sample;
    expect(back).toEqual(sample);
    expect(back.words).toBeInstanceOf(Uint32Array);
    expect(back.nested.list[4]).toEqual({ deep: new Float32Array([0.5, -1.25]) });
  });

  it("makes aligned typed arrays views over the file's bytes, and copies misaligned ones", () => {
    const file = encodeSnapshot(sample);
    const aligned = new Uint8Array(new ArrayBuffer(file.byteLength));
    aligned.set(file);
    expect((decodeSnapshot(aligned) as typeof sample).words.buffer).toBe(aligned.buffer);
    const shifted = new Uint8Array(new ArrayBuffer(file.byteLength + 1), 1);
    shifted.set(file);
    const back = decodeSnapshot(shifted) as typeof sample;
    expect(back.words.buffer).not.toBe(shifted.buffer);
    expect(back).toEqual(sample);
  });

  it("refuses what it cannot store rather than dropping it", () => {
    expect(() => encodeSnapshot({ m: new Map() })).toThrow(/snapshot\.m is a Map/);
    expect(() => encodeSnapshot({ n: Number.NaN })).toThrow(/finite/);
    expect(() => encodeSnapshot({ u: [undefined] })).toThrow(/cannot be stored/);
    expect(() => encodeSnapshot({ $typed: "Uint8Array" })).toThrow(/reserved/);
  });

  it("throws on bytes that are not a whole snapshot", () => {
    const file = encodeSnapshot(sample);
    expect(() => decodeSnapshot(Buffer.from("not a snapshot"))).toThrow(/not a snapshot/);
    expect(() => decodeSnapshot(file.subarray(0, 20))).toThrow(/truncated/);
    expect(() => decodeSnapshot(file.subarray(0, file.byteLength - 4))).toThrow(/truncated/);
  });
});
