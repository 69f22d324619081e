/**
 * Claims of who reported the story first, or of whom reports cite: "pretty sure the FT broke this",
 * "bloomberg broke the original story", "the amazon staff memo was first reported by the verge",
 * "the reports came citing FT and reuters". The sources credit reports to outlets in set phrases
 * ("According to a report by the Financial Times", "citing the Financial Times and Reuters", "a memo
 * first reported by Business Insider"); a claim of nothing but who reported, naming just the outlets
 * a source credits for the same report, is supported, and a claim naming an outlet no source
 * mentions where a source credits another is contradicted. Pure.
 */
import { CLAIM_CHECK, type ClaimReading } from "./claim-context.js";
import { quotedAt, sentencesOf } from "./claim-reading.js";
import type { RankedPassage } from "./retrieval.js";

/** A claim that someone brought the story out first: "broke", "scoop", "leaked", "first reported", "originally from". */
const ORIGIN_CLAIMED = /\b(?:broke|break|breaks|scoop\w*|leak(?:s|ed)?|first\s+(?:to\s+)?report\w*|report\w*\s+(?:it\s+|this\s+)?first|had\s+(?:it|this)\s+first|original(?:ly)?|came\s+from|comes\s+from)\b/i;

/** A claim of whom reports cite: "the reports came citing FT and reuters", "according to the ft". */
const CITED_CLAIMED = /\b(?:citing|cites?|cited|according to|based on|sourced from|reporting from)\b/i;

/** A claim of nothing but: "only the ft", "just reuters". */
const ONLY = /\b(?:only|just|solely|exclusively|alone)\b/i;

/** The claimant is not sure: "maybe bloomberg broke it", "i think the ft had it first". */
const UNSURE = /\b(?:maybe|perhaps|possibly|probably|might|may|could|i think|i guess|i believe|not sure|unsure|or not)\b/i;

/** Words that only say a report came out first, not what it was about. */
const ORIGIN_WORDS =
  /^(?:broke|break|breaks|broken|scoop\w*|leak\w*|first|report\w*|original\w*|story|stories|news|piece|article|coverage|came|come|comes|from|was|is|are|the|this|it|one|who|had|source|sources|outlet|outlets|paper|to|by|citing|cites?|cited|according|based|both|and)$/i;

/** A source sentence crediting a report to someone: "according to (a report by)", "citing", "reporting from", "first reported by", "told". */
const CREDITED = /\baccording to\b|\bciting\b|\breport(?:ed|ing)?\s+(?:by|from)\b|\bfirst reported\b|\btold\b|\breported\b/i;

/** An unknown name in the reporter's place: closing the claim after "by" or "from", or opening it before the reporting verb. */
const NAME_AFTER = /\b(?:by|from)\s+(?:the\s+)?([\p{L}][\p{L}'’.-]*(?:\s+[\p{L}][\p{L}'’.-]*){0,3})\s*[.!?]*$/iu;
const NAME_BEFORE = /^(?:the\s+)?([\p{L}][\p{L}'’.-]*(?:\s+[\p{L}][\p{L}'’.-]*){0,3}?)\s+(?:was\s+(?:the\s+)?(?:first|one)|broke|leaked|scooped|had\s+it\s+first|first\s+reported|reported\s+it\s+first)\b/iu;

/** A verdict on who reported first, with the passage and sentence it rests on. */
export interface OriginVerdict {
  readonly verdict: "supported" | "contradicted";
  readonly reason: string;
  readonly passage: RankedPassage;
  readonly sentence: number;
  /** The claim says only who reported or is cited ("pretty sure the FT broke this"), nothing of what was reported. */
  readonly onlyWho: boolean;
}

/**
 * Judges a claim of who reported first, or of whom reports cite, against the sentences that credit
 * a report: `absent` are the claim's words no source uses. Null when the claim is not of that kind,
 * hedges or negates, or no sentence credits the same report.
 */
