/**
 * A claim that the whole of a sum is one way ("the whole 50b is paid upfront") against a source
 * that splits the sum into parts that are not all that way ("$15 billion immediate, $35 billion
 * contingent on milestones"). Pure.
 */
import { CLAIM_CHECK, type ClaimReading } from "./claim-context.js";
import { sentencesOf } from "./claim-reading.js";
import { extractFigures } from "./facts.js";
import type { RankedPassage } from "./retrieval.js";

/** The whole of a sum: "the whole 50b", "the full amount", "all of the money", "every dollar". */
const WHOLE = /\b(?:(?:whole|full|entire)\b|all\s+(?:of\s+)?(?:the\s+|its\s+|their\s+|that\s+)?(?:\$?\d|money|cash|amount|sum|funds?|investment)|every\s+(?:dollar|cent|penny)\b)/i;
/** "Not the whole", "isn't all of it": the claim denies the whole. */
const NOT_WHOLE = /\b(?:not|never|isn['’]t|wasn['’]t|aren['’]t)\s+(?:\w+\s+){0,2}?(?:the\s+)?(?:whole|full|entire|all)\b/i;

/**
 * The part of the sum a source sentence sets apart, when the claim says the whole of the sum is
 * what the sentence says of one part only: the sentence gives two sums or more, one of them followed
 * by a word of the claim beyond its parties ("$15 billion immediate" for "upfront"), and that sum is
 * not the claim's own figure, which the passage gives as the whole. Null otherwise.
 */
export function partForWhole(reading: ClaimReading, sentence: string, passage: string): string | null {
  const { claim, analyzer, partyIds, parts } = reading;
  if (!WHOLE.test(claim) || NOT_WHOLE.test(claim) || reading.claimHedged) return null;
  const sums = extractFigures(sentence).filter((f) => f.key.startsWith("usd:"));
  if (new Set(sums.map((f) => f.key)).size < 2) return null;
  const claimed = extractFigures(claim).filter((f) => f.key.startsWith("usd:")).map((f) => f.key);
  const passageSums = new Set(extractFigures(passage).map((f) => f.key));
  // the whole the claim names must be one the passage gives; a claim naming no figure must be about the sentence
  if (claimed.length > 0 ? !claimed.some((k) => passageSums.has(k)) : reading.share(sentence) < CLAIM_CHECK.relevant) return null;
  const words = parts.filter((p) => !partyIds.has(p.term) && !p.term.startsWith("usd"));
  // a part is less than the whole the passage gives
  const amount = (key: string): number => Number(key.slice("usd:".length));
  const whole = Math.max(...[...passageSums].filter((k) => k.startsWith("usd:")).map(amount));
  for (const sum of sums) {
    if (claimed.includes(sum.key) || amount(sum.key) >= whole) continue;
    // the words that say what the part is, up to the next mark: "immediate", "contingent on milestones"
    const after = (sentence.slice(sum.index + sum.raw.length).split(/[,;:()]/)[0] ?? "").split(/\s+/).filter(Boolean).slice(0, 3).join(" ");
    const terms = analyzer.terms(after);
    if (words.some((p) => terms.some((t) => p.matches.has(t)))) return `${sum.raw} ${after}`;
  }
  return null;
}

/** The first sentence of a passage that gives a part of the sum a claim says is whole (see {@link partForWhole}), or null. */
export function wholeSplitIn(reading: ClaimReading, c: RankedPassage): { readonly part: string; readonly sentence: number; readonly text: string } | null {
  if (!WHOLE.test(reading.claim)) return null;
  for (const [sentence, text] of sentencesOf(c).entries()) {
    const part = partForWhole(reading, text, c.passage.text);
    if (part) return { part, sentence, text };
  }
  return null;
}
