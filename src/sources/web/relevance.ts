import type { Topic } from "../../knowledge/types.js";

/** How an article relates to the story. */
export interface Relevance {
  /** Whether the article is about the story (see {@link aboutTheStory} for the rule). */
  readonly relevant: boolean;
  /**
   * From 0 to 1, for ranking: 0.5 × the share of the parties named + 0.3 × the story terms named
   * (three or more count fully) + 0.2 × the mentions of parties and terms (ten or more count fully).
   */
  readonly score: number;
  /** One line saying what the article names and, when it is not relevant, what it lacks. */
  readonly reason: string;
  /** Mentions per party id (parties not named are left out). */
  readonly parties: Readonly<Record<string, number>>;
  /** Mentions per story term id (terms not named, and outlet terms, are left out). */
  readonly terms: Readonly<Record<string, number>>;
}

/** Distinct parties an article must name. */
export const MIN_PARTIES = 2;
/** Distinct story terms an article must name. */
export const MIN_TERMS = 1;
/** Mentions of parties, in all, an article must have. */
export const MIN_PARTY_MENTIONS = 3;

interface Matcher {
  readonly id: string;
  readonly name: string;
  readonly patterns: readonly RegExp[];
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Acronyms (MS, AWS, SRE, FT) are matched in capitals only; other names in any case. */
function pattern(alias: string): RegExp {
  const acronym = /^[A-Z][A-Z0-9&]{1,5}$/.test(alias);
  const body = alias.trim().split(/\s+/).map(escape).join("\\s+");
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, acronym ? "gu" : "giu");
}

function matcher(entry: { id: string; name: string; aliases: readonly string[] }): Matcher {
  const names = [...new Set([entry.name, ...entry.aliases].filter((a) => a.trim() !== ""))];
  return { id: entry.id, name: entry.name, patterns: names.map(pattern) };
}

const compiled = new WeakMap<Topic, { parties: Matcher[]; terms: Matcher[] }>();

function matchersOf(topic: Topic): { parties: Matcher[]; terms: Matcher[] } {
  let m = compiled.get(topic);
  if (!m) {
    m = { parties: topic.parties.map(matcher), terms: topic.terms.filter((t) => t.kind !== "outlet").map(matcher) };
    compiled.set(topic, m);
  }
  return m;
}

/** Mentions of one party or term: matches of any of its names, overlapping matches counted once. */
function mentions(text: string, m: Matcher): number {
  const spans: [number, number][] = [];
  for (const re of m.patterns) {
    re.lastIndex = 0;
    for (const hit of text.matchAll(re)) spans.push([hit.index, hit.index + hit[0].length]);
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let count = 0;
  let end = -1;
  for (const [s, e] of spans) {
    if (s >= end) count++;
    end = Math.max(end, e);
  }
  return count;
}

function list(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/**
 * Scores an article's text against the story's parties and terms (from `seeds/topic.json`).
 * A party or term is named when any of its names or aliases occurs as a whole word (acronyms such as
 * MS, AWS or SRE in capitals only, other names in any case); terms of kind `outlet` (who reported it)
 * do not count.
 *
 * Rule: the article is relevant when it names at least two distinct parties ({@link MIN_PARTIES}), at
 * least one story term ({@link MIN_TERMS}), and mentions the parties at least three times in all
 * ({@link MIN_PARTY_MENTIONS}), so a passing mention in a round-up does not count.
 */
export function aboutTheStory(text: string, topic: Topic): Relevance {
  const { parties, terms } = matchersOf(topic);
  const partyCounts: Record<string, number> = {};
  const termCounts: Record<string, number> = {};
  for (const p of parties) {
    const n = mentions(text, p);
    if (n > 0) partyCounts[p.id] = n;
  }
  for (const t of terms) {
    const n = mentions(text, t);
    if (n > 0) termCounts[t.id] = n;
  }
  const namedParties = parties.filter((p) => partyCounts[p.id] !== undefined);
  const namedTerms = terms.filter((t) => termCounts[t.id] !== undefined);
  const partyMentions = Object.values(partyCounts).reduce((a, b) => a + b, 0);
  const termMentions = Object.values(termCounts).reduce((a, b) => a + b, 0);

  const score =
    0.5 * (parties.length > 0 ? namedParties.length / parties.length : 0) +
    0.3 * Math.min(namedTerms.length / 3, 1) +
    0.2 * Math.min((partyMentions + termMentions) / 10, 1);

  const relevant = namedParties.length >= MIN_PARTIES && namedTerms.length >= MIN_TERMS && partyMentions >= MIN_PARTY_MENTIONS;
  const partyText = namedParties.length > 0 ? list(namedParties.map((p) => `${p.name} (${partyCounts[p.id]})`)) : "none of the parties";
  const termText = namedTerms.length > 0 ? `the term${namedTerms.length > 1 ? "s" : ""} ${list(namedTerms.map((t) => t.name))}` : "none of the story's terms";
  let reason = `names ${partyText} and ${termText}`;
  if (!relevant) {
    const lacks: string[] = [];
    if (namedParties.length < MIN_PARTIES) lacks.push(`at least ${MIN_PARTIES} parties`);
    if (namedTerms.length < MIN_TERMS) lacks.push(`at least ${MIN_TERMS} story term`);
    if (namedParties.length >= MIN_PARTIES && partyMentions < MIN_PARTY_MENTIONS) lacks.push(`${MIN_PARTY_MENTIONS} party mentions`);
    reason += `; needs ${list(lacks)}`;
  }
  return { relevant, score: Math.round(score * 1000) / 1000, reason, parties: partyCounts, terms: termCounts };
}
