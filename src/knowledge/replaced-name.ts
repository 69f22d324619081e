import { CLAIM_CHECK, type ClaimReading } from "./claim-context.js";
import { SLOT_PREPOSITION, clauses, sentencesOf } from "./claim-reading.js";
import type { RankedPassage } from "./retrieval.js";

/** A name of the claim a source replaces: the reason, the passage and its sentence (an index into its sentences) that name the other. */
export interface Replaced {
  readonly reason: string;
  readonly passage: RankedPassage;
  readonly sentence: number;
}

/**
 * A name no source uses where a source, holding the rest of the claim, names another after the
 * same preposition: "starts april 27 in san francisco" against "Trial begins April 27 in
 * Oakland", "first reported by the wall street journal" against "first reported by Business
 * Insider". The claim's words after the preposition must be ones no source uses, or capitalised
 * ones that name nothing of the story ("by The Information").
 */
export function replacedName(reading: ClaimReading, ranked: readonly RankedPassage[], absentWords: readonly string[]): Replaced | null {
  const { claim, analyzer, partyIds } = reading;
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
    const restShare = restShareOf(reading, mine);
    const theirs = new RegExp(`\\b${preposition}\\s+((?:[A-Z][\\p{L}'’.-]*\\s?){1,3})`, "u");
    for (const c of ranked.slice(0, CLAIM_CHECK.evidence)) {
      for (const [index, sentence] of sentencesOf(c).entries()) {
        if (restShare(sentence) < CLAIM_CHECK.relevant) continue;
        const name = theirs.exec(sentence)?.[1]?.trim().replace(/[.,;:]$/, "");
        if (!name || [...analyzer.concepts(name)].some((id) => partyIds.has(id))) continue;
        if (name.toLowerCase().replace(/^the\s+/, "") === mine.toLowerCase().replace(/^the\s+/, "")) return null;
        return { reason: `Sources say ${name}, not ${mine}.`, passage: c, sentence: index };
      }
    }
  }
  return null;
}

/** Prepositions before the place a thing runs or is hosted: "hosted on Google Cloud", "runs in Azure". */
const PLATFORM_PREPOSITION = /^(?:on|in|at|by|from|inside|within)$/;
/** Those of them that say where a thing is: one of them in a claim stands for any in a source. */
const PLACE_PREPOSITIONS = "(?:on|in|inside|within)";

/**
 * A company or platform of the story that closes the claim after a preposition, where a source
 * holding the rest of the claim names another thing after the same preposition: "the SRE is hosted
 * on google cloud" against "(SRE) hosted on Amazon Bedrock". The claim's name must be one story
 * term with a kind (a company, a cloud platform, an outlet) that the source's sentence does not
 * name.
 */
export function replacedTerm(reading: ClaimReading, ranked: readonly RankedPassage[]): Replaced | null {
  const { claim, analyzer, kindOf, nameOf } = reading;
  for (const clause of clauses(claim)) {
    const words = clause.trim().replace(/[.!?]+$/, "").split(/\s+/);
    // the closing one to three words that name one story term with a kind, right after a preposition (and "the")
    for (let start = words.length - 1; start >= Math.max(1, words.length - 3); start--) {
      const mine = words.slice(start).join(" ");
      const ids = [...analyzer.concepts(mine)];
      const id = ids[0];
      if (id === undefined || ids.length !== 1) continue;
      const kind = kindOf.get(id);
      if (kind === undefined || kind === "party") continue;
      const before = words.slice(Math.max(0, start - 2), start).map((w) => w.toLowerCase());
      const preposition = [...before].reverse().find((w, i) => PLATFORM_PREPOSITION.test(w) && (i === 0 || before[before.length - 1] === "the"));
      if (!preposition) break;
      const restShare = restShareOf(reading, mine);
      // where a thing runs may be said with any preposition of place: "runs on google cloud" against "runs inside Amazon's Bedrock"
      const said = new RegExp(`^${PLACE_PREPOSITIONS}$`).test(preposition) ? PLACE_PREPOSITIONS : preposition;
      const theirs = new RegExp(`\\b${said}\\s+((?:[A-Z][\\p{L}'’.-]*\\s?){1,3})`, "u");
      for (const c of ranked.slice(0, CLAIM_CHECK.evidence)) {
        for (const [index, sentence] of sentencesOf(c).entries()) {
          if (analyzer.concepts(sentence).has(id) || restShare(sentence) < CLAIM_CHECK.relevant) continue;
          const name = theirs.exec(sentence)?.[1]?.trim().replace(/[.,;:]$/, "");
          // the other must be a thing of the story ("on Amazon Bedrock"), not any capitalised word
          if (!name || analyzer.concepts(name).size === 0) continue;
          const named = nameOf.get(id);
          return { reason: `Sources say ${name}, not ${named?.toLowerCase() === mine.toLowerCase() ? named : mine}.`, passage: c, sentence: index };
        }
      }
      break;
    }
  }
  return null;
}

/** How much of the claim beyond a name's own words a text holds (0 when the name is all of it). */
function restShareOf(reading: ClaimReading, name: string): (text: string) => number {
  const own = new Set(reading.analyzer.terms(name));
  const rest = reading.parts.filter((p) => !own.has(p.term));
  const total = rest.reduce((a, p) => a + p.weight, 0);
  return (text) => {
    const terms = reading.analyzer.terms(text);
    return total === 0 ? 0 : rest.filter((p) => terms.some((t) => p.matches.has(t))).reduce((a, p) => a + p.weight, 0) / total;
  };
}
