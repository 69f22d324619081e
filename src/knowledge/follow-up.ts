import type { Analyzer } from "./analyze.js";
import { cleanChatQuery } from "./chat-query.js";
import { bm25Idf } from "./compact-index.js";
import { MAX_QUERY_CHARS } from "./input.js";
import type { Retriever } from "./ranking.js";

/**
 * Whether a question in a conversation stands on its own or leans on the one before it
 * ("and amazon?", "when was that announced?", "what about openai"). The rule is general: it
 * reads the question's form (a continuing opening word, words pointing back) and what it names
 * (the topic's parties and terms, index terms that single out a few passages), never a list of
 * sample questions.
 */

/** What the rule consults: the analyzer (the topic's parties and terms) and the index (how much a term singles out). */
export interface FollowUpSense {
  readonly analyzer: Pick<Analyzer, "concepts">;
  readonly retriever: Pick<Retriever, "profile" | "statisticsTotals">;
}

/**
 * Why a question needs the one before it: it opens by continuing ("and …", "what about …",
 * "how about …", "also …"), it points back (that, it, this, they, those, there, he, she) before
 * naming anything of the topic, or it names no subject of its own.
 */
export type FollowUpCue = "continuation" | "anaphora" | "no-subject";

/** How a question in a conversation is read. */
export interface FollowUpReading {
  /** What to look up: the question, or the earlier question and this one together. */
  readonly query: string;
  /** The earlier question it was read with; null when it stands on its own. */
  readonly earlier: string | null;
  readonly cue: FollowUpCue | null;
}

/** An index term is a subject of its own when at most this share of the passages holds it. */
const SUBJECT_SHARE = 0.25;

const CONTINUATION = /^(?:and|also|what about|how about)\b/;

/** Words that point back to something said before. */
const POINTING_BACK = new Set(["that", "it", "this", "they", "those", "there", "he", "she", "them", "their", "these", "his", "her"]);
/** Pointing words that are also determiners or conjunctions ("this week", "true that …"): they point back only where a noun phrase stands. */
const DEMONSTRATIVE = new Set(["that", "this", "those", "these"]);
const BE = new Set(["is", "are", "was", "were", "be", "been", "being", "s", "isn", "aren", "wasn", "weren"]);
const AUXILIARY = new Set(["do", "does", "did", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might"]);
const PREPOSITION = new Set(["about", "on", "of", "for", "with", "after", "before", "from", "to", "in", "into", "over", "by", "behind", "against", "at", "and"]);
/** What follows an expletive "it" ("is it true that …", "is it going to …"). */
const CLAUSE_OPENER = new Set(["that", "to", "whether", "if"]);

function wordsOf(text: string): string[] {
  return text.toLowerCase().replace(/[’‘`]/g, "'").split(/[^a-z0-9]+/).filter(Boolean);
}

/** Whether the pointing word at `i` stands for something said before (not "is there a …", "is it true that …", "true that …"). */
function pointsBack(words: readonly string[], i: number): boolean {
  const word = words[i]!;
  const before = words[i - 1];
  const after = words[i + 1];
  if (word === "there") return !(before !== undefined && BE.has(before)) && !(after !== undefined && (BE.has(after) || AUXILIARY.has(after)));
  if (word === "it") return !words.slice(i + 1, i + 4).some((w) => CLAUSE_OPENER.has(w));
  if (DEMONSTRATIVE.has(word)) return before === undefined || BE.has(before) || AUXILIARY.has(before) || PREPOSITION.has(before);
  return true;
}

/** Whether the question points back before it names any party or term of the topic. */
function pointsBackFirst(words: readonly string[], sense: FollowUpSense): boolean {
  for (let i = 0; i < words.length; i++) {
    if (!POINTING_BACK.has(words[i]!) || !pointsBack(words, i)) continue;
    return sense.analyzer.concepts(words.slice(0, i).join(" ")).size === 0;
  }
  return false;
}

/**
 * Whether the question names a subject of its own: a party or term of the topic, an index term
 * held by few passages, or a word the index does not know at all (something the sources do not
 * cover, answered on its own).
 */
function namesSubject(question: string, sense: FollowUpSense): boolean {
  if (sense.analyzer.concepts(question).size > 0) return true;
  const { passages } = sense.retriever.statisticsTotals();
  const floor = bm25Idf(Math.max(1, Math.floor(passages * SUBJECT_SHARE)), Math.max(1, passages));
  const profile = sense.retriever.profile(question);
  return profile.terms.some((_, i) => profile.kinds[i] === "unknown" || (profile.weights[i] ?? 0) >= floor);
}

/** Why the question needs the one before it, or null when it stands on its own. */
export function followUpCue(question: string, sense: FollowUpSense): FollowUpCue | null {
  const cleaned = cleanChatQuery(question);
  const words = wordsOf(cleaned);
  if (CONTINUATION.test(words.join(" "))) return "continuation";
  if (pointsBackFirst(words, sense)) return "anaphora";
  if (!namesSubject(cleaned, sense)) return "no-subject";
  return null;
}

/** The earlier question and this one as one query, within {@link MAX_QUERY_CHARS}: the earlier one loses its start first. */
export function joinWithEarlier(earlier: string, question: string): string | null {
  const room = MAX_QUERY_CHARS - question.length - 1;
  let kept = earlier.replace(/\s+/g, " ").trim();
  if (kept.length > room) {
    kept = kept.slice(kept.length - room);
    const space = kept.indexOf(" ");
    kept = space >= 0 ? kept.slice(space + 1) : "";
  }
  return kept === "" ? null : `${kept} ${question}`;
}

/**
 * Reads a question in its conversation: a follow-up (see {@link followUpCue}) is looked up
 * together with the earlier question; any other question, or one without an earlier question,
 * on its own.
 */
export function readWithEarlier(question: string, earlier: string | null | undefined, sense: FollowUpSense): FollowUpReading {
  const alone: FollowUpReading = { query: question, earlier: null, cue: null };
  if (earlier === undefined || earlier === null || earlier.trim() === "") return alone;
  const cue = followUpCue(question, sense);
  if (cue === null) return alone;
  const query = joinWithEarlier(earlier, question);
  return query === null ? alone : { query, earlier: earlier.replace(/\s+/g, " ").trim(), cue };
}

/**
 * Answers a question in its conversation with `answer` (the core's `ask` or `cite`): read with
 * the earlier question when it is a follow-up, unless that reading finds nothing while the
 * question alone does (the earlier question was no help), in which case it is answered alone.
 */
export function answerInContext<A extends { readonly abstained: boolean }>(
  question: string,
  earlier: string | null | undefined,
  sense: FollowUpSense,
  answer: (query: string) => A,
): { readonly reading: FollowUpReading; readonly answer: A } {
  const reading = readWithEarlier(question, earlier, sense);
  const read = answer(reading.query);
  if (reading.earlier === null || !read.abstained) return { reading, answer: read };
  const alone = answer(question);
  return alone.abstained ? { reading, answer: read } : { reading: { query: question, earlier: null, cue: null }, answer: alone };
}
