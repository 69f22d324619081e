/**
 * Order and comparison in claims: "OpenAI got on Trainium before Anthropic", "AWS makes more than
 * Microsoft's cloud business". A claim that puts two things in an order is held by a source only
 * when the source states that order; a source stating the reverse order contradicts it. Pure.
 */

// a comparative counts with its "than" ("more … than"); "more money" alone compares nothing
const THAN = String.raw`(?=(?:\W+\w+){0,4}?\W+than\b)`;
/** Pairs of opposite relation words: [the first comes earlier / is more, the first comes later / is less]; "going after", "looks after" pursue or mind, and order nothing. */
const RELATIONS: readonly (readonly [RegExp, RegExp])[] = [
  [/\b(?:before|ahead of|earlier than|prior to|preceded|precedes|sooner than)\b/gi, /\b(?:(?<!\b(?:go|goes|going|went|gone|look|looks|looking|looked)\s+)after|behind|later than|trails|trailing)\b/gi],
  [
    new RegExp(String.raw`\b(?:(?:more|bigger|larger|higher|greater)${THAN}|exceeds?|exceeding|out-?earns?|out-?sells?|outpaces?)\b`, "gi"),
    new RegExp(String.raw`\b(?:(?:less|fewer|smaller|lower)${THAN}|lags?|lagging)\b`, "gi"),
  ],
];

/** Whether a word states an order or a comparison ("before", "less"), said with its "than" where it needs one. */
export function isRelationWord(word: string): boolean {
  return relationWords(`${word} than`).some((w) => w.group < RANK_GROUP);
}

/** How a source sentence stands to the order a claim states. */
export type OrderVerdict = "none" | "agrees" | "reversed" | "unstated";

interface Found {
  readonly group: number;
  /** 0: the word puts the first thing earlier or higher; 1: later or lower. */
  readonly side: 0 | 1;
  readonly at: number;
  readonly end: number;
}

const NUMBERED_RANKS: Readonly<Record<string, string>> = { "1": "first", "2": "second", "3": "third", "4": "fourth", "5": "fifth" };

/** A text with its numbered ranks in words: "#2" and "2nd" → "second". */
export function spellRanks(text: string): string {
  return text.replace(/(?<![\p{L}\p{N}])(?:#\s?([1-5])|([1-5])(?:st|nd|rd|th))(?![\p{L}\p{N}])/giu, (m, a: string | undefined, b: string | undefined) => NUMBERED_RANKS[a ?? b ?? ""] ?? m);
}

/** Ranks: the same rank must sit on the same side of the claim's words ("Anthropic was second" against "OpenAI the second … after Anthropic"). */
/** "Last" before a span of time ("last month") says when, not a rank. */
export const NOT_A_TIME = "(?!\\s+(?:week|weekend|month|year|quarter|night|time|summer|spring|fall|autumn|winter|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\\b)";
const RANKS = new RegExp(`\\b(first|second|third|fourth|fifth|last)\\b${NOT_A_TIME}`, "gi");
const RANK_GROUP = 100;

function relationWords(text: string): Found[] {
  const found: Found[] = [];
  for (const m of text.matchAll(RANKS)) {
    const group = RANK_GROUP + ["first", "second", "third", "fourth", "fifth", "last"].indexOf(m[1]!.toLowerCase());
    found.push({ group, side: 0, at: m.index, end: m.index + m[0].length });
  }
  RELATIONS.forEach((pair, group) => {
    pair.forEach((re, side) => {
      for (const m of text.matchAll(re)) found.push({ group, side: side as 0 | 1, at: m.index, end: m.index + m[0].length });
    });
  });
  return found.sort((a, b) => a.at - b.at);
}

/** Index terms with their character offsets in a text. */
function positioned(text: string, terms: (text: string) => readonly string[]): { term: string; at: number }[] {
  return [...text.matchAll(/\S+/g)].flatMap((m) => terms(m[0]).map((term) => ({ term, at: m.index })));
}

/**
 * Compares the order a claim states with a sentence: "none" when the claim states no order,
 * "agrees" when the sentence states it (in the same words, or the opposite word with the two
 * sides swapped: "A before B" and "B after A"), "reversed" when it states the opposite, and
 * "unstated" when the sentence states no order between the claim's words.
 */
export function compareOrder(claim: string, sentence: string, terms: (text: string) => readonly string[]): OrderVerdict {
  const stated = relationWords(claim);
  if (stated.length === 0) return "none";
  // every order the claim states must hold: "#2 on Trainium before Anthropic" states a rank and an order
  const verdicts = stated.map((word) => compareOne(claim, word, sentence, terms));
  if (verdicts.includes("reversed")) return "reversed";
  if (verdicts.includes("unstated")) return "unstated";
  return verdicts.includes("agrees") ? "agrees" : "none";
}

function compareOne(claim: string, stated: Found, sentence: string, terms: (text: string) => readonly string[]): OrderVerdict {
  const claimTerms = positioned(claim, terms).filter((t) => t.at < stated.at || t.at >= stated.end);
  const before = new Set(claimTerms.filter((t) => t.at < stated.at).map((t) => t.term));
  const after = new Set(claimTerms.filter((t) => t.at >= stated.end).map((t) => t.term));
  const sentenceTerms = positioned(sentence, terms);
  let verdict: OrderVerdict = "unstated";
  for (const word of relationWords(sentence).filter((w) => w.group === stated.group)) {
    // +1 for each of the claim's words on the same side of the relation word as in the claim, −1 on the other side
    let orientation = 0;
    // the agent of a passive after the word stands where its doer would ("first reported by Business Insider")
    const by = sentence.slice(word.end).search(/\bby\b/i);
    const agentFrom = by < 0 ? Infinity : word.end + by;
    for (const t of sentenceTerms) {
      if (t.at >= word.at && t.at < word.end) continue;
      const here = t.at < word.at || t.at > agentFrom ? "before" : "after";
      if (before.has(t.term) && !after.has(t.term)) orientation += here === "before" ? 1 : -1;
      if (after.has(t.term) && !before.has(t.term)) orientation += here === "after" ? 1 : -1;
    }
    if (orientation === 0) continue;
    const same = (word.side === stated.side) === orientation > 0;
    if (!same) return "reversed";
    verdict = "agrees";
  }
  // a rank the sentence does not give is compared as a rank (first against second), not as an order
  return verdict === "unstated" && stated.group >= RANK_GROUP ? "none" : verdict;
}
