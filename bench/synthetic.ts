import type { SeedFile } from "../src/knowledge/corpus.js";
import type { Corpus } from "../src/knowledge/corpus.js";
import { pick, seededRandom } from "./random.js";

const PARAGRAPHS_PER_DOCUMENT = 50;

/** A word-bigram model of the seeds' sentences: their vocabulary and sentence shapes. */
interface SentenceModel {
  readonly starts: readonly string[];
  readonly next: ReadonlyMap<string, readonly string[]>;
  readonly lengths: readonly number[];
  readonly sentencesPerParagraph: readonly number[];
}

function modelOf(corpus: Corpus): SentenceModel {
  const starts: string[] = [];
  const next = new Map<string, string[]>();
  const lengths: number[] = [];
  const perParagraph: number[] = [];
  for (const d of corpus.documents) {
    for (const p of d.passages) {
      perParagraph.push(Math.max(1, p.sentences.length));
      for (const s of p.sentences) {
        const words = p.text.slice(s.start, s.end).split(/\s+/).filter(Boolean);
        if (words.length < 3) continue;
        starts.push(words[0]!);
        lengths.push(words.length);
        for (let i = 0; i + 1 < words.length; i++) {
          const list = next.get(words[i]!) ?? [];
          list.push(words[i + 1]!);
          next.set(words[i]!, list);
        }
      }
    }
  }
  return { starts, next, lengths, sentencesPerParagraph: perParagraph };
}

function sentence(model: SentenceModel, random: () => number): string {
  const length = pick(random, model.lengths);
  const words = [pick(random, model.starts)];
  while (words.length < length) {
    const options = model.next.get(words[words.length - 1]!);
    words.push(options && options.length > 0 ? pick(random, options) : pick(random, model.starts));
  }
  const text = words.join(" ").replace(/[.!?…:;,]+$/, "");
  return `${text}.`;
}

/**
 * Generates seed files with `paragraphs` paragraphs in all, from the real corpus's vocabulary and
 * sentence shapes (seeded, so the same arguments give the same corpus). One paragraph per line,
 * with a heading every ten paragraphs, like the captures.
 */
export function syntheticSeeds(real: Corpus, paragraphs: number, seed = 42): SeedFile[] {
  const model = modelOf(real);
  const random = seededRandom(seed);
  const seeds: SeedFile[] = [];
  for (let d = 0; d * PARAGRAPHS_PER_DOCUMENT < paragraphs; d++) {
    const lines: string[] = [];
    const count = Math.min(PARAGRAPHS_PER_DOCUMENT, paragraphs - d * PARAGRAPHS_PER_DOCUMENT);
    for (let i = 0; i < count; i++) {
      if (i % 10 === 0) lines.push(`Section ${d}-${i / 10} on ${pick(random, model.starts)} and ${pick(random, model.starts)}`);
      const n = pick(random, model.sentencesPerParagraph);
      lines.push(Array.from({ length: n }, () => sentence(model, random)).join(" "));
    }
    const day = String(1 + (d % 28)).padStart(2, "0");
    seeds.push({
      id: `synthetic-${String(d).padStart(5, "0")}`,
      raw: lines.join("\n"),
      meta: { title: `Synthetic report ${d}`, titleFrom: "text", outlet: `Outlet ${d % 17}`, author: null, published: `2026-02-${day}`, publishedAt: null, url: null },
    });
  }
  return seeds;
}

const QUESTION_SHAPES = [
  (a: string, b: string) => `what did ${a} say about ${b}`,
  (a: string, b: string) => `how much ${a} ${b}`,
  (a: string, b: string) => `when was the ${a} ${b}`,
  (a: string, b: string) => `${a} vs ${b}?`,
  (a: string, b: string) => `is ${a} still ${b}`,
  (a: string, b: string) => `who is ${a} in the ${b} deal`,
  (a: string, b: string) => `${a} ${b}`,
  (a: string, b: string) => `whats the ${a} and ${b} thing`,
];

/** 200 (or `count`) chat-style queries built from the corpus vocabulary, seeded. */
export function syntheticQueries(real: Corpus, count = 200, seed = 7): string[] {
  const random = seededRandom(seed);
  const words = [...new Set(real.documents.flatMap((d) => d.passages.flatMap((p) => p.text.toLowerCase().match(/[a-z][a-z$0-9-]{3,}/g) ?? [])))].sort();
  const terms = ["ms", "aws", "openai", "sre", "$50b", "azure", "bedrock", "frontier", "stateless", "lawsuit"];
  return Array.from({ length: count }, (_, i) => {
    const shape = QUESTION_SHAPES[i % QUESTION_SHAPES.length]!;
    const a = random() < 0.5 ? pick(random, terms) : pick(random, words);
    return shape(a, pick(random, words));
  });
}