export function reportedFirst(reading: ClaimReading, ranked: readonly RankedPassage[], absent: readonly string[]): OriginVerdict | null {
  const { claim, analyzer, kindOf, nameOf, partyIds } = reading;
  const origin = ORIGIN_CLAIMED.test(claim);
  // a hedge on what was reported ("weighing a lawsuit") is the report's; one on who reported it leaves the claim open
  // "only the ft" speaks of every report, which no one sentence settles
  if (!(origin || CITED_CLAIMED.test(claim)) || reading.claimNegated || UNSURE.test(claim) || ONLY.test(claim)) return null;
  const isOutlet = (id: string): boolean => kindOf.get(id) === "outlet";
  const outlets = new Set([...analyzer.concepts(claim)].filter(isOutlet));
  const unknown = new Set(absent.map((w) => w.toLowerCase()));
  // an outlet no source mentions, standing where the reporter stands
  const stranger = outlets.size > 0 || !origin ? null : unknownReporter(claim, unknown, (w) => analyzer.concepts(w).size > 0);
  if (outlets.size === 0 && stranger === null) return null;
  // what the report was about beyond who made it ("the amazon staff memo"); nothing beyond it is the story itself
  const outletTerms = new Set(analyzer.terms([...[...outlets].map((id) => nameOf.get(id) ?? ""), stranger ?? ""].join(" ")));
  const originTerms = new Set(claim.split(/\s+/).filter((w) => ORIGIN_WORDS.test(w.replace(/[^\p{L}]/gu, ""))).flatMap((w) => analyzer.terms(w)));
  const rest = reading.parts.filter((p) => !outletTerms.has(p.term) && !originTerms.has(p.term) && !isOutlet(p.term));
  const restWeight = rest.reduce((a, p) => a + p.weight, 0);
  for (const c of ranked.slice(0, CLAIM_CHECK.evidence)) {
    for (const [index, sentence] of sentencesOf(c).entries()) {
      if (!CREDITED.test(sentence)) continue;
      const concepts = analyzer.concepts(sentence);
      const credited = [...concepts].filter(isOutlet);
      if (credited.length === 0) continue;
      const terms = analyzer.terms(sentence);
      const about =
        restWeight > 0
          ? rest.filter((p) => terms.some((t) => p.matches.has(t))).reduce((a, p) => a + p.weight, 0) / restWeight >= CLAIM_CHECK.supporting
          : // the story itself: a sentence reporting on two of its parties at least
            [...concepts].filter((id) => partyIds.has(id)).length >= 2;
      if (!about) continue;
      const found = { passage: c, sentence: index, onlyWho: restWeight === 0 };
      if (stranger !== null) return { ...found, verdict: "contradicted", reason: `Sources say ${credited.map((id) => nameOf.get(id) ?? id).join(" and ")}, not ${stranger}.` };
      // the outlets the claim names, no more and no fewer (a report credited to several at once says none of them was
      // first), for a claim of nothing but who reported: what was reported is for the reading of the claim as a whole
      if (restWeight === 0 && credited.length === outlets.size && credited.every((id) => outlets.has(id))) {
        return { ...found, verdict: "supported", reason: `Sources say: ${quotedAt(c, index, sentence)}.` };
      }
    }
  }
  return null;
}

/**
 * The name in the reporter's place ("bloomberg", "the wall street journal", "the new york times"),
 * or null: a word of it no source uses, and none a name of the story.
 */
function unknownReporter(claim: string, unknown: ReadonlySet<string>, isStoryName: (word: string) => boolean): string | null {
  const text = claim.trim();
  for (const found of [NAME_AFTER.exec(text)?.[1], NAME_BEFORE.exec(text)?.[1]]) {
    if (!found) continue;
    const words = found.split(/\s+/).map((w) => w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ""));
    if (words.some((w) => unknown.has(w.toLowerCase())) && !words.some(isStoryName)) return words.join(" ");
  }
  return null;
}
