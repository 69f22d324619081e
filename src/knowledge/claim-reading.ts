/**
 * Reading claims and source sentences for the claim check: words of negation, hedging,
 * possibility and permission; figures, dates and ranks as comparable facts; quoted phrases;
 * clauses; and the sentence cut shown in a reason. Pure functions over text.
 */
import type { Analyzer } from "./analyze.js";
import { citationLabel, itemOf } from "./excerpt.js";
import { extractCounts, extractDates, extractFigures } from "./facts.js";
import type { RankedPassage } from "./retrieval.js";
import { NOT_A_TIME } from "./order-relation.js";

/** Words that say something is not so, was refused or did not happen. */
export const NEGATION = /\b(?:not|cannot|no|never|none|nothing|nobody|no-one|noone|nowhere|neither|nor|yet to|far from|banned|barred|prohibited|forbidden|refused|rejected|denied|avoid|avoids|avoided|avoiding|rather than|instead of|without|declined|declines|declining|failed to|fails to)\b|\bno one\b|n['’]t\b/i;
/** Negations that bear only on what follows them ("while avoiding language that implies …", "without litigation"). */
const FORWARD_NEGATION = /\b(?:avoid|avoids|avoided|avoiding|rather than|instead of|without)\b/gi;
/** Phrases with a negative word that negate nothing: "violates—if not the letter, then the spirit", "not only … but", "could not come at a worse time". */
const NOT_NEGATIONS = /\b(?:if not|not only|not just|whether or not|nothing but|no doubt|(?:could|can)(?:not|n['’]t|\s+not)\s+(?:\w+\s+){0,3}?(?:a\s+)?(?:worse|better))\b/gi;

/** A text with its phrases that only look negative ("if not", "not only") made neutral. */
export function plainNegations(text: string): string {
  return text.replace(NOT_NEGATIONS, (m) => m.replace(/\s+/g, "_"));
}

/** Whether a text says that something is not so; with `forward` false, negations that bear only on what follows them are left out. */
export function isNegative(text: string, forward = true): boolean {
  const plain = plainNegations(text);
  return NEGATION.test(forward ? plain : plain.replace(FORWARD_NEGATION, " "));
}

/** Words after which a party is the object of a deed, not its doer. */
export const PREPOSITION = /^(?:with|to|in|into|from|against|by|for|of|at|on|onto|between|over|than|via|through)$/i;
/** How many words after a negation its clause may run and still be negated. */
export const NEGATION_REACH = 14;
/** When something happened, said relative to now ("last week", "yesterday", "two days ago"): not weighed in how much of a claim a source holds. */
export const RELATIVE_TIME = /\b(?:(?:last|next|this|past|coming)\s+(?:week|weekend|month|year|quarter|night|time)|yesterday|today|tonight|recently|lately|(?:\w+\s+)?(?:days?|weeks?|months?|years?)\s+ago)\b/gi;
/** Words of time and degree that a claim adds ("already sued", "literally said"), and of attempt ("trying to avoid court"): not weighed either. */
export const ASPECT_WORDS = ["already", "yet", "still", "now", "ever", "currently", "officially", "literally", "really", "actually", "totally", "definitely", "just", "only", "right", "try", "trying", "tried", "tries"];

/**
 * Words that make a statement hypothetical, or someone's belief ("executives believe", "execs think"): a source
 * saying what could happen supports no claim that it did. "If not the letter, then the spirit" sets no condition.
 */
export const HEDGE = /\b(?:if(?!\s+not\b[^,—–]{1,40}[,—–]\s*then\b)|could|would|should|will|may|might|believe|believes|think|thinks|reckon|reckons|likely|unlikely|expect|expects|willing|willingness|consider|considers|considering|contemplat\w*|mull|mulls|mulling|eyeing|thinking about|thinking of|weigh|weighs|weighing|threaten|threatens|threatening|threatened|plan|plans|planning|planned|possible|possibly|potential|potentially|unless)\b/i;
/** Words that say something might happen ("the ms-might-sue reports"): a source weighing it or threatening it says as much. */
export const POSSIBILITY = /\b(?:might|may|could|possibly|potentially|perhaps|maybe)\b/i;
/** Words that say something may be done: "AWS staff can say …", "are cleared to tell customers …". */
export const PERMISSION = /\b(?:can|cannot|may|allowed|permitted|able|cleared to|authori[sz]ed|free to|ok(?:ay)? to|green-?lit|permission)\b/i;
/** Words that make a statement conditional: a source saying what happens if something happens supports no plain claim. */
/** Says that what it speaks of is not settled: "remain unconfirmed in public sources", "it is unclear whether". */
export const UNSETTLED = /\b(?:unconfirmed|unverified|unclear|uncertain|unknown|unresolved|unanswered|undetermined|open questions?|remains? to be seen|not (?:yet )?(?:known|clear|confirmed|public))\b/i;
export const CONDITIONAL = /\b(?:if(?!\s+not\b[^,—–]{1,40}[,—–]\s*then\b)|unless|willing|willingness|consider|considers|considering|contemplat\w*|mull|mulls|mulling|eyeing|thinking about|thinking of|weigh|weighs|weighing|threaten|threatens|threatening|threatened)\b/i;
const ORDINALS = ["first", "second", "third", "fourth", "fifth", "last", "only"] as const;
const ORDINAL_RE = new RegExp(`\\b(${ORDINALS.join("|")})\\b${NOT_A_TIME}`, "gi");
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const BARE_MONTH = /\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/gi;
/** "May" is a month after a word of time ("starts in may", "by may"), never the verb it is elsewhere. */
const BARE_MAY = /\b(?:in|by|until|till|since|from|before|after|early|late|mid-?|end of|start of|beginning of)\s+(may)\b/gi;
const PERCENT = /\b(\d+(?:\.\d+)?)\s?(?:%|percent|per cent|pct)\b/gi;

/** A figure, date or rank in a claim or a source, comparable by `key` within its `kind`. */
export interface Fact {
  readonly kind: string;
  readonly key: string;
  readonly raw: string;
  /** How a reason shows it, when more than `raw` ("three DMA investigations" for the count "three"). */
  readonly shown?: string;
}

function percentages(text: string): Fact[] {
  return [...text.matchAll(PERCENT)].map((m) => ({ kind: "pct", key: String(Number(m[1])), raw: m[0] }));
}

/**
 * A count of one said with emphasis in a claim ("just one dma investigation", "only a single
 * probe"): compared like any count. A plain "one" ("one person familiar") counts nothing.
 */
export function singleCountsOf(text: string): Fact[] {
  return [...text.matchAll(/\b((?:just|only|exactly|merely)\s+(?:one|a single|1))\s+(?:[A-Za-z][\w-]*\s+){0,2}?[A-Za-z]+\b/gi)].map((m) => ({ kind: "count", key: "1", raw: m[1]! }));
}

/** Money, capacity, percentages and counts. */
export function figuresOf(text: string): Fact[] {
  return [...extractFigures(text).map((f) => ({ kind: f.key.split(":")[0]!, key: f.key, raw: f.raw })), ...percentages(text), ...extractCounts(text).map((c) => ({ kind: "count", key: String(c.count), raw: c.raw, shown: c.shown }))];
}

/** A sum with a scale: "50B", "$50 billion", "1.5tn". */
const SCALED = /(\d+(?:\.\d+)?)\s*(b|bn|billion|m|mn|million|t|tn|trillion)\b/i;
/** A number standing alone: no unit, sign or scale beside it, not a year, not followed by a plural noun ("3 probes"). */
const BARE_NUMBER = /(?<![\d$€£.,:/-])\b(\d{1,3}(?:\.\d+)?)\b(?![\d.,]|\s*(?:%|\$|[a-z]*\d)|\s*(?:b|bn|billion|m|mn|million|t|tn|trillion|k|gw|gigawatts?|x)\b|\s+[a-z]+s\b(?<!\b(?:is|was|has|as|this|plus|minus)))/gi;

/**
 * A claim's figures, where a number written without its unit beside a sum with a scale takes that
 * sum's unit and scale when it is smaller: "amazon's 50B is 15 upfront and 35 tied to milestones"
 * gives $15 billion and $35 billion, as chat writes a split of a sum. Such a number is then no count.
 */
export function claimFiguresOf(text: string): Fact[] {
  const facts = figuresOf(text);
  const scaled = extractFigures(text).find((f) => f.key.startsWith("usd:") && SCALED.test(f.raw));
  if (!scaled) return facts;
  const [, amount, scale] = SCALED.exec(scaled.raw)!;
  const unit = Number(scaled.key.split(":")[1]) / Number(amount);
  const carried = [...text.matchAll(BARE_NUMBER)]
    .filter((m) => Number(m[1]) < Number(amount) && Number(m[1]) > 0)
    .map((m) => ({ kind: "usd", key: `usd:${Math.round(Number(m[1]) * unit)}`, raw: m[1]!, shown: `${m[1]}${scale}` }));
  if (carried.length === 0) return facts;
  const raws = new Set(carried.map((c) => c.raw));
  return [...facts.filter((f) => !(f.kind === "count" && raws.has(f.raw))), ...carried];
}

/** Dates as years, months and days; a bare month name in a claim counts as a month. */
export function datesOf(text: string, published: string | null, bareMonths: boolean, yearHint: number | null = null): Fact[] {
  const facts: Fact[] = [];
  for (const d of extractDates(text, published, yearHint ?? (published ? null : 2000))) {
    // a year worked out from elsewhere ("April 27" in an undated text) is no fact to compare
    if (/\b(?:19|20)\d{2}\b/.test(d.raw) || published) facts.push({ kind: "year", key: d.date.slice(0, 4), raw: d.raw });
    if (d.date.length >= 7) facts.push({ kind: "month", key: d.date.slice(5, 7), raw: d.raw });
    // a day as written ("April 27"), not one worked out from "last week"
    if (d.date.length >= 10 && /\d/.test(d.raw)) facts.push({ kind: "day", key: d.date.slice(5), raw: d.raw });
  }
  if (bareMonths && !facts.some((f) => f.kind === "month")) {
    for (const m of [...text.matchAll(BARE_MONTH), ...text.matchAll(BARE_MAY)]) {
      const n = MONTHS.findIndex((name) => name.startsWith(m[1]!.toLowerCase().slice(0, 3))) + 1;
      if (n > 0 && m[1]!.toLowerCase() !== "mar") facts.push({ kind: "month", key: String(n).padStart(2, "0"), raw: m[1]! });
    }
  }
  return facts;
}

/** A part of a year: "early 2025", "late-2025", "end of 2025", "mid 2026". */
const YEAR_PART = /\b(early|late|mid|end of|start of|beginning of)[\s-]+((?:19|20)\d{2})\b/gi;

/**
 * Parts of a year, one kind per year ("late 2025" is of kind "part:2025", key "late"): another
 * part of the same year is another time.
 */
export function yearPartsOf(text: string): Fact[] {
  return [...text.matchAll(YEAR_PART)].map((m) => {
    const part = m[1]!.toLowerCase();
    const key = part === "mid" ? "mid" : /^(?:late|end of)$/.test(part) ? "late" : "early";
    return { kind: `part:${m[2]}`, key, raw: m[0] };
  });
}

/** "This year", "next month": a time said against the day of writing ("last …" is a span ago, see {@link agoOf}). */
const THIS_OR_NEXT = /\b(this|next)\s+(week|month|quarter|year)\b/gi;

/** Times said as this or next week, month, quarter or year, one kind per unit ("next year" is of kind "rel:year", key "next"). */
export function thisOrNextOf(text: string): Fact[] {
  return [...text.matchAll(THIS_OR_NEXT)].map((m) => ({ kind: `rel:${m[2]!.toLowerCase()}`, key: m[1]!.toLowerCase(), raw: m[0] }));
}

/** A part of a named month: "early march", "mid-january", "late feb". */
const MONTH_PART = /\b(early|mid|late)[\s-]+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/gi;

/** Which part of its month a day falls in: the first ten days are early, the next ten mid, the rest late. */
function partOfMonth(day: number): "early" | "mid" | "late" {
  return day <= 10 ? "early" : day <= 20 ? "mid" : "late";
}

/**
 * The parts of months a text names ("early march 2026" is of kind "monthpart:03", key "early"),
 * and, from `days` (facts of kind "day", key "MM-DD"), the part of its month each day falls in:
 * "February 27" is late February, so "early february" is another time.
 */
export function monthPartsOf(text: string, days: readonly Fact[] = []): Fact[] {
  const said = [...text.matchAll(MONTH_PART)].flatMap((m) => {
    const month = MONTHS.findIndex((name) => name.startsWith(m[2]!.toLowerCase())) + 1;
    return month === 0 ? [] : [{ kind: `monthpart:${String(month).padStart(2, "0")}`, key: m[1]!.toLowerCase(), raw: m[0] }];
  });
  const given = days.filter((d) => d.kind === "day" && /^\d{2}-\d{2}$/.test(d.key)).map((d) => ({ kind: `monthpart:${d.key.slice(0, 2)}`, key: partOfMonth(Number(d.key.slice(3))), raw: d.raw }));
  return [...said, ...given];
}

const SPAN_NUMBERS = ["a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
/** How long ago, as said: "six months ago", "2 weeks ago", "last month", "a year ago". */
const AGO = new RegExp(`\\b(?:(${SPAN_NUMBERS.join("|")}|an|\\d{1,2})\\s+(day|week|month|year)s?\\s+ago|last\\s+(week|month|year))\\b`, "gi");

/**
 * How long ago something happened, one kind per unit ("six months ago" is of kind "ago:month",
 * key "6"; "last month" key "1"): another count of the same unit is another time. "A few weeks
 * ago" gives no count and is not compared.
 */
export function agoOf(text: string): Fact[] {
  return [...text.matchAll(AGO)].map((m) => {
    const unit = (m[2] ?? m[3]!).toLowerCase();
    const count = m[3] ? 1 : /\d/.test(m[1]!) ? Number(m[1]) : m[1]!.toLowerCase() === "an" ? 1 : Math.max(1, SPAN_NUMBERS.indexOf(m[1]!.toLowerCase()));
    return { kind: `ago:${unit}`, key: String(count), raw: m[0] };
  });
}

/** A name with a version number: "GPT-4", "Trn2", "gpt 4o" is not one (a space parts them). */
const VERSION = /\b([a-z]{2,})-?(\d+(?:\.\d+)?[a-z]?)\b/gi;

/** Versions, one kind per name ("GPT-4" is of kind "version:gpt", key "4"): another number of the same name is another version. */
export function versionsOf(text: string): Fact[] {
  return [...text.matchAll(VERSION)].map((m) => ({ kind: `version:${m[1]!.toLowerCase()}`, key: m[2]!.toLowerCase(), raw: m[0] }));
}

/** Ranks: "first", "second", "last", and "only" where it names one of a kind ("the only cloud"), not a limit ("only $15 billion"). */
export function ordinalsOf(text: string): Fact[] {
  return [...text.matchAll(ORDINAL_RE)]
    .filter((m) => m[1]!.toLowerCase() !== "only" || /\b(?:the|its|their|his|her|our|my|your|whose)\s+$/i.test(text.slice(0, m.index)))
    .map((m) => ({ kind: "rank", key: m[1]!.toLowerCase(), raw: m[1]!.toLowerCase() }));
}

/** Folds case, quotes and white space, for finding a quoted phrase verbatim. */
export function foldQuote(text: string): string {
  return text.toLowerCase().replace(/[“”"‘’'`]/g, "").replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/** Whether a sentence holds a (folded) quoted phrase with no negation in the eight words before it. */
export function quoteStandsPlain(sentence: string, quote: string): boolean {
  const folded = foldQuote(plainNegations(sentence));
  const at = folded.indexOf(quote);
  if (at < 0) return false;
  return !isNegative(folded.slice(0, at).split(" ").slice(-8).join(" "));
}

/** The phrases a claim quotes (two words or more), folded: 'we know our contract', “powered by”. */
export function quotedPhrases(claim: string): string[] {
  const found = [...claim.matchAll(/(?:^|[\s(])["“'‘]([^"“”'‘’]+?)["”'’](?=$|[\s).,;:!?])/g)].map((m) => foldQuote(m[1]!));
  return found.filter((q) => q.split(" ").length >= 2);
}

/** A claim's words as written, without punctuation around them. */
export function claimWords(claim: string): string[] {
  return [...new Set(claim.split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "")).filter(Boolean))];
}

/** Whether a word closes a clause: it ends with a comma, colon, stop or the like, or is a dash. */
export function endsClause(word: string | undefined): boolean {
  return word === undefined || /[,;:.!?]["”’)]*$|^[—–]$/.test(word);
}

/** A text's clauses: split at commas, semicolons, brackets and dashes between words. */
export function clauses(text: string): string[] {
  return text.split(/[,;()]|\s[—–-]\s|—/);
}

/** Prepositions before a place or a name: "in Oakland", "by Business Insider". */
export const SLOT_PREPOSITION = /^(?:in|at|by|from)$/;
/** Words saying how something began. */
export const BEGAN = /\b(?:began|begun|begin|begins|started|starts|initial|initially|original|originally|debut\w*)\b/i;
const FIGURE_KINDS = new Set(["usd", "gw", "pct", "count"]);

/**
 * A figure the claim pairs with a year that the sentence pairs with another figure: "10B in 2019"
 * against "began in 2019 with a $1 billion investment, followed by $10 billion in 2023". Both the
 * claim's figure and its year stand in the sentence, each in its own clause; the year's clause
 * holds another figure of the same kind. Returns the reason, or null.
 */
export function swappedPair(claim: string, claimFacts: readonly Fact[], sentence: string, sourceFacts: readonly Fact[]): string | null {
  const claimClauses = clauses(claim);
  const sentenceClauses = clauses(sentence);
  const clauseOf = (raw: string): number => sentenceClauses.findIndex((c) => c.includes(raw));
  for (const m of claimFacts.filter((f) => FIGURE_KINDS.has(f.kind))) {
    const t = sourceFacts.find((f) => f.kind === m.kind && f.key === m.key);
    if (!t) continue;
    for (const g of claimFacts.filter((f) => f.kind === "year")) {
      if (!claimClauses.some((c) => c.includes(m.raw) && c.includes(g.raw))) continue;
      const u = sourceFacts.find((f) => f.kind === "year" && f.key === g.key);
      if (!u || clauseOf(u.raw) < 0 || clauseOf(u.raw) === clauseOf(t.raw)) continue;
      const other = sourceFacts.find((f) => f.kind === m.kind && f.key !== m.key && clauseOf(f.raw) === clauseOf(u.raw));
      if (other) return `Sources say ${other.shown ?? other.raw} in ${u.raw}, not ${m.shown ?? m.raw}.`;
    }
  }
  return null;
}

/** A verbatim cut of a sentence for a reason line. */
export function shortQuote(sentence: string, max = 140): string {
  const s = sentence.trim();
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max / 2))} …`;
}

/** A sentence of a passage quoted for a reason line, with its citation: “…” (Neowin, 2026-03-19, ¶3). */
export function quotedAt(c: RankedPassage, sentence: number, text: string): string {
  return `“${shortQuote(text)}” (${citationLabel(itemOf(c.document, c.passage, sentence).citation)})`;
}

/** The sentences of a passage, verbatim; a table row is one: its cells say one thing together ("Musk v. OpenAI … | Trial begins April 27"). */
export function sentencesOf(c: RankedPassage): string[] {
  if (c.passage.cells) return [c.passage.text];
  const spans = c.passage.sentences.length > 0 ? c.passage.sentences : [{ start: 0, end: c.passage.text.length }];
  return spans.map((span) => c.passage.text.slice(span.start, span.end));
}

/** Where a text names a concept: spans of word positions [start, end). */
function spansOf(words: readonly string[], id: string, analyzer: Analyzer): [number, number][] {
  const spans: [number, number][] = [];
  for (let i = 0; i < words.length; i++) {
    for (let n = 1; n <= 4 && i + n <= words.length; n++) {
      if (analyzer.concepts(words.slice(i, i + n).join(" ")).has(id)) {
        // the shortest: one that starts here and needs its first word
        if (n === 1 || !analyzer.concepts(words.slice(i + 1, i + n).join(" ")).has(id)) spans.push([i, i + n]);
        break;
      }
    }
  }
  return spans;
}

/** Whether a text names two concepts side by side, joined as one list ("the Financial Times and Reuters", "Microsoft & AWS"). */
export function coordinated(text: string, a: string, b: string, analyzer: Analyzer): boolean {
  const words = text.split(/\s+/).filter(Boolean);
  const first = spansOf(words, a, analyzer);
  const second = spansOf(words, b, analyzer);
  return first.some(([s1, e1]) =>
    second.some(([s2, e2]) => {
      const between = e1 <= s2 ? words.slice(e1, s2) : e2 <= s1 ? words.slice(e2, s1) : null;
      return between !== null && /^(?:(?:and|or|&|plus|as well as|the)\s*)*$/i.test(between.join(" ").replace(/^[,/]\s*|[,/]\s*$/g, "").trim());
    }),
  );
}
