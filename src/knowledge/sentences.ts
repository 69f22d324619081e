import type { SentenceSpan } from "./types.js";

/** Abbreviations after which a period does not end a sentence. */
const ABBREVIATIONS = new Set([
  "vs", "v", "mr", "mrs", "ms", "dr", "prof", "inc", "corp", "co", "ltd", "st", "jr", "sr",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  "e.g", "i.e", "u.s", "u.k", "etc", "approx",
]);

/**
 * Splits text into sentences and returns their character offsets.
 * A sentence ends at `.`, `!`, `?` or `…` (optionally followed by a closing quote or bracket)
 * followed by white space and an upper-case letter, digit, quote or currency sign.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const boundary = /([.!?…])(["”’')\]]*)(\s+)(?=["“‘'(\[]?[A-Z0-9$£€])/g;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    const punctuationAt = match.index;
    if (match[1] === "." && isAbbreviation(text, punctuationAt)) continue;
    const end = punctuationAt + match[1]!.length + match[2]!.length;
    pushTrimmed(text, start, end, spans);
    start = end + match[3]!.length;
  }
  pushTrimmed(text, start, text.length, spans);
  return spans;
}

function isAbbreviation(text: string, periodAt: number): boolean {
  const before = text.slice(Math.max(0, periodAt - 8), periodAt);
  const word = /([A-Za-z.]+)$/.exec(before)?.[1] ?? "";
  if (word.length === 1 && /[A-Z]/.test(word)) return true; // an initial: "Abbas M."
  return ABBREVIATIONS.has(word.toLowerCase());
}

function pushTrimmed(text: string, start: number, end: number, spans: SentenceSpan[]): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e > s) spans.push({ start: s, end: e });
}
