/**
 * Claims of who said a quoted line: "the 'we know our contract' quote came from satya himself on
 * the record". Where the passage holding the line gives it to someone unnamed ("one person familiar
 * with Microsoft's position", "Unnamed Microsoft source"), a claim giving it to a named person, or
 * saying it was said on the record, is contradicted. Pure.
 */
import { CLAIM_CHECK, type ClaimReading } from "./claim-context.js";
import { foldQuote, quotedAt, sentencesOf } from "./claim-reading.js";
import type { RankedPassage } from "./retrieval.js";

/** A source giving words to someone it does not name. */
const UNNAMED = /\b(?:unnamed|anonymous|anonymously|(?:a|one|two|several)\s+(?:person|people|source|sources)\s+familiar|(?:person|people|sources?)\s+familiar with|declined to be named|not authori[sz]ed to speak|on condition of anonymity)\b/i;
/** A claim that the words were said openly: "on the record", "publicly", "by name". */
const ON_RECORD = /\b(?:on the record|publicly|by name|in (?:a|an) (?:interview|keynote|statement))\b/i;
/** The claimant is not sure, or denies it. */
const OPEN = /\b(?:maybe|perhaps|possibly|probably|might|not sure|unsure|or not|not|never|n['’]t)\b/i;

/** A contradiction of who said a quoted line, with the passage and sentence that give it to someone unnamed. */
export interface SpeakerConflict {
  readonly reason: string;
  readonly passage: RankedPassage;
  readonly sentence: number;
}

/**
 * The conflict of a claim naming who said the line it quotes: `absent` are the claim's words no
 * source uses, of which one beyond the quote must name the speaker (or the claim says the words were
 * said on the record). Null when the claim quotes nothing, names no one the sources do not, or no
 * passage holding the line gives it to someone unnamed.
 */
export function unnamedSpeaker(reading: ClaimReading, ranked: readonly RankedPassage[], absent: readonly string[]): SpeakerConflict | null {
  const { claim, quotes } = reading;
  if (quotes.length === 0 || OPEN.test(claim.replace(/["“'‘][^"“”'‘’]+["”'’]/g, " "))) return null;
  // the words beyond the quote and beyond saying it was on the record
  const outside = foldQuote(claim.replace(/["“'‘][^"“”'‘’]+["”'’]/g, " ").replace(new RegExp(ON_RECORD.source, "gi"), " ")).split(" ");
  const named = absent.filter((w) => outside.includes(foldQuote(w)));
  if (named.length === 0 && !ON_RECORD.test(claim)) return null;
  for (const c of ranked.slice(0, CLAIM_CHECK.evidence)) {
    // the line may run over two sentences of the passage, and who said it stand in either
    if (!quotes.every((q) => foldQuote(c.passage.text).includes(q))) continue;
    const sentences = sentencesOf(c);
    const at = sentences.findIndex((s) => UNNAMED.test(s));
    if (at < 0) continue;
    const who = named.length > 0 ? `, not ${named.join(" ")}` : ", not on the record";
    return { reason: `Sources give the words to someone unnamed${who}: ${quotedAt(c, at, sentences[at]!)}.`, passage: c, sentence: at };
  }
  return null;
}
