import type { Analyzer } from "./analyze.js";
import { cleanChatQuery } from "./chat-query.js";
import { extractCounts, extractDates, extractFigures, mentionsTime } from "./facts.js";
import MODEL from "./answerability-model.json" with { type: "json" };
import { clauses, foldQuote, quotedPhrases } from "./claim-reading.js";
import { questionHints } from "./question.js";
import { doerOf, namesNoOneKnown, ROLE_WORDS, speakerOf } from "./speaker.js";
import { boostedProbability, type BoostedTrees } from "./boosted-trees.js";
import { unansweredOdds, WORD_ODDS, type WordOdds } from "./unanswered-words.js";
import type { RankedPassage, Retriever } from "./retrieval.js";
import type { Confidence, Topic } from "./types.js";

/** Names of the features, in the order of the model's weights. */
export const FEATURE_NAMES = [
  "coverage",
  "contentCoverage",
  "typeMatch",
  "sentenceCoverage",
  "loneWord",
  "missingWeight",
  "missingWeightTop3",
  "knownTerms",
  "unknownShare",
  "namedConcepts",
  "logScore",
  "unansweredOdds",
  "runnerUpRatio",
  "coverageTop3",
  "asksWhen",
  "asksAmount",
  "asksWho",
  "asksStance",
  "asksList",
  "asksWhy",
  "asksYesNo",
  "asksQuote",
  "asksDefinition",
] as const;

/** The `unansweredOdds` feature when the best passage holds every word the question asks with: below any word's odds. */
export const NOTHING_MISSING = -4;

/** A fitted model: boosted trees over the features, P(answerable) = σ(rate · Σ tree(x)). */
export interface AnswerabilityModel extends BoostedTrees {
  readonly features: readonly string[];
  /** At or above: confidence "high". */
  readonly high: number;
  /** At or above (and below `high`): an answer with confidence "low"; below: abstain. */
  readonly low: number;
}

/** The model fitted on the tuning questions (`npm run fit`). */
export const ANSWERABILITY: AnswerabilityModel = MODEL as AnswerabilityModel;

/**
 * What the answer-or-abstain decision looks at, for a query and its ranked passages (best first):
 * how much of the query the best passage covers (words the index never saw weigh nothing), how
 * much of it beyond the story's names, whether its best sentence has what the question type asks
 * for (a date for "when", a figure for "how much"; nothing at all when the question names another
 * company that the passage does not, asks what someone no source names said or did, what a
 * company of the story said where the sentence gives no words of it, or a sum paid, invested or
 * sought by a company the sentence giving it does not name), how much of the query that sentence alone covers, whether
 * the question shares a single word with it and names nothing of the story; the weight of the
 * heaviest word beyond the story's names that the best passage (and the best three) lack, how
 * many words the index knows and how many names of the story the question uses, the best score,
 * the highest `words` odds among the words the best passage lacks (see unanswered-words.ts), the
 * runner-up's score against the best, the best coverage among the first three, and what kind of
 * question it is (when, how much, who, what someone thinks, a list, why, yes or no, a quote, a
 * definition). Words the index never saw change none of these.
 */
export function answerabilityFeatures(query: string, ranked: readonly RankedPassage[], retriever: Retriever, analyzer: Analyzer, topic: Topic, words: WordOdds = WORD_ODDS): number[] {
  return answerabilityReader(query, retriever, analyzer, topic, words)(ranked);
}

/**
 * {@link answerabilityFeatures} for one query and any order of its passages: what depends on the
 * query alone is worked out once, so several orders (each candidate put first) cost little more.
 */
