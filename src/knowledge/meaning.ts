import { cleanChatQuery } from "./chat-query.js";
import type { RankedPassage } from "./ranking.js";
import { STOP_WORDS } from "./stopwords.js";
import type { Passage, Topic, WordVectors } from "./types.js";

/** Settings of the reordering by meaning, chosen on the tuning questions. */
export const MEANING = {
  /** Share of a candidate's new score that comes from meaning; the rest is its word-match score relative to the best. */
  weight: 0.7,
  /** How many of the best word-matched passages are reordered. */
  candidates: 15,
  /** Smoothing of the weight of a word by its frequency: a / (a + share of running text). */
  smoothing: 1e-4,
} as const;

/** Zipf's law estimate of the share of running text taken by the word of a frequency rank (a vocabulary of about 150,000 words). */
const shareOfText = (rank: number): number => 1 / ((rank + 10) * Math.log(150_000));

/**
 * Reorders the best word-matched passages by meaning as well as words: each passage's text (with
 * its lead-in, section and column headers) and the question become averages of their words'
 * vectors, rare words weighing more, and a candidate's place comes from its word-match score
 * (relative to the best) blended with the two averages' cosine. A question put in other words
 * ("take to court" for "legal action") finds the passage that says it. Passages past the first
 * {@link MEANING.candidates} keep their order; nothing is added or dropped.
 */
export function meaningRanker(vectors: WordVectors, topic: Topic): (query: string, ranked: readonly RankedPassage[]) => RankedPassage[] {
  const cosine = meaningCosine(vectors, topic);
  return (query, ranked) => {
    const head = ranked.slice(0, MEANING.candidates);
    const closeness = cosine(query);
    if (closeness === null || head.length < 2) return [...ranked];
    const best = Math.max(...head.map((r) => r.score));
    const blended = head.map((r) => ({ r, score: (1 - MEANING.weight) * (r.score / best) + MEANING.weight * closeness(r.passage) }));
    blended.sort((a, b) => b.score - a.score);
    return [...blended.map((b) => b.r), ...ranked.slice(MEANING.candidates)];
  };
}

/**
 * How close in meaning a query is to each passage: the cosine (0 at least) of their averaged word
 * vectors, a passage read with its lead-in, section and column headers; null for a query with no
 * word that has a vector. Passages' vectors are worked out once.
 */
export function meaningCosine(vectors: WordVectors, topic: Topic): (query: string) => ((passage: Passage) => number) | null {
  // one per vectors and topic, so the reordering by meaning and the fitted one share passages' vectors and the last query's
  const known = cosines.get(vectors)?.get(topic);
  if (known) return known;
  const made = makeMeaningCosine(vectors, topic);
  if (!cosines.has(vectors)) cosines.set(vectors, new WeakMap());
  cosines.get(vectors)!.set(topic, made);
  return made;
}

const cosines = new WeakMap<WordVectors, WeakMap<Topic, (query: string) => ((passage: Passage) => number) | null>>();

function makeMeaningCosine(vectors: WordVectors, topic: Topic): (query: string) => ((passage: Passage) => number) | null {
  const vectorOf = textVectors(vectors, topic);
  const cache = new WeakMap<Passage, Float32Array | null>();
  const passageVector = (passage: Passage): Float32Array | null => {
    let found = cache.get(passage);
    if (found === undefined) {
      found = vectorOf([passage.text, passage.leadIn ?? "", passage.section ?? "", passage.cells?.map((c) => c.header).join(" ") ?? ""].join(" "));
      cache.set(passage, found);
    }
    return found;
  };
  let last: { query: string; closeness: ((passage: Passage) => number) | null } | null = null;
  return (query) => {
    if (last?.query === query) return last.closeness;
    const asked = vectorOf(cleanChatQuery(query));
    const closeness =
      asked === null
        ? null
        : (passage: Passage): number => {
            const v = passageVector(passage);
            return v === null ? 0 : Math.max(0, dot(asked, v));
          };
    last = { query, closeness };
    return closeness;
  };
}

/**
 * A text's meaning as one unit vector: the average of its words' vectors, rare words weighing
 * more, small words left out, the topic's abbreviations read as the names they stand for; null
 * when no word of it has a vector.
 */
export function textVectors(vectors: WordVectors, topic: Topic): (text: string) => Float32Array | null {
  const abbreviations = abbreviationsOf(topic);
  return (text) => {
    const sum = new Float32Array(vectors.dimensions);
    let any = false;
    for (const raw of text.toLowerCase().replace(/[‘’]/g, "'").split(/[^a-z0-9]+/)) {
      for (const word of abbreviations.get(raw) ?? [raw]) {
        if (word.length < 2 || STOP_WORDS.has(word)) continue;
        const row = vectors.rowOf(word);
        if (row === undefined) continue;
        vectors.addTo(sum, row, MEANING.smoothing / (MEANING.smoothing + shareOfText(row)));
        any = true;
      }
    }
    return any ? unit(sum) : null;
  };
}

/** Abbreviations the topic lists for a name ("MSFT", "OAI"), each standing for the name's words. */
function abbreviationsOf(topic: Topic): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const entity of [...topic.parties, ...topic.terms]) {
    const words = entity.name.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
    for (const alias of entity.aliases) if (/^[A-Z]{2,5}$/.test(alias)) found.set(alias.toLowerCase(), words);
  }
  return found;
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

function unit(v: Float32Array): Float32Array | null {
  const norm = Math.sqrt(dot(v, v));
  if (norm === 0) return null;
  for (let i = 0; i < v.length; i++) v[i]! /= norm;
  return v;
}
