import type { Analyzer } from "./analyze.js";
import { PREPOSITION } from "./claim-reading.js";

/** A party written right before a word it owns or qualifies: "Amazon Bedrock", "Microsoft's cloud". */
export interface PartyBinding {
  readonly party: string;
  /** The index term of the word after the party. */
  readonly term: string;
  /** The two words as written. */
  readonly raw: string;
}

const EDGE = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
/** A word before which a party is no owner of the next word: a preposition, or a word joining it to another party. */
const NOT_OWNER = (word: string): boolean => PREPOSITION.test(word) || /^(?:and|or|vs|v)$/i.test(word);

/**
 * The parties of a text (by id) written right before another word of the text, possessive or not:
 * "Amazon Bedrock" binds Bedrock to Amazon, "Microsoft's Cloud and Server business" binds cloud to
 * Microsoft. Two parties in a row ("Microsoft & AWS") bind nothing. `source` reads the text as a
 * source's sentence, where a party after a preposition binds only a word it owns or names.
 */
export function partyBindings(text: string, analyzer: Analyzer, partyIds: ReadonlySet<string>, source = false): PartyBinding[] {
  const words = text.split(/\s+/).filter(Boolean);
  const partyOf = (word: string): string | undefined => [...analyzer.concepts(word.replace(/['’]s$/i, ""))].find((id) => partyIds.has(id));
  const bindings: PartyBinding[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const word = words[i]!;
    // a party ending its clause ("Amazon, OpenAI") qualifies nothing after it
    if (/[,;:.!?)—–]$/.test(word)) continue;
    const party = partyOf(word.replace(EDGE, ""));
    if (!party) continue;
    // in a source, a party after a preposition is an object, not what does the next word ("partnership with OpenAI
    // began"), unless it owns it ("than Microsoft's Cloud") or names it ("on Amazon Bedrock"); chat writes no capitals
    const owns = /['’]s$/i.test(word.replace(/[^\p{L}\p{N}'’]+$/u, "")) || /^[A-Z]/.test(words[i + 1]!.replace(EDGE, ""));
    if (source && i > 0 && NOT_OWNER(words[i - 1]!.replace(EDGE, "")) && !owns) continue;
    const next = words[i + 1]!.replace(EDGE, "");
    if (partyOf(next)) continue;
    const term = analyzer.terms(next)[0];
    if (term && !partyIds.has(term)) bindings.push({ party, term, raw: `${word.replace(EDGE, "")} ${next}` });
  }
  return bindings;
}

/**
 * A word the claim binds to one party that the source binds to another: the source's words
 * ("Amazon Bedrock" against the claim's "microsoft bedrock"), or undefined.
 */
export function reboundParty(claim: string, sentence: string, analyzer: Analyzer, partyIds: ReadonlySet<string>): { claim: string; source: string } | undefined {
  const theirs = partyBindings(sentence, analyzer, partyIds, true);
  for (const mine of partyBindings(claim, analyzer, partyIds)) {
    const other = theirs.find((t) => t.term === mine.term && t.party !== mine.party);
    if (other && !theirs.some((t) => t.term === mine.term && t.party === mine.party)) return { claim: mine.raw, source: other.raw };
  }
  return undefined;
}
