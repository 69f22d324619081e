/**
 * Who a question asks about as a speaker or a doer, and whether the sources name them at all:
 * "what did satya nadella say about suing" or "did meta sign a cloud deal too" ask after someone
 * no source names, which no passage answers. Pure.
 */
import type { Analyzer } from "./analyze.js";
import { LAYOUT_WORDS } from "./question.js";
import type { Retriever } from "./retrieval.js";

/** Asks what someone said or thinks: "what did andy jassy say about …", "what has brad smith posted". */
const SPEAKER_ASKED =
  /\bwhat\s+(?:did|does|do|has|have)\s+(.{2,40}?)\s+(?:personally\s+|publicly\s+|actually\s+|even\s+|ever\s+)?(?:say|said|tell|told|think|post|posted|tweet|tweeted|comment|write|wrote)\b/i;
/** A yes-or-no question's doer, the word right after "did", "does", "has" or "have": "did meta sign …" → "meta". */
const DOER_ASKED = /^\s*(?:so\s+|and\s+|but\s+)?(?:did|does|has|have)\s+([\p{L}\p{N}'’.-]{3,})\s+(?!that\b|this\b|it\b)\w/iu;

/** Words that say what someone is rather than who: "aws ceo matt garman" names Matt Garman. */
export const ROLE_WORDS =
  /^(?:ceo|cfo|cto|coo|chief|execs?|executives?|boss|president|founder|head|chair|chairman|vp|svp|evp|guy|dude|person|people|ppl|folks|someone|somebody|insiders?|sources?|commenters?|researchers?|reporters?|analysts?|experts?|engineers?|lawyers?|spokes\w+|team|staff|the|a|an|that|this|its|their|his|her|own|himself|herself)$/i;

/** Asks whether someone spoke: "has sam altman commented", "did jassy respond", "jassy comment on the threat?". */
const SPEAKER_SPOKE = /\b(?:did|has|have)\s+(.{2,40}?)\s+(?:(?:publicly|actually|ever|even|officially|already|yet|formally)\s+)?(?:comment\w*|respond\w*|react\w*|said|say|speak|spoke|weigh\w*\s+in)\b|^\s*(.{2,30}?)\s+(?:comment|comments|commented|reaction|response)\s+(?:on|to|about)\b/i;

/** Who a question asks the words or thoughts of ("what did satya nadella say" → "satya nadella"), or null. */
export function speakerOf(question: string): string | null {
  const spoke = SPEAKER_SPOKE.exec(question);
  return SPEAKER_ASKED.exec(question)?.[1] ?? spoke?.[1] ?? spoke?.[2] ?? null;
}

/**
 * Whether a speaker is someone the sources never name: beyond the story's names and words for a
 * role ("aws ceo"), every word of it is one the index does not know as it is written (a typo of a
 * name of the story, "micrsoft", is that name), and there are two such words when it names
 * something of the story too ("aws ceo matt garman").
 */
export function namesNoOneKnown(speaker: string | null, profile: ReturnType<Retriever["profile"]>, analyzer: Analyzer): boolean {
  if (speaker === null) return false;
  const words = speaker
    .split(/[^\p{L}\p{N}'’.-]+/u)
    // "the table", "the conclusion" name a part of the source, not someone
    .filter((w) => w.length > 0 && !ROLE_WORDS.test(w) && !LAYOUT_WORDS.includes(w.toLowerCase()) && analyzer.concepts(w).size === 0);
  // beside a name of the story, one stray word is not someone's name ("redmond's lawsuit saber-rattling")
  if (words.length === 0 || (words.length === 1 && analyzer.concepts(speaker).size > 0)) return false;
  return words.every((word) => {
    const terms = analyzer.terms(word);
    return terms.length > 0 && terms.every((t) => {
      const at = profile.terms.indexOf(t);
      if (at < 0) return true;
      // a typo of a name of the story ("micrsoft") is that name
      if (profile.kinds[at] === "corrected") return profile.matches[at]!.every((m) => analyzer.concepts(m).size === 0);
      return profile.kinds[at] !== "known";
    });
  });
}

/** The doer of a yes-or-no question ("did meta sign …" → "meta"), or null. */
export function doerOf(question: string): string | null {
  return DOER_ASKED.exec(question)?.[1] ?? null;
}
