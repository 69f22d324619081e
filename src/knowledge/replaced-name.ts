import { CLAIM_CHECK, type ClaimReading } from "./claim-context.js";
import { SLOT_PREPOSITION, clauses, sentencesOf } from "./claim-reading.js";
import type { RankedPassage } from "./retrieval.js";

/**
 * A name no source uses where a source, holding the rest of the claim, names another after the
 * same preposition: "starts april 27 in san francisco" against "Trial begins April 27 in
 * Oakland", "first reported by the wall street journal" against "first reported by Business
 * Insider". The claim's words after the preposition must be ones no source uses, or capitalised
 * ones that name nothing of the story ("by The Information"). Returns the reason and the passage
 * that names the other.
 */
export function replacedName(reading: ClaimReading, ranked: readonly RankedPassage[], absentWords: readonly string[]): { reason: string; passage: RankedPassage } | null {
  const { claim, parts, analyzer, partyIds } = reading;
  const unknown = new Set(absentWords.map((w) => w.toLowerCase()));
  const bare = (w: string): string => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}'’-]+$/gu, "");
  // a word no source uses, or a capitalised one that names nothing of the story ("The Information")
  const nameWord = (w: string, i: number): boolean =>
    unknown.has(bare(w).toLowerCase()) || (i > 0 && /^\p{Lu}/u.test(bare(w)) && analyzer.concepts(w).size === 0 && /\p{Ll}/u.test(claim));
  for (const clause of clauses(claim)) {
    const words = clause.trim().split(/\s+/);
    // the preposition and the name that close the clause ("… in san francisco", "… by The Information")
    const end = words.length;
    let start = end;
    while (start > 0 && nameWord(words[start - 1]!, start - 1)) start--;
    if (start === end || start < 1 || !words.slice(start).some((w) => unknown.has(bare(w).toLowerCase()) || /^\p{Lu}/u.test(bare(w)))) continue;
    // right after the preposition, or after it and "the"
    const before = words.slice(Math.max(0, start - 2), start).map((w) => w.toLowerCase());
    const preposition = [...before].reverse().find((w, i) => SLOT_PREPOSITION.test(w) && (i === 0 || before[before.length - 1] === "the"));
    if (!preposition) continue;
    const mine = words.slice(start).map(bare).join(" ");
    // how much of the rest of the claim a sentence holds: the name's own words are what is in question
    const own = new Set(analyzer.terms(mine));
    const rest = parts.filter((p) => !own.has(p.term));
    const restTotal = rest.reduce((a, p) => a + p.weight, 0);
    const restShare = (text: string): number => {
      const terms = analyzer.terms(text);
      return restTotal === 0 ? 0 : rest.filter((p) => terms.some((t) => p.matches.has(t))).reduce((a, p) => a + p.weight, 0) / restTotal;
    };
    const theirs = new RegExp(`\\b${preposition}\\s+((?:[A-Z][\\p{L}'’.-]*\\s?){1,3})`, "u");
    for (const c of ranked.slice(0, CLAIM_CHECK.evidence)) {
      for (const sentence of sentencesOf(c)) {
        if (restShare(sentence) < CLAIM_CHECK.relevant) continue;
        const name = theirs.exec(sentence)?.[1]?.trim().replace(/[.,;:]$/, "");
        if (!name || [...analyzer.concepts(name)].some((id) => partyIds.has(id))) continue;
        if (name.toLowerCase().replace(/^the\s+/, "") === mine.toLowerCase().replace(/^the\s+/, "")) return null;
        return { reason: `Sources say ${name}, not ${mine}.`, passage: c };
      }
    }
  }
  return null;
}
