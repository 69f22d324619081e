import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { WordVectors } from "../knowledge/types.js";
import { PROJECT_ROOT } from "../paths.js";

/** Where the word vectors are kept (written by `npm run vectors`). */
export const WORD_VECTORS_FILE = join(PROJECT_ROOT, "src", "sources", "word-vectors.bin");
/** The file's format name, in its header line. */
export const WORD_VECTORS_FORMAT = "dispute-bot word vectors 1";

/**
 * Reads word vectors written by `npm run vectors`: a JSON header line, the words one per line
 * (commonest first), then one row of signed bytes per word. Each row is scaled to unit length
 * as it is added.
 */
export function decodeWordVectors(file: Buffer): WordVectors {
  const headEnd = file.indexOf(0x0a);
  const header = JSON.parse(file.subarray(0, headEnd).toString("utf8")) as { format: string; count: number; dimensions: number };
  if (header.format !== WORD_VECTORS_FORMAT) throw new Error(`word vectors: unknown format ${JSON.stringify(header.format)}`);
  const { count, dimensions } = header;
  let at = headEnd + 1;
  const rows = new Map<string, number>();
  for (let row = 0; row < count; row++) {
    const end = file.indexOf(0x0a, at);
    if (end < 0) throw new Error(`word vectors: ${row} of ${count} words`);
    const word = file.subarray(at, end).toString("utf8");
    if (!rows.has(word)) rows.set(word, row);
    at = end + 1;
  }
  if (file.length - at !== count * dimensions) throw new Error(`word vectors: ${file.length - at} bytes of vectors, expected ${count * dimensions}`);
  const bytes = new Int8Array(file.buffer, file.byteOffset + at, count * dimensions);
  const inverseNorm = new Float32Array(count);
  for (let row = 0; row < count; row++) {
    let sum = 0;
    for (let i = row * dimensions; i < (row + 1) * dimensions; i++) sum += bytes[i]! * bytes[i]!;
    inverseNorm[row] = sum > 0 ? 1 / Math.sqrt(sum) : 0;
  }
  return {
    dimensions,
    rowOf: (word) => rows.get(word),
    addTo(into, row, weight) {
      const scale = weight * inverseNorm[row]!;
      const base = row * dimensions;
      for (let i = 0; i < dimensions; i++) into[i]! += scale * bytes[base + i]!;
    },
  };
}

let shared: WordVectors | undefined;
/** The project's word vectors, read on first use. They ship with the project: a missing file is an error. */
export function defaultWordVectors(): WordVectors {
  if (!existsSync(WORD_VECTORS_FILE)) throw new Error(`word vectors missing: ${WORD_VECTORS_FILE} (it ships with the project; \`npm run vectors\` rebuilds it)`);
  shared ??= decodeWordVectors(readFileSync(WORD_VECTORS_FILE));
  return shared;
}