export function answerabilityReader(query: string, retriever: Retriever, analyzer: Analyzer, topic: Topic, words: WordOdds = WORD_ODDS): (ranked: readonly RankedPassage[]) => number[] {
  const profile = retriever.profile(query);
  const parties = namesOf(topic);
  const cleaned = cleanChatQuery(query);
  const hints = questionHints(cleaned);
  const named = analyzer.concepts(cleaned);
  // a question about another company ("did google cloud sign a frontier deal too") is not answered by a passage that does not name it
  const companies = companiesOf(topic);
  const askedCompanies = [...named].filter((id) => companies.has(id));
  // a name of the story (an outlet, a company) answers no "who is the reporter", "which law firm"
  const typeOf = answerTypeReader(cleaned, (name) => analyzer.concepts(name).size > 0, (text) => analyzer.terms(text));
  const knownTerms = profile.kinds.filter((k) => k === "known" || k === "corrected").length;
  const unknownShare = profile.terms.length === 0 ? 0 : profile.kinds.filter((k) => k === "unknown").length / profile.terms.length;
  // what someone the sources never name said ("what did satya nadella say about suing") no passage gives
  const speaker = speakerOf(cleaned);
  // so is a doer the sources never name: "did meta sign a cloud deal with openai too"
  const speakerUnknown = namesNoOneKnown(speaker, profile, analyzer) || namesNoOneKnown(doerOf(cleaned), profile, analyzer);
  // what a company of the story beyond the parties said ("did anthropic say anything about …") wants its words
  const speakerConcepts = speaker === null ? [] : [...analyzer.concepts(speaker)];
  // the company itself, not a thing of it ("what does nvidia's deal say")
  const speakerIsName = speaker !== null && speaker.split(/[^\p{L}\p{N}'’.-]+/u).every((w) => w.length === 0 || ROLE_WORDS.test(w) || analyzer.concepts(w).size > 0);
  const speakingCompanies = !speakerIsName || speakerConcepts.some((id) => topic.parties.some((p) => p.id === id)) ? [] : speakerConcepts.filter((id) => companies.has(id));
  // who pays, invests or asks for the sum a question asks about ("how much is microsoft asking for in damages"): the sentence giving it names them
  const payers = hints.amount ? [...analyzer.concepts(amountDoerOf(cleaned) ?? "")].filter((id) => parties.has(id) || companies.has(id)) : [];
  const kindOfQuestion = [hints.when, hints.amount, hints.who, hints.stance, hints.list, hints.why, hints.yesNo, hints.quote, hints.subject !== null].map(Number);
  /** Whether a text's terms hold query term i: itself, its correction or one of its synonyms. */
  const holds = (terms: ReadonlySet<string>, i: number): boolean => profile.matches[i]!.some((t) => terms.has(t));
  return (ranked) => {
    const top = ranked[0];
    if (!top) return FEATURE_NAMES.map(() => 0);
    const passageTerms = retriever.termsOf(top.passage);
    const sentenceTerms = sentenceTermsOf(analyzer, top.best.text);
    const firstThree = ranked.slice(0, 3).map((r) => retriever.termsOf(r.passage));
    let contentWeight = 0;
    let contentMatched = 0;
    let sentenceWeight = 0;
    let knownWeight = 0;
    let missing = 0;
    let missingTop3 = 0;
    profile.terms.forEach((term, i) => {
      if (profile.kinds[i] === "unknown") return;
      const weight = profile.weights[i]!;
      knownWeight += weight;
      if (holds(sentenceTerms, i)) sentenceWeight += weight;
      if (parties.has(term)) return;
      contentWeight += weight;
      if (holds(passageTerms, i)) contentMatched += weight;
      else missing = Math.max(missing, weight);
      if (!firstThree.some((terms) => holds(terms, i))) missingTop3 = Math.max(missingTop3, weight);
    });
    const passageConcepts = askedCompanies.length > 0 ? analyzer.concepts([top.passage.leadIn ?? "", top.passage.text].join(" ")) : undefined;
    const companyMissing = passageConcepts !== undefined && !askedCompanies.some((id) => passageConcepts.has(id));
    const companySilent =
      speakingCompanies.length > 0 && !(SAID_GIVEN.test(top.best.text) && speakingCompanies.some((id) => analyzer.concepts(top.best.text).has(id)));
    const payerMissing = payers.length > 0 && !payers.some((id) => analyzer.concepts([top.passage.leadIn ?? "", referredTo(top), top.best.text].join(" ")).has(id));
    const typeMatch = companyMissing || speakerUnknown || companySilent || payerMissing ? 0 : typeOf(top.best.text, top.document.meta.published);
    const second = ranked[1];
    return [
      top.coverage,
      contentWeight === 0 ? 0.5 : contentMatched / contentWeight,
      typeMatch,
      knownWeight === 0 ? 0 : sentenceWeight / knownWeight,
      // one word in common and no party or term of the story named: "what time is it in tokyo"
      top.matched <= 1 && named.size === 0 ? 1 : 0,
      missing,
      missingTop3,
      knownTerms,
      unknownShare,
      named.size,
      Math.log1p(top.score),
      unansweredOdds(query, top, retriever, words) ?? NOTHING_MISSING,
      second ? second.score / top.score : 0,
      Math.max(...ranked.slice(0, 3).map((r) => r.coverage)),
      ...kindOfQuestion,
    ];
  };
}

const sentenceTermCaches = new WeakMap<Analyzer, Map<string, ReadonlySet<string>>>();
/** A sentence's terms, remembered (up to 20,000 sentences per analyzer): the same sentences are read again and again. */
function sentenceTermsOf(analyzer: Analyzer, sentence: string): ReadonlySet<string> {
  let cache = sentenceTermCaches.get(analyzer);
  if (!cache) sentenceTermCaches.set(analyzer, (cache = new Map()));
  let terms = cache.get(sentence);
  if (!terms) {
    if (cache.size >= 20_000) cache.clear();
    cache.set(sentence, (terms = new Set(analyzer.terms(sentence))));
  }
  return terms;
}

const nameSets = new WeakMap<Topic, ReadonlySet<string>>();
/** The ids of the story's parties and terms, worked out once per topic. */
function namesOf(topic: Topic): ReadonlySet<string> {
  let found = nameSets.get(topic);
  if (!found) nameSets.set(topic, (found = new Set([...topic.parties, ...topic.terms].map((e) => e.id))));
  return found;
}

const companySets = new WeakMap<Topic, ReadonlySet<string>>();
/** The story's companies beyond its parties (terms of kind "company"), worked out once per topic. */
function companiesOf(topic: Topic): ReadonlySet<string> {
  let found = companySets.get(topic);
  if (!found) companySets.set(topic, (found = new Set(topic.terms.filter((t) => t.kind === "company").map((t) => t.id))));
  return found;
}

/** A sentence opening with a word that refers back to a company ("The company is now forecasting …", "It closed …"). */
const REFERS_BACK = /^\W*(?:the (?:company|firm|startup|maker|lab|group)|it|its|they|their)\b/i;

/** The sentence before the best one when the best opens by referring back to it, else "". */
function referredTo(top: RankedPassage): string {
  const previous = top.passage.sentences[top.best.sentence - 1];
  return previous && REFERS_BACK.test(top.best.text) ? top.passage.text.slice(previous.start, previous.end) : "";
}

/** Who does what an amount question asks about: "how much is microsoft asking for" → "microsoft", "how many gigawatts does ms give oai" → "ms". */
const AMOUNT_DOER = /\bhow\s+(?:much|many)\b(?:\s+[\p{L}\p{N}$'’-]+){0,4}?\s+(?:is|are|was|were|did|does|do|would|will|could|has|have|had)\s+([\p{L}\p{N}'’.&-]+)/iu;

/** The doer of an amount question, or null. */
function amountDoerOf(question: string): string | null {
  return AMOUNT_DOER.exec(question)?.[1] ?? null;
}

/** Asks how something turned out: a winner, a verdict, a ruling, a settlement. */
const OUTCOME_ASKED =
  /\b(?:(?:did|has|have|will)\s+(?:the\s+)?(?:\S+\s+){1,4}?(?:end up\s+|actually\s+|already\s+|finally\s+|formally\s+)?(?:win|won|lose|lost|prevail\w*|designat\w*|fined?(?!\s+print)|impos\w*|rule|ruled|award\w*|grant\w*|approv\w*|reject\w*|dismiss\w*|block\w*)\b|who (?:won|wins|lost|prevailed)(?!\s+(?:if|when|once)\b)|(?:what|how) (?:was|is|were) the (?:verdict|ruling|outcome)|the verdict (?:in|on|of|was)|verdict yet|(?:did|has|have) (?:a |the )?(?:judge|court|jury) (?:\w+ )?(?:rule|ruled|decide|decided)|(?:did|has|have) (?:the )?(?:\w+ )?(?:regulators?|cma|eu|ftc|commission|authority|dma|probes?) (?:\w+ ){0,2}(?:fine|fined|conclude|concluded|impose|imposed|designate|designated|block|blocked)\b|\bhow much did .{1,30}\bfine\b|\bwhat did .{1,40}\b(?:conclude|decide|end up (?:deciding|concluding|ruling))\b|ruled (?:for|against|in favou?r)|did (?:they|\w+(?: and \w+)?) (?:end up )?settl\w*|settled? for|how did .{1,40}\bend\b(?! up)|outcome of the (?:trial|case|suit|lawsuit))/i;
/** Asks what remedy, fine or penalty was imposed or would be: "what remedies did the uk cma impose", "whats the exact penalty if oai breaches". */
const REMEDY_ASKED = /\b(?:remed(?:y|ies)|penalt(?:y|ies)|sanctions?|liquidated damages)\b|\bwhat (?:fines?|punishment)\b|\bimpos\w*\b/i;
/** Says what was imposed, ordered or set as a remedy. */
const REMEDY_GIVEN = /\b(?:imposed|ordered|fined|banned|barred|required to|remed(?:y|ies)|penalt(?:y|ies)|sanctions?|compensation|liquidated)\b/i;
/** Says how something turned out. */
const OUTCOME_GIVEN = /\b(?:won|wins|lost|prevailed|ruled|verdict (?:was|found)|settled|decided|awarded|ordered|fined|dismissed|found|concluded|imposed|designated|blocked|granted|approved|rejected)\b/i;
const COUNT_ASKED = /\bhow many\b/i;
/** The two words after "how many": what is counted ("how many dma probes", "how many openai employees"). */
const COUNTED_ASKED = /\bhow many\s+([\p{L}\p{N}'’-]+(?:\s+[\p{L}\p{N}'’-]+)?)/iu;
const SUM_ASKED = /\b(?:how (?:much|big|large)|valued?|valuation|worth|price|cost)\b/i;
const AMOUNT_UNIT_ASKED = /\bhow many\s+(?:\w+\s+)?(?:gw|gigawatts?|billions?|millions?|trillions?|dollars?|bucks|\$)/i;
const PERCENT_ASKED = /(?<!\d\s?)%|(?<!\d\s?)\bper\s?cent|\bpct\b|\bpercentage\b|\bmarket share\b|\b(?:equity|ownership) stake\b|(?<!\bat )\bstake in\b/i;
/** Asks for a price or an amount per unit: "per 1M tokens", "per agent per month", "an hour", "per gigawatt". */
const RATE_ASKED = /\b(?:share|stock) price\b|\bprice per share\b|\b(?:per|an?|each|every)\s+(?:agent|token|tokens|seat|user|month|hour|year|call|request|query|1k|1m|million|thousand|gb|gw|gigawatt|chip|gpu)\b|\/\s?(?:hr|hour|mo|month|token|seat|user)\b/i;
/** Gives a figure per unit. */
const RATE_GIVEN = /\d\s?(?:a|per) share\b|\d[\d.,]*\s?(?:[a-z%$]+\s)?(?:per|an?|each|\/)\s?(?:agent|token|tokens|seat|user|month|hour|year|call|request|query|1k|1m|million|thousand|gb|gw|gigawatt|chip|gpu)\b/i;
/** Asks who holds a role: "which judge", "who's ms's lead lawyer", "who led the round", "reporter name?", someone in a company ("who at amazon wrote the memo"). */
const ROLE_ASKED = /\bwho(?:['’]s|\s+is|\s+was)?\s+(?:at|from|inside|within)\s+\S+|\b(?:who|which|whose|name of|names? (?:of )?the)\b.{0,30}\b(?:exec|execs|executives?|person|officials?|judge|lawyers?|attorneys?|law firm|counsel|reporters?|journalists?|author|wrote|writer|led|lead investor|investors?|ceo|analysts?|spokes\w+)\b|\b(?:judge|lawyer|attorney|law firm|reporter|journalist|author|writer|ceo)\b.{0,20}\b(?:who|which|name)\b/i;
/**
 * Roles a question may name, each with what a sentence naming someone in that role says of them:
 * "which judge" is not answered by a sentence that names people but no judge.
 */
const ROLE_NOUNS: readonly (readonly [RegExp, RegExp])[] = [
  [/\bjudges?\b/i, /\b(?:judges?|justices?|court)\b/i],
  [/\b(?:lawyers?|attorneys?|counsel|law firm)\b/i, /\b(?:lawyers?|attorneys?|counsel|law firm|LLP)\b/i],
  [/\b(?:reporters?|journalists?|author|writer)\b/i, /\b(?:reporters?|journalists?|author|writer|written by|byline)\b/i],
  [/\bceo\b/i, /\b(?:ceo|chief executive)\b/i],
  [/\banalysts?\b/i, /\banalysts?\b/i],
  [/\bspokes\w+/i, /\bspokes\w+/i],
];
/** Names someone (two capitalised words, not opening the sentence) or says who led. */
const ROLE_GIVEN = /(?<![.!?]\s|^)\b[A-Z][a-z]+\s+(?:[A-Z]\.\s?)?[A-Z][a-z]+\b|\bled by\b/;
/** Asks for a place: "which court would ms file in", "which aws regions", "where are the data centers located". */
const PLACE_ASKED = /\b(?:which|what)\s+(?:\w+\s+)?(?:regions?|countr(?:y|ies)|cit(?:y|ies)|courts?|venue|jurisdictions?)\b|\bwhere\b.{0,40}\b(?:located|based|headquartered|file|filed|sue|held|hosted in)\b/i;
/** Names a place ("in Oakland", "at the UK CMA") or speaks of one. */
const PLACE_GIVEN = /\b(?:in|at|near)\s+(?:the\s+)?[A-Z][a-z]+|\b(?:regions?|countr(?:y|ies)|court|jurisdiction)\b/;
/** Asks whether or how someone responded: "did X comment", "has X responded", "X's reaction to". */
const SAID_ASKED = /\b(?:did|has|have)\s+(?:\w+\s+){1,4}?(?:comment\w*|respond\w*|react\w*|post\w*|tweet\w*)\b|\b(?:comment|reaction|response)s?\s+(?:on|to|about)\b/i;
/** Reports what someone said, or that they did not comment. */
const SAID_GIVEN = /\b(?:said|says|told|statement|according to|quoted|comment\w*|respond\w*|declined|posted|wrote|reacted)\b|["“”]/i;
/** Asks which version or generation: "which gpt model version", "trn2 or trn3?". */
const VERSION_ASKED = /\b(?:which|what)\s+(?:\w+\s+){0,3}(?:versions?|generation|gen)\b|\b[a-z]+-?\d+[a-z]?\s+or\s+[a-z]+-?\d+[a-z]?\b/i;
/** Names a version: letters and a number ("GPT-4", "Trn2"). */
const VERSION_GIVEN = /\b[A-Za-z]+-?\d+(?:\.\d+)?[a-z]?\b/;
/** Asks how a stock or a market value moved: "did amzn shares pop", "how did msft stock react". */
const MARKET_MOVE_ASKED =
  /\b(?:stocks?|shares|share price|market cap\w*|marketcap)\b.{0,40}\b(?:react\w*|pop\w*|tank\w*|drop\w*|fall\w*|fell|rise|rose|jump\w*|mov\w*|surg\w*|crash\w*|do|did|go|went)\b|\b(?:react\w*|pop\w*|tank\w*|drop\w*|fall\w*|fell|rise|rose|jump\w*|mov\w*|surg\w*|crash\w*)\b.{0,30}\b(?:stocks?|shares|share price)\b/i;
/** Speaks of a stock or a market value. */
const MARKET_GIVEN = /\b(?:stocks?|shares|share price|market cap\w*|valuation|valued)\b/i;
const PERCENT_GIVEN = /\d\s?(?:%|per\s?cent\b|pct\b)/i;
/** Asks for a day exactly: "exact date", "what exact day", "precise date". */
const EXACT_DAY_ASKED = /\b(?:exact|precise|specific)\s+(?:date|day)\b/i;
const WEEKDAY_GIVEN = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;

/**
 * Sums of a named kind: [what the question names, what a clause giving that sum says]. "How much in
 * damages" wants damages beside the figure, not any sum; "how much is X worth" a value.
 */
const NAMED_SUMS: readonly (readonly [RegExp, RegExp])[] = [
  [/\bdamages\b/i, /\bdamages\b/i],
  [/\b(?:revenues?|sales|earnings|run-?rate)\b/i, /\b(?:revenues?|sales|earn\w*|generat\w*|run-?rate)\b/i],
  [/\b(?:valuation|valued|worth|market ?cap\w*)\b/i, /\b(?:valuation|valued|worth|market ?cap\w*)\b/i],
  [/\b(?:prices?|pricing|priced|costs?|fees?)\b/i, /\b(?:pric\w*|costs?|fees?)\b/i],
  [/\b(?:fines?(?!\s+print)|fined|penalt\w*)\b/i, /\b(?:fines?|fined|penalt\w*)\b/i],
  [/\b(?:profits?|margins?)\b/i, /\b(?:profits?|margins?)\b/i],
];

/** Kinds of answer a question may ask for, each with what a sentence must have to give it. */
const ANSWER_KINDS: readonly {
  readonly asked: RegExp;
  readonly given: RegExp;
  readonly unless?: RegExp;
  /** What `given` finds is a name, which must not be one of the story's own (an outlet or a company is not "the reporter"). */
  readonly newName?: boolean;
}[] = [
  // "which gpt model version", "trn2 or trn3?" want a version's name
  { asked: VERSION_ASKED, given: VERSION_GIVEN },
  // "who won the trial" is not answered by "Trial begins April 27"
  { asked: OUTCOME_ASKED, given: OUTCOME_GIVEN, unless: REMEDY_ASKED },
  // "what remedies did the cma impose", "the exact penalty if openai breaches" want one imposed or set, not a finding
  { asked: REMEDY_ASKED, given: REMEDY_GIVEN },
  // "did msft stock tank after the report" wants a sentence that speaks of a stock or a market value
  { asked: MARKET_MOVE_ASKED, given: MARKET_GIVEN },
  // "which judge", "who led the round", "which law firm" want a name
  { asked: ROLE_ASKED, given: ROLE_GIVEN, newName: true },
  // "which court", "which regions", "where are they located" want a place
  { asked: PLACE_ASKED, given: PLACE_GIVEN, newName: true },
  // "did sam altman respond", "andy jassy comment on the threat?" want what someone said ("how did shares react" is a market move)
  { asked: SAID_ASKED, given: SAID_GIVEN, unless: MARKET_MOVE_ASKED },
];

/** Sets something aside to ask for more: "besides the ipo", "apart from amazon", "other than the FT", "non-ipo". */
const SET_ASIDE = /\b(?:besides|apart from|other than|aside from|except(?: for)?)\s+(?:the\s+)?([\p{L}\p{N}][\p{L}\p{N}'’.-]*)|\bnon-([\p{L}\p{N}]+)/iu;

/** Whether a sentence gives a thing (its terms) as the one example of a list, beside no other: "milestones including IPO)". */
function namesOnlyAlone(sentence: string, thing: readonly string[], termsOf: (text: string) => readonly string[]): boolean {
  const words = sentence.split(/\s+/);
  const at = words.flatMap((w, i) => (termsOf(w).some((t) => thing.includes(t)) ? [i] : []));
  const joins = (w: string | undefined): boolean => w !== undefined && /^(?:and|or|&|\/|plus)$/i.test(w);
  const opensList = (i: number): boolean => /^(?:including|include|includes|like|e\.g\.?)$/i.test(words[i - 1] ?? "") || /^such as$/i.test(words.slice(Math.max(0, i - 2), i).join(" "));
  return at.length > 0 && at.every((i) => opensList(i) && !(/[,;/]["”’)]*$/.test(words[i]!) || joins(words[i + 1])));
}

/**
 * Whether a sentence has what the question type asks for: 1 when it has it, 0 when it has none
 * of it, in between when it has something near (a figure of another kind), 0.5 when the question
 * asks for no particular type. "When" wants a date; "who won" or "what was the verdict" an outcome;
 * "did the stock drop" a sentence about a stock or a market value; "which judge" a name; "which
 * court" or "where is it located" a place; "did X comment" what someone said; "which version" a
 * version's name; "what percent" a percentage; "how many" things a count of them (a count of other things is only near); "how much" a sum
 * of money (a capacity alone is none), or a capacity when it asks about compute or power; "how
 * much per token" a figure per unit; "what remedies did the cma impose" a remedy or penalty imposed
 * or set. A question setting aside the one example a list gives ("besides the IPO, what other
 * milestones") is not answered by that list ("milestones including IPO").
 */
export function answerTypeMatch(question: string, sentence: string, published: string | null): number {
  return answerTypeReader(question)(sentence, published);
}

/**
 * {@link answerTypeMatch} for one question and any sentence: what the question asks for is read
 * once. `isStoryName` tells a name of the story (which answers no "which judge"); `termsOf` reads a
 * text's index terms, to compare what a count counts with what the question counts.
 */
export function answerTypeReader(
  question: string,
  isStoryName: (name: string) => boolean = () => false,
  termsOf: (text: string) => readonly string[] = (text) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean),
): (sentence: string, published: string | null) => number {
  const hints = questionHints(question);
  const kinds = ANSWER_KINDS.filter((kind) => kind.asked.test(question) && !kind.unless?.test(question));
  const percent = PERCENT_ASKED.test(question);
  // "how many probes" counts things; "how many gigawatts" or "how many billions" asks for an amount
  const count = !percent && COUNT_ASKED.test(question) && !AMOUNT_UNIT_ASKED.test(question);
  // a sum the question names in asking who ("who led the $110b round") is not asked for;
  // a price per unit ("how much per 1M tokens") wants a figure per unit, not a sum
  const amount = !percent && !count && hints.amount && !(ROLE_ASKED.test(question) && !SUM_ASKED.test(question));
  // what a count must be of: the words after "how many" beyond the story's names (a count of other things is only near)
  const counted = count ? (COUNTED_ASKED.exec(question)?.[1] ?? "").split(/\s+/).filter((w) => !isStoryName(w)).flatMap((w) => termsOf(w)) : [];
  const exactDay = EXACT_DAY_ASKED.test(question);
  // "which judge", "the ft reporter's name": someone named in that role
  const roles = kinds.some((k) => k.asked === ROLE_ASKED) ? ROLE_NOUNS.filter(([asked]) => asked.test(question)).map(([, said]) => said) : [];
  const rate = amount && RATE_ASKED.test(question);
  // "how much in damages", "what's it worth": the sum must stand beside what the question names
  const named = amount && !rate && hints.amountKind === "money" ? NAMED_SUMS.filter(([asked]) => asked.test(question)).map(([, given]) => given) : [];
  const given = amount && SUM_ASKED.test(question) ? extractFigures(question).map((f) => f.key) : [];
  // "besides the ipo, what other milestones": what the question sets aside, which a sentence naming it alone does not go beyond
  const asideMatch = SET_ASIDE.exec(question);
  const aside = asideMatch ? termsOf(asideMatch[1] ?? asideMatch[2] ?? "") : [];
  return (sentence, published) => {
    if (aside.length > 0 && namesOnlyAlone(sentence, aside, termsOf)) return 0;
    // a question asking for several kinds ("how much, and when?") is met by any of them
    const asked: number[] = [];
    // "exact date" wants a day: a month or a year alone does not give it
    if (exactDay) asked.push(Number(WEEKDAY_GIVEN.test(sentence) || extractDates(sentence, published, published ? null : 2000).some((d) => d.date.length === 10)));
    else if (hints.when) asked.push(Number(mentionsTime(sentence, published)));
    for (const kind of kinds) {
      if (!kind.newName) asked.push(Number(kind.given.test(sentence)));
      else {
        const someoneNew = [...sentence.matchAll(new RegExp(kind.given.source, "g"))].some((m) => !isStoryName(m[0]));
        asked.push(Number(someoneNew && (kind.asked !== ROLE_ASKED || roles.length === 0 || roles.some((said) => said.test(sentence)))));
      }
    }
    if (percent) asked.push(Number(PERCENT_GIVEN.test(sentence)));
    else if (count) {
      const counts = extractCounts(sentence);
      asked.push(counts.length === 0 ? 0 : counted.length === 0 || counts.some((c) => termsOf(c.shown).some((t) => counted.includes(t))) ? 1 : 0.5);
    }
    else if (amount) {
      const match = rate ? Number(RATE_GIVEN.test(sentence)) : amountMatch(hints.amountKind, sentence, given);
      asked.push(named.length === 0 || named.some((said) => clauses(sentence).some((c) => said.test(c) && amountMatch("money", c, given) > 0)) ? match : 0);
    }
    return asked.length === 0 ? 0.5 : Math.max(...asked);
  };
}

/**
 * `givenKeys`: a figure the question gives itself answers nothing when it asks for a sum ("valued
 * at after the $110B round?"), though it is what a question about that figure asks after ("is the
 * $50B paid upfront", "what is the $138B").
 */
function amountMatch(kind: "money" | "capacity", sentence: string, givenKeys: readonly string[]): number {
  const wanted = kind === "money" ? "usd:" : "gw:";
  const given = new Set(givenKeys);
  const all = extractFigures(sentence);
  const figures = all.filter((f) => !given.has(f.key));
  if (figures.some((f) => f.key.startsWith(wanted))) return 1;
  // sums said in words: "tens of billions", "billions of dollars"
  if (kind === "money" && /\b(?:billions|millions|trillions)\b/i.test(sentence)) return 1;
  // a figure of another kind, or a number, is near
  const rest = all.filter((f) => given.has(f.key)).reduce((text, f) => text.replace(f.raw, " "), sentence);
  // only a capacity where a sum is asked ("how much has amazon invested in anthropic" against "2GW of Trainium") is no answer
  if (kind === "money" && figures.length > 0 && figures.every((f) => f.key.startsWith("gw:"))) return 0;
  return figures.length > 0 || /\d/.test(rest) ? 0.5 : 0;
}

/** The model's probability that the passages answer the query. */
export function answerability(features: readonly number[], model: AnswerabilityModel = ANSWERABILITY): number {
  return boostedProbability(model, features);
}

/**
 * Whether to answer, from the features: the model's confidence, except that a question asking
 * for a kind of answer (a date, a sum, a percentage, a count) that the best passage does not have is not
 * answered by it ("how much did Nvidia put in" against a sentence on Nvidia with no sum).
 */
export function decideConfidence(features: readonly number[], model: AnswerabilityModel = ANSWERABILITY): Confidence {
  if (features[FEATURE_NAMES.indexOf("typeMatch")] === 0) return "none";
  return confidenceOf(answerability(features, model), model);
}

/**
 * The first of the best passages (by words) that holds verbatim every phrase the question quotes
 * (two words or more): "who said 'we know our contract'?"; undefined when it quotes none.
 */
export function quotedPassage(query: string, ranked: readonly RankedPassage[], limit = 60): RankedPassage | undefined {
  const quotes = quotedPhrases(query);
  if (quotes.length === 0) return undefined;
  return ranked.slice(0, limit).find((r) => {
    const text = foldQuote(r.passage.text);
    return quotes.every((q) => text.includes(q));
  });
}

/** Confidence at the model's operating points. */
export function confidenceOf(probability: number, model: AnswerabilityModel = ANSWERABILITY): Confidence {
  if (probability >= model.high) return "high";
  if (probability >= model.low) return "low";
  return "none";
}
