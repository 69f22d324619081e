import type { SourceDocument, Topic } from "./types.js";

/** Suggestions returned unless the caller asks for another number (platforms cut to their own limits). */
export const MAX_SUGGESTIONS = 25;
/** Longest suggestion kept: questions, not paragraphs. */
export const MAX_SUGGESTION_CHARS = 100;

/** Candidate questions drawn from the topic (known questions, parties, terms) and the section headings. */
export function suggestionPool(topic: Topic, documents: readonly SourceDocument[]): string[] {
  const pool = [
    ...topic.suggestions,
    ...topic.parties.map((p) => `What does ${p.name} argue?`),
    ...topic.terms.filter((t) => t.aliases.length > 0).map((t) => `What is ${t.name}?`),
    ...documents.flatMap((d) => d.passages.map((p) => p.section).filter((s): s is string => s !== null)),
  ];
  return [...new Set(pool.map((s) => s.trim()).filter((s) => s.length > 0 && s.length <= MAX_SUGGESTION_CHARS))];
}

/**
 * Suggestions for what a user has typed so far: every typed word must start a word of the
 * suggestion (the last one may be partial); with nothing typed, the topic's known questions.
 */
export function suggest(pool: readonly string[], typed: string, limit = MAX_SUGGESTIONS): string[] {
  const words = typed.toLowerCase().split(/[^\p{L}\p{N}$]+/u).filter(Boolean);
  if (words.length === 0) return pool.slice(0, limit);
  const scored: { text: string; score: number }[] = [];
  for (const text of pool) {
    const own = text.toLowerCase().split(/[^\p{L}\p{N}$]+/u).filter(Boolean);
    const hits = words.filter((w) => own.some((o) => o.startsWith(w))).length;
    if (hits === words.length) scored.push({ text, score: hits * 10 - text.length / 100 });
  }
  return scored.sort((a, b) => b.score - a.score).slice(0, limit).map((s) => s.text);
}
