import type { Corpus } from "./corpus.js";
import type { DocumentMeta, Passage, PassageKind, SourceDocument, TableCell, Topic } from "./types.js";

const KINDS: readonly PassageKind[] = ["paragraph", "bullet", "table-row", "quote"];

/**
 * A corpus in columns: all passage texts as one run of UTF-8 bytes (decoded a document at a time,
 * when its passages are first asked for), typed arrays for the numbers.
 */
export interface PackedCorpus {
  readonly topic: Topic;
  readonly documents: readonly { id: string; meta: DocumentMeta; headings: readonly string[]; first: number; last: number }[];
  readonly text: Uint8Array;
  /** Where each passage's text ends in `text`, in bytes. */
  readonly textEnd: Uint32Array;
  readonly kind: Uint8Array;
  readonly paragraph: Uint32Array;
  readonly line: Uint32Array;
  /** Index into `strings` + 1; 0 for null. */
  readonly section: Uint32Array;
  readonly leadIn: Uint32Array;
  readonly strings: readonly string[];
  readonly cells: readonly (readonly [number, readonly TableCell[]])[];
  /** Sentences of passage p are `sentenceFirst[p] .. sentenceFirst[p+1]-1`. */
  readonly sentenceFirst: Uint32Array;
  readonly sentenceStart: Uint32Array;
  readonly sentenceEnd: Uint32Array;
}

/** Packs a corpus for a snapshot (the seeds' raw text is not kept: it is read from disk when asked for). */
export function packCorpus(corpus: Corpus): PackedCorpus {
  const passages = corpus.documents.flatMap((d) => d.passages);
  const sentences = passages.reduce((n, p) => n + p.sentences.length, 0);
  const strings = new Map<string, number>();
  const intern = (s: string | null): number => {
    if (s === null) return 0;
    let id = strings.get(s);
    if (id === undefined) strings.set(s, (id = strings.size));
    return id + 1;
  };
  const packed = {
    textEnd: new Uint32Array(passages.length),
    kind: new Uint8Array(passages.length),
    paragraph: new Uint32Array(passages.length),
    line: new Uint32Array(passages.length),
    section: new Uint32Array(passages.length),
    leadIn: new Uint32Array(passages.length),
    sentenceFirst: new Uint32Array(passages.length + 1),
    sentenceStart: new Uint32Array(sentences),
    sentenceEnd: new Uint32Array(sentences),
  };
  const cells: [number, readonly TableCell[]][] = [];
  const encoder = new TextEncoder();
  const texts = passages.map((p) => encoder.encode(p.text));
  const text = new Uint8Array(texts.reduce((n, t) => n + t.byteLength, 0));
  let length = 0;
  let s = 0;
  passages.forEach((p, i) => {
    text.set(texts[i]!, length);
    length += texts[i]!.byteLength;
    packed.textEnd[i] = length;
    packed.kind[i] = KINDS.indexOf(p.kind);
    packed.paragraph[i] = p.paragraph;
    packed.line[i] = p.line;
    packed.section[i] = intern(p.section);
    packed.leadIn[i] = intern(p.leadIn);
    if (p.cells) cells.push([i, p.cells]);
    packed.sentenceFirst[i] = s;
    for (const span of p.sentences) {
      packed.sentenceStart[s] = span.start;
      packed.sentenceEnd[s++] = span.end;
    }
  });
  packed.sentenceFirst[passages.length] = s;
  let first = 0;
  const documents = corpus.documents.map((d) => {
    const entry = { id: d.id, meta: d.meta, headings: d.headings, first, last: first + d.passages.length };
    first += d.passages.length;
    return entry;
  });
  return { topic: corpus.topic, documents, text, strings: [...strings.keys()], cells, ...packed };
}

/**
 * Rebuilds a corpus from its packed form. A document's passages are made when first asked for,
 * and `readRaw(id)` supplies its raw text when that is asked for. Also returns the first passage
 * of each document (and the end), the layout the index's units refer to.
 */
export function unpackCorpus(packed: PackedCorpus, readRaw: (id: string) => string): { corpus: Corpus; documentFirst: Uint32Array } {
  const cells = new Map(packed.cells);
  const decoder = new TextDecoder();
  const string = (ref: number): string | null => (ref === 0 ? null : packed.strings[ref - 1]!);
  const passagesOf = (d: PackedCorpus["documents"][number]): Passage[] => {
    const passages: Passage[] = [];
    for (let i = d.first; i < d.last; i++) {
      const sentences = [];
      for (let s = packed.sentenceFirst[i]!; s < packed.sentenceFirst[i + 1]!; s++) sentences.push({ start: packed.sentenceStart[s]!, end: packed.sentenceEnd[s]! });
      const paragraph = packed.paragraph[i]!;
      passages.push({
        id: `${d.id}#${paragraph}`,
        document: d.id,
        paragraph,
        line: packed.line[i]!,
        kind: KINDS[packed.kind[i]!]!,
        text: decoder.decode(packed.text.subarray(i === 0 ? 0 : packed.textEnd[i - 1]!, packed.textEnd[i]!)),
        section: string(packed.section[i]!),
        leadIn: string(packed.leadIn[i]!),
        cells: cells.get(i) ?? null,
        sentences,
      });
    }
    return passages;
  };
  const documents: SourceDocument[] = packed.documents.map((d) => {
    let raw: string | undefined;
    let passages: Passage[] | undefined;
    return {
      id: d.id,
      meta: d.meta,
      headings: d.headings,
      get passages(): Passage[] {
        passages ??= passagesOf(d);
        return passages;
      },
      get raw(): string {
        raw ??= readRaw(d.id);
        return raw;
      },
    };
  });
  const documentFirst = new Uint32Array(packed.documents.length + 1);
  packed.documents.forEach((d, i) => (documentFirst[i] = d.first));
  documentFirst[packed.documents.length] = packed.documents.at(-1)?.last ?? 0;
  return { corpus: { documents, topic: packed.topic }, documentFirst };
}
