/** Words per shingle. */
export const SHINGLE_WORDS = 5;
/** Shingle-set Jaccard similarity from which two texts are near-duplicates. */
export const NEAR_DUPLICATE_THRESHOLD = 0.8;

/** The words of a text: lower-case letters and digits, quotes and dashes unified, punctuation dropped. */
function words(text: string): string[] {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .split(/[^\p{L}\p{N}'$%]+/u)
    .map((w) => w.replace(/^'+|'+$/g, ""))
    .filter((w) => w !== "");
}

/** The set of overlapping runs of {@link SHINGLE_WORDS} words (the whole text when shorter). */
function shingles(text: string): Set<string> {
  const w = words(text);
  const set = new Set<string>();
  if (w.length === 0) return set;
  if (w.length < SHINGLE_WORDS) {
    set.add(w.join(" "));
    return set;
  }
  for (let i = 0; i + SHINGLE_WORDS <= w.length; i++) set.add(w.slice(i, i + SHINGLE_WORDS).join(" "));
  return set;
}

/**
 * Jaccard similarity of the two texts' 5-word shingle sets (|A ∩ B| / |A ∪ B|), from 0 to 1.
 * Case, punctuation and white space do not count. Two empty texts are 1; one empty text is 0.
 */
export function similarity(textA: string, textB: string): number {
  const a = shingles(textA);
  const b = shingles(textB);
  if (a.size === 0 && b.size === 0) return 1;
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const s of small) if (large.has(s)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Whether two article texts are near-identical, as syndicated copies of one article are.
 * Rule: the Jaccard similarity of their sets of overlapping 5-word shingles (lower-cased, punctuation
 * dropped) is at least 0.8 ({@link NEAR_DUPLICATE_THRESHOLD}). A copy with a different headline, byline
 * or a sentence added still passes; a rewrite of the same news in other words does not.
 */
export function nearDuplicate(textA: string, textB: string): boolean {
  return similarity(textA, textB) >= NEAR_DUPLICATE_THRESHOLD;
}
