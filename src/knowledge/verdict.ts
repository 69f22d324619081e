import type { Analyzer } from "./analyze.js";
import { citationLabel, itemOf } from "./excerpt.js";
import { isBareQuestion } from "./boilerplate.js";
import { type Fact, BEGAN, CONDITIONAL, clauses, HEDGE, POSSIBILITY, UNSETTLED, claimWords, datesOf, figuresOf, foldQuote, isNegative, ordinalsOf, quoteStandsPlain, sentencesOf, coordinated, shortQuote, swappedPair, versionsOf, agoOf, yearPartsOf, monthPartsOf, thisOrNextOf } from "./claim-reading.js";
export { quotedPhrases } from "./claim-reading.js";
import { compareOrder, isRelationWord } from "./order-relation.js";
import { CLAIM_CHECK, type ClaimReading, readClaim } from "./claim-context.js";
import { reboundParty } from "./party-binding.js";
import { replacedName, replacedTerm } from "./replaced-name.js";
import { reportedFirst } from "./reported-by.js";
import { unnamedSpeaker } from "./quoted-by.js";
import { wholeSplitIn } from "./whole-split.js";
import { STOP_WORDS } from "./stopwords.js";
export { CLAIM_CHECK } from "./claim-context.js";
import type { RankedPassage, Retriever } from "./retrieval.js";
import type { Passage, Topic, Verdict } from "./types.js";

/** A claim's verdict and the one sentence that explains it. */
export interface ClaimVerdict {
  readonly verdict: Verdict;
  readonly reason: string;
}

/** A verdict with the passages it rests on, the one its reason quotes first (none for `unverified`). */
export interface JudgedClaim extends ClaimVerdict {
  readonly evidence: readonly RankedPassage[];
  /** Nothing of the claim is in the sources (no word of it the index knows, or none it holds itself): no passage is near it. */
  readonly unmentioned?: boolean;
}

/**
 * Judges a claim against the passages ranked for it: "contradicted" when a passage about the
 * claim gives another figure, date, rank, party or place, or says the opposite (negation);
 * "supported" only when a passage holds nearly all of the claim with the same figures, dates and
 * ranks, the same polarity and the same first-named party; "mixed" when sources do both;
 * otherwise "unverified". A claim is never called supported on a guess.
 */
export function judgeClaim(written: string, ranked: readonly RankedPassage[], retriever: Retriever, analyzer: Analyzer, topic: Topic): JudgedClaim {
  // "runs inside Bedrock, not Azure": the claim is what comes before the contrast, and no sentence speaking of Azure supports it
  const contrast = CONTRAST.exec(written);
  // "not just Y", "not only Y" add Y rather than set it against the claim
  if (contrast && !isNegative(contrast[1]!) && !/^(?:just|only|merely|simply)\b/i.test(contrast[2]!)) return judgeOne(contrast[1]!, new Set(analyzer.terms(contrast[2]!)), ranked, retriever, analyzer, topic);
  const whole = judgeOne(written, new Set(), ranked, retriever, analyzer, topic);
  if (whole.verdict === "contradicted" || whole.verdict === "mixed") return whole;
  // a claim of several parts is false when one of them is ("talks broke down and they all went straight to court"), and
  // not supported then; a part of a claim that hedges or sets a condition is not said on its own
  if (HEDGE.test(written) || POSSIBILITY.test(written) || CONDITIONAL.test(written)) return whole;
  const parts = written.split(/\s*[,;]\s*|\s+(?:and|but|so|plus)\s+|\s+[—–-]\s+/i).filter((p) => new Set(analyzer.terms(p)).size >= 2);
  if (parts.length < 2) return whole;
  // a part naming nothing of the story has lost its subject ("…, no memory of earlier ones")
  for (const part of parts.filter((p) => analyzer.concepts(p).size > 0)) {
    const one = judgeOne(part, new Set(), ranked, retriever, analyzer, topic);
    // a part read alone has lost some of the claim: against a whole the sources support, it only unsettles it
    if (one.verdict === "contradicted") return whole.verdict === "supported" ? { verdict: "unverified", reason: "The sources do not settle this.", evidence: [] } : one;
  }
  return whole;
}

/** Verbs saying how something turned out. */
const OUTCOME_VERBS = /\b(?:designated|fined|penali[sz]ed|ruled|convicted|acquitted|won|wins|lost|settled|dismissed|approved|blocked|rejected|awarded|ordered|banned|cleared|sanctioned)\b/i;

/**
 * Whether a sentence gives an outcome where the claim does: a claim that something turned out
 * some way ("musk won his case", "designated aws a gatekeeper") is held only by a sentence saying
 * how something turned out, and every outcome word of the claim that counts must be held by it.
 */
function outcomeHeld(reading: ClaimReading, held: ClaimReading["parts"], sentence: string): boolean {
  if (!OUTCOME_VERBS.test(reading.claim)) return true;
  const outcome = new Set(reading.analyzer.terms((reading.claim.match(new RegExp(OUTCOME_VERBS.source, "gi")) ?? []).join(" ")));
  return OUTCOME_VERBS.test(sentence) && reading.parts.filter((p) => outcome.has(p.term)).every((p) => held.includes(p));
}

/** A claim of the whole of something: "all of its exclusivity", "the entire deal", "every bit of it". */
const ALL_OF = /\b(?:all(?:\s+of)?\s+(?:its|their|the|his|her)|entire(?:ly)?|in full|every bit|completely|totally|fully)\b/i;
/** A source giving a part of something: "some of its total cloud exclusivity", "part of the stake", "partly". */
const SOME_OF = /\b(?:some|part|parts|portion|share)\s+of\b|\b(?:partly|partially)\b/i;

/** "Only", "just", "solely" and the words after it that it bears on: "only targets amazon", "just oai". */
const ONLY_BEFORE = /\b(?:only|just|solely|exclusively)\s+((?:[\p{L}\p{N}][\p{L}\p{N}'’.-]*\s*){1,3})/iu;

/** A claim closing on what it is not: "X, not Y", "X and not Y". */
const CONTRAST = /^(.*[\p{L}\p{N}])(?:\s*,\s*(?:and\s+|but\s+)?|\s+(?:and|but)\s+)not\s+((?:[\p{L}\p{N}][\p{L}\p{N}'’.-]*\s*){1,4})[.!?]*\s*$/iu;

/** What a passage is read with: its list's lead-in, or a table row's column headers ("Case / Probe | Parties Involved | …"). */
function contextOf(passage: Passage): string {
  return passage.leadIn ?? passage.cells?.map((cell) => cell.header).join(" ") ?? "";
}

/** Judges one claim (the part before a closing "not Y"): each passage read for conflict first, then support; then the verdict. */
function judgeOne(written: string, contrasted: ReadonlySet<string>, ranked: readonly RankedPassage[], retriever: Retriever, analyzer: Analyzer, topic: Topic): JudgedClaim {
  const reading = readClaim(written, contrasted, retriever, analyzer, topic);
  // a claim whose every word is one the index never saw, or knows only through a guess at its synonyms ("pizza is the
  // best food": "best" read as "report"), speaks of nothing the sources say
  const { profile } = reading;
  const direct = profile.terms.some((_, i) => profile.weights[i]! > 0 && profile.kinds[i] !== "unknown" && profile.kinds[i] !== "synonym");
  if (ranked.length === 0 || (!direct && reading.claimFacts.length === 0)) return { verdict: "unverified", reason: "The sources do not mention this.", evidence: [], unmentioned: true };
  const conflicts: Evidence[] = [];
  const supports: Evidence[] = [];
  // the words of the passages about the claim
  const nearby = new Set(ranked.slice(0, CLAIM_CHECK.evidence).flatMap((c) => [...retriever.termsOf(c.passage)]));
  for (const c of ranked.slice(0, CLAIM_CHECK.evidence)) {
    // a question the article asks ("Will Microsoft's regulatory exposure deter it …?") asserts nothing
    if (isBareQuestion(c.passage.text)) continue;
    // the whole of a sum where a sentence gives it in parts, one of them as the claim says ("the whole 50b is upfront"
    // against "$15 billion immediate, $35 billion contingent on milestones"): however little else of the claim it holds
    const split = wholeSplitIn(reading, c);
    const splitConflict = (): Evidence | null => (split ? { passage: c, sentence: split.sentence, reason: `Sources say ${split.part}, not all of it.`, strength: reading.share(split.text) } : null);
    const view = readPassage(reading, c);
    if (view === null) {
      const found = splitConflict();
      if (found) conflicts.push(found);
      continue;
    }
    const facts = compareFacts(reading, view);
    const conflict = facts.conflict ?? otherConflict(reading, view);
    if (conflict) {
      const rival = facts.conflict ? null : rivalName(reading, view);
      conflicts.push({ passage: c, sentence: view.own.index, reason: conflict, strength: view.sentenceShare, ...(rival ? { rival } : {}) });
      continue;
    }
    const found = splitConflict();
    if (found) {
      conflicts.push(found);
      continue;
    }
    const support = supportOf(reading, view, facts.matched, nearby);
    if (support) supports.push(support);
  }
  return decide(reading, conflicts, supports, ranked, (word) => {
    const profile = retriever.profile(word);
    return profile.terms.length > 0 && profile.kinds.every((k) => k === "known");
  });
}

/** The figures, dates, ranks, versions and spans of time a source text gives, dates read against its article's date. */
function factsOf(text: string, published: string | null): Fact[] {
  const dates = datesOf(text, published, false);
  return [...figuresOf(text), ...dates, ...ordinalsOf(text), ...versionsOf(text), ...agoOf(text), ...yearPartsOf(text), ...monthPartsOf(text, dates), ...thisOrNextOf(text)];
}

/**
 * Whether a sentence hedges what the claim says: a hedge near the claim's words, or one in its
 * opening words that governs all of it ("Observers … should watch for … any legal filings").
 */
function hedgedForConflict(reading: ClaimReading, sentence: string): boolean {
  return reading.hedgesClaim(sentence) || HEDGE.test(sentence.split(/\s+/).slice(0, 5).join(" "));
}

/** The claim's names of a kind (not parties) that a text leaves out while naming another of the same kind. */
function replacedKinds(reading: ClaimReading, text: string): string[] {
  const { claimConcepts, kindOf, analyzer } = reading;
  const theirs = analyzer.concepts(text);
  return [...claimConcepts].filter((id) => {
    const kind = kindOf.get(id);
    return kind !== undefined && kind !== "party" && !theirs.has(id) && [...theirs].some((other) => !claimConcepts.has(other) && kindOf.get(other) === kind);
  });
}

/** A passage's word on a claim: the passage, the sentence that says it, and how much of the claim it holds. */
interface Evidence {
  readonly passage: RankedPassage;
  /** The passage's sentence that says it (an index into its sentences). */
  readonly sentence: number;
  readonly reason: string;
  readonly strength: number;
  /** Support from a sentence that gives the claim's figures and dates but fewer of its words. */
  readonly byFacts?: boolean;
  /** A conflict putting another name (`theirs`) where the claim names `mine`. */
  readonly rival?: { readonly mine: string; readonly theirs: string };
}

/** What opens a claim as who said it, when that is not one of the parties: "the joint statement said", "per the FT". */
const SAID_BY = /^\s*(?:(?:per|according to)\s+(.{2,40}?)\s*,?\s+(?=\S)|(.{2,40}?)\s+(?:said|says|say|reported|reports|stated|states|noted|notes)\s+(?:that\s+)?(?=\S))/i;

/** The words of a claim that say who said it (not a party of the story), or null. */
function saidBy(claim: string, analyzer: Analyzer, partyIds: ReadonlySet<string>): string | null {
  const m = SAID_BY.exec(claim);
  // "per the joint statement ms keeps …": with no comma, who said it runs up to the first party named
  const unmarked = m?.[1] !== undefined && !/^\s*(?:per|according to)\s+[^,]{2,40},/i.test(claim) ? /^\s*(?:per|according to)\s+(.*)$/i.exec(claim)?.[1]?.split(/\s+/) : undefined;
  const upToParty = unmarked?.findIndex((w) => [...analyzer.concepts(w)].some((id) => partyIds.has(id)));
  const frame = unmarked && upToParty !== undefined && upToParty > 0 && upToParty <= 6 ? unmarked.slice(0, upToParty).join(" ") : (m?.[1] ?? m?.[2]);
  if (!frame || [...analyzer.concepts(frame)].some((id) => partyIds.has(id))) return null;
  return frame;
}

/** Says that something has ended: "the partnership was over" ("over" after a form of "be", not "a fight over hosting"), "talks broke down", "they stopped talking". */
const ENDED =
  /\b(?:(?:is|was|were|are|be|been|['’]s)\s+(?:(?:basically|kinda|pretty much|totally|completely|all|just|officially|already|now|so|like)\s+)*over|ended|dead|finished|broke down|broken down|breaking down|fell apart|falling apart|collapsed|collapsing|winding down|wound down|stopped|ceased|called off|terminated)\b/i;
/** Says that something goes on: "remained strong", "still in talks", "continues". */
const CONTINUING = /\b(?:remain|remains|remained|still|continue|continues|continued|continuing|ongoing|intact)\b/i;

/** Says that something has happened by now: "already", "by now". */
const ALREADY = /\b(?:already|by now|has now|have now)\b/i;
/** What follows "before", "until" or "ahead of": something that has not happened yet. */
const NOT_YET = /\b(?:before|until|till|ahead of|prior to)\b/i;

/** Whether the part of a sentence after "before" or "until" holds a claim word (parties aside) that the part before it does not. */
function notYetHolds(reading: ClaimReading, sentence: string): boolean {
  const at = NOT_YET.exec(sentence);
  if (!at) return false;
  const core = (text: string): Set<string> => new Set(reading.heldBy(reading.analyzer.terms(text)).filter((p) => !reading.partyIds.has(p.term)).map((p) => p.term));
  const before = core(sentence.slice(0, at.index));
  return [...core(sentence.slice(at.index))].some((t) => !before.has(t));
}

/** A passage read against a claim: the sentence holding most of it, and what that sentence says of it. */
type PassageView = NonNullable<ReturnType<typeof readPassage>>;

/**
 * Reads a passage against the claim, or null when it is not about the claim: its sentence that
 * holds most of the claim (with the list's lead-in), how much of the claim that sentence and the
 * passage hold, whether the sentence is about the claim (the same doer of its deed, and most of
 * its words or all it names), its figures and dates, a sentence of it that negates the claim, the
 * order it gives, and whether it negates the claim where quoted words do not stand plain.
 */
function readPassage(reading: ClaimReading, c: RankedPassage) {
  const { claim, heldBy, share, shareWithFacts, partyIds, claimHedged, rarest, negatesClaim, claimConcepts, claimParties, doersOf, overlap, claimDeed, claimDoer, quotes, analyzer, withoutStrayAsides } = reading;
  const published = c.document.meta.published;
  // the passage's sentence that holds most of the claim (the ranked best one on a tie), with the list's lead-in
  const candidates = sentencesOf(c);
  // the parties a passage names stand behind each of its sentences ("All three companies—Microsoft, … No lawsuit has been filed yet.")
  const passageParties = [...analyzer.concepts(c.passage.text)].filter((id) => partyIds.has(id)).join(" ");
  const own = candidates.reduce(
    (best, text, i) => {
      const read = [contextOf(c.passage), withoutStrayAsides(text), passageParties].join(" ");
      const held = shareWithFacts(read, factsOf(read, published));
      return held > best.held || (held === best.held && i === c.best.sentence) ? { text, index: i, held } : best;
    },
    { text: c.best.text, index: c.best.sentence, held: -1 },
  );
  const sentence = [contextOf(c.passage), own.text].join(" ").trim();
  const whole = [contextOf(c.passage), c.passage.section ?? "", c.passage.text].join(" ");
  // who the claim says said it ("the joint statement said …", "per the FT …") may be named by the passage around the sentence
  const frame = saidBy(claim, analyzer, partyIds);
  const wholeTerms = frame === null ? [] : analyzer.terms(whole);
  const frameHeld = frame !== null && analyzer.terms(frame).every((t) => wholeTerms.includes(t));
  // the sentence with who the claim says said it, where the passage names them
  const sentenceShare = frameHeld ? shareWithFacts(`${sentence} ${passageParties} ${frame}`, factsOf(sentence, published)) : own.held;
  const plainShare = share([contextOf(c.passage), withoutStrayAsides(own.text), passageParties, frameHeld ? frame : ""].join(" "));
  const passageShare = shareWithFacts(whole, factsOf(whole, published));
  const plainPassageShare = share(whole);
  // a passage naming another of the kind of a name the claim gives is about the claim when it holds the rest of it ("hosted on azure" against "hosted on Amazon Bedrock")
  const replacing = replacedKinds(reading, whole);
  if (passageShare < CLAIM_CHECK.relevant && !(replacing.some((id) => reading.shareLeavingOut(whole, id) >= CLAIM_CHECK.relevant))) return null;
  const label = citationLabel(itemOf(c.document, c.passage, own.index).citation);
  // about the claim: most of its words, or every party and term it names (two or more)
  const sentenceConcepts = analyzer.concepts(sentence);
  const holdsDeed = claimDeed === undefined || heldBy(analyzer.terms(sentence)).includes(claimDeed);
  // the claim's deed done by another party in the sentence ("$50 billion Amazon investment" against "Microsoft invested …") is another fact
  const sentenceDoer = claimDeed ? doersOf(sentence, claimDeed) : undefined;
  const sameDoer = claimDoer === undefined || sentenceDoer === undefined || overlap(claimDoer, sentenceDoer);
  const aboutIt =
    sameDoer && (sentenceShare >= CLAIM_CHECK.relevant || (claimConcepts.size >= 2 && holdsDeed && [...claimConcepts].every((id) => sentenceConcepts.has(id))));
  const held = heldBy(analyzer.terms(withoutStrayAsides(sentence)));
  // the sentence holds what the claim says beyond its parties, or two parties or more of it ("amazon put 40B into openai")
  const holdsMoreThanParties = held.some((p) => !partyIds.has(p.term)) || (claimParties >= 2 && held.filter((p) => partyIds.has(p.term)).length === claimParties);
  const sourceFacts = factsOf(sentence, published);
  const negatedSentence = c.passage.sentences
    .map((span) => c.passage.text.slice(span.start, span.end))
    // a hedged one ("executives believe it violates—if not the letter …") says what someone thinks, not what happened
    .find((s) => negatesClaim(s) && !(quotes.length > 0 && quotes.every((q) => quoteStandsPlain(s, q))) && claimHedged === hedgedForConflict(reading, s) && (share(s) >= 0.34 || (rarest !== undefined && heldBy(analyzer.terms(s)).includes(rarest))));
  const order = compareOrder(claim, own.text, (text) => analyzer.terms(text));
  // a claim quoting words the sentence holds where no negation reaches them is not denied by a negation of others
  // ("may tell customers … “enabled by” OpenAI, but are banned from saying it “enables access”")
  const quotesStandPlain = quotes.length > 0 && quotes.every((q) => quoteStandsPlain(own.text, q));
  const negated = reading.deniedParts(own.text).size > 0 && !quotesStandPlain;
  return { c, own, sentence, sentenceShare, plainShare, passageShare, plainPassageShare, passageParties, label, sentenceConcepts, aboutIt, held, holdsMoreThanParties, sourceFacts, negatedSentence, order, quotesStandPlain, negated };
}

/**
 * The claim's figures, dates and ranks against the sentence's: another one where the sentence is
 * about the claim is a conflict; `matched` counts the kinds that agree beside the same words.
 */
function compareFacts(reading: ClaimReading, view: PassageView): { conflict: string | null; matched: number } {
  const { claim, claimFacts, neighboursAgree, misplacedPart, figurePartiesAgree } = reading;
  const { sentence, aboutIt, holdsMoreThanParties, sourceFacts } = view;
  let conflict: string | null = null;
  let matched = 0;
  for (const kind of new Set(claimFacts.map((f) => f.kind))) {
    const mine = claimFacts.filter((f) => f.kind === kind);
    const theirs = sourceFacts.filter((f) => f.kind === kind);
    // "first" is what a sentence saying how something began gives ("began in 2019 with a $1 billion investment")
    if (theirs.length === 0 && kind === "rank" && mine.every((m) => m.key === "first") && BEGAN.test(sentence)) matched++;
    if (theirs.length === 0) continue;
    // a sum beside other parties in the source is another sum ("$50 billion partnership … between Amazon and OpenAI" is not Microsoft's)
    const same = mine.flatMap((m) => theirs.filter((t) => t.key === m.key && (!/^(?:usd|gw|pct)/.test(kind) || figurePartiesAgree(m.raw, sentence, t.raw))).map((t) => [m, t] as const));
    // the same sum beside other parties says nothing of the claim's, for or against
    if (same.length === 0 && mine.some((m) => theirs.some((t) => t.key === m.key))) continue;
    // every figure of the claim must stand in the sentence: "9b is 15b now and 35b later" is not "$50 billion ($15 billion immediate, $35 billion contingent)"
    const unmatched = mine.filter((m) => !theirs.some((t) => t.key === m.key));
    if (same.length > 0 && unmatched.length > 0) {
      const spare = theirs.find((t) => !mine.some((m) => m.key === t.key));
      if (spare && aboutIt && holdsMoreThanParties) conflict ??= `Sources say ${spare.shown ?? spare.raw}, not ${unmatched[0]!.shown ?? unmatched[0]!.raw}.`;
      continue;
    }
    if (same.length > 0) {
      // the words next to the figure in the claim that the sentence uses must be next to it there too
      // (when the sentence gives several figures of this kind, "$15 billion immediate, $35 billion contingent")
      // (every figure of the claim: "50B is 35 upfront and 15 tied to milestones" has only its 50B right)
      if (theirs.length === 1 || same.every(([m, t]) => neighboursAgree(m.raw, sentence, t.raw, theirs))) matched++;
      else if (aboutIt && holdsMoreThanParties) {
        // a word the claim puts beside its figure that the source puts beside another part of the same whole
        for (const [m, t] of same) {
          const part = misplacedPart(m.raw, sentence, t.raw, theirs);
          if (part) conflict ??= `Sources say ${part}, not ${m.shown ?? m.raw}.`;
        }
      }
      continue;
    }
    // another figure says something of the claim only where the sentence holds more of it than one party ("msft is worth 3T" is not about "$1 billion investment")
    if (aboutIt && holdsMoreThanParties) conflict ??= `Sources say ${theirs[0]!.shown ?? theirs[0]!.raw}, not ${mine[0]!.shown ?? mine[0]!.raw}.`;
  }
  if (!conflict && aboutIt && holdsMoreThanParties) conflict = swappedPair(claim, claimFacts, sentence, sourceFacts);
  return { conflict, matched };
}

/** A name or place of the claim (`mine`) that the passage's sentence, holding the rest of the claim, replaces with another of the same kind (`theirs`). */
function rivalName(reading: ClaimReading, view: PassageView): { mine: string; theirs: string } | null {
  const { claimConcepts, kindOf, sameKind, analyzer, shareLeavingOut } = reading;
  const { sentence, sentenceShare } = view;
  const theirs = analyzer.concepts(sentence);
  for (const id of claimConcepts) {
    const kind = kindOf.get(id);
    if (!kind || kind === "party" || theirs.has(id)) continue;
    // holding the claim with the name, a party may stand where the claim names a company; holding only the rest of it, only a name of the same kind
    const holdsClaim = sentenceShare >= CLAIM_CHECK.relevant;
    if (!holdsClaim && shareLeavingOut(sentence, id) < CLAIM_CHECK.relevant) continue;
    // a company the claim names may stand where the source names one of the parties; only one such name settles it
    const rivals = [...theirs].filter((other) => other !== id && !claimConcepts.has(other) && (holdsClaim ? sameKind(kindOf.get(other), kind) : kindOf.get(other) === kind));
    if (rivals.length === 1) return { mine: id, theirs: rivals[0]! };
  }
  return null;
}

/** Another name, place, party, order or polarity in the sentence than in the claim: the reason, or null. */
function otherConflict(reading: ClaimReading, view: PassageView): string | null {
  const { claim, claimNegated, partyIds, claimHedged, claimConcepts, claimParties, nameOf, analyzer, shareLeavingOut, heldBy } = reading;
  const { own, sentence, sentenceShare, passageShare, passageParties, label, sentenceConcepts, negatedSentence, order, negated } = view;
  let conflict: string | null = null;
  // a name or place of the claim the passage replaces with another of the same kind, where the sentence holds the rest of the claim
  const replaced = rivalName(reading, view);
  if (replaced) conflict = `Sources say ${reading.nameOf.get(replaced.theirs)}, not ${reading.nameOf.get(replaced.mine)}.`;
  // one party named where the sentence, holding the rest of the claim, names another alone ("FTC antitrust
  // investigation | US FTC vs Microsoft" against "the FTC investigation is aimed at amazon")
  if (!conflict && claimParties === 1 && sentenceShare >= CLAIM_CHECK.relevant) {
    const mine = [...claimConcepts].find((id) => partyIds.has(id))!;
    const theirs = [...sentenceConcepts].filter((id) => partyIds.has(id));
    const passageNames = new Set(passageParties.split(" "));
    // the claim's clause naming its party must say something the sentence holds ("… launched feb 5, before the amzn deal was announced" does not)
    const sentenceTerms = analyzer.terms(sentence);
    const partyClauses = clauses(claim).filter((clause) => analyzer.concepts(clause).has(mine));
    const clauseHeld = partyClauses.some((clause) => heldBy(analyzer.terms(clause)).some((p) => p.term !== mine && sentenceTerms.some((t) => p.matches.has(t))));
    if (theirs.length === 1 && theirs[0] !== mine && !passageNames.has(mine) && clauseHeld && shareLeavingOut(sentence, mine) >= CLAIM_CHECK.relevant) conflict = `Sources say ${nameOf.get(theirs[0]!)}, not ${nameOf.get(mine)}.`;
  }
  // "only" or "just" before a party of the claim where the sentence, holding the rest of the claim, names others the
  // claim does not ("the EU DMA probe only targets amazon" against "European Commission vs. Microsoft & AWS")
  const alone = ONLY_BEFORE.exec(claim);
  if (!conflict && alone && sentenceShare >= CLAIM_CHECK.relevant) {
    const mine = [...analyzer.concepts(alone[1]!)].find((id) => partyIds.has(id));
    const others = [...sentenceConcepts].filter((id) => partyIds.has(id) && !claimConcepts.has(id));
    if (mine && sentenceConcepts.has(mine) && others.length > 0) {
      conflict = `Sources name ${others.map((id) => nameOf.get(id)).join(" and ")} as well as ${nameOf.get(mine)}.`;
    }
  }
  // a party right after a preposition where the sentence, holding nearly all the rest of the claim and not naming
  // that party, names another after the same preposition ("buying $138B of cloud services from microsoft" against
  // "a commitment to purchase $138 billion in cloud services from Amazon Web Services")
  if (!conflict) {
    let partiesAfterAll: Set<string> | undefined;
    const theirs = partiesAfter(sentence, analyzer, partyIds);
    for (const [preposition, mine] of partiesAfter(claim, analyzer, partyIds)) {
      const other = [...(theirs.get(preposition) ?? [])].find((id) => !mine.has(id) && !claimConcepts.has(id));
      const absentHere = [...mine].filter((id) => !sentenceConcepts.has(id));
      if (other && absentHere.length === mine.size && absentHere.every((id) => shareLeavingOut(sentence, id) >= CLAIM_CHECK.supporting)) {
        conflict = `Sources say ${nameOf.get(other)}, not ${nameOf.get(absentHere[0]!)}.`;
        break;
      }
      // the parties' places swapped: the claim puts before "from" or "to" the party the sentence puts after it
      // ("aws buying services from oai" against "… to purchase $138 billion in cloud services from Amazon Web Services")
      const claimed = partiesAfterAll ??= new Set([...partiesAfter(claim, analyzer, partyIds).values()].flatMap((ids) => [...ids]));
      const swapped = [...(theirs.get(preposition) ?? [])].find((id) => !mine.has(id) && claimConcepts.has(id) && !claimed.has(id));
      if (swapped && /^(?:from|to)$/i.test(preposition) && ![...mine].some((id) => theirs.get(preposition)!.has(id)) && shareLeavingOut(sentence, [...mine][0]!) >= CLAIM_CHECK.supporting) {
        conflict = `Sources say ${preposition} ${nameOf.get(swapped)}, not ${preposition} ${nameOf.get([...mine][0]!)}.`;
        break;
      }
    }
  }
  // "before Anthropic" where the source says "second … (after Anthropic)"
  if (!conflict && order === "reversed" && sentenceShare >= CLAIM_CHECK.relevant) conflict = `Sources say: “${shortQuote(own.text)}” (${label}).`;
  // "microsoft bedrock" where the source says "Amazon Bedrock"
  const rebound = reboundParty(claim, own.text, analyzer, partyIds);
  if (!conflict && rebound && sentenceShare >= CLAIM_CHECK.supporting) conflict = `Sources say “${rebound.source}”, not “${rebound.claim}”.`;
  // a hedged sentence contradicts only a claim hedged the same way ("AWS staff are allowed to say …" against "may … but are
  // banned from saying …"), and a plain one no hedged claim ("threatened to sue" is no lawsuit that "without litigation" denies)
  // a negated claim stands beside a sentence whose negation reaches the same words, whoever its subject ("there's no backdoor
  // access" and "its deal with Amazon does not provide any “backdoor access”")
  const deniedToo = (() => {
    if (!claimNegated || negated) return false;
    const held = new Set(view.held.map((p) => p.term));
    const mine = [...reading.negatedParts(claim)].filter((t) => held.has(t));
    const theirs = reading.negatedParts(own.text, true);
    return mine.length > 0 && mine.every((t) => theirs.has(t));
  })();
  if (!conflict && negated !== claimNegated && !deniedToo && sentenceShare >= CLAIM_CHECK.supporting && claimHedged === hedgedForConflict(reading, own.text)) {
    conflict = `Sources say: “${shortQuote(own.text)}” (${label}).`;
  }
  // a claim that something has ended where the sentence about it says it goes on ("the joint statement said the
  // partnership was over" against "… a joint statement insisting their partnership remained "strong and central"")
  if (!conflict && !claimNegated && !negated && !claimHedged && ENDED.test(claim) && CONTINUING.test(own.text) && !HEDGE.test(own.text)) {
    const ended = new Set(analyzer.terms((claim.match(new RegExp(ENDED.source, "gi")) ?? []).join(" ")));
    const rest = view.held.filter((p) => !ended.has(p.term));
    if (rest.some((p) => !partyIds.has(p.term)) && reading.shareLeavingOut(sentence, [...ended][0] ?? "") >= CLAIM_CHECK.relevant) {
      conflict = `Sources say: “${shortQuote(own.text)}” (${label}).`;
    }
  }
  // all of something where the sentence about it says some of it ("gave up all of its exclusivity" against "gave up some of its total cloud exclusivity")
  if (!conflict && !claimNegated && !claimHedged && ALL_OF.test(claim) && SOME_OF.test(own.text) && sentenceShare >= CLAIM_CHECK.supporting) {
    conflict = `Sources say: “${shortQuote(own.text)}” (${label}).`;
  }
  // a positive claim where the passage about it says the thing has not happened
  if (!conflict && !claimNegated && negatedSentence && passageShare >= CLAIM_CHECK.supporting) {
    conflict = `Sources say: “${shortQuote(negatedSentence)}” (${label}).`;
  }
  return conflict;
}

/** Words that make a figure approximate: "somewhere between 79 and 134 billion". */
const APPROXIMATE = /^(?:somewhere|roughly|approximately|approx|nearly|almost|ish|ballpark)$/i;

/** Whether a word is two words run together ("everyday"), each one the index knows or a stop word. */
function compoundOfKnown(word: string, known: (word: string) => boolean): boolean {
  const w = word.toLowerCase();
  for (let at = 3; at <= w.length - 3; at++) {
    if ([w.slice(0, at), w.slice(at)].every((part) => STOP_WORDS.has(part) || known(part))) return true;
  }
  return false;
}

/** Kinds of fact that pin a claim down: sums, shares, amounts of capacity and dates (not ranks, counts or relative times). */
const STANDING_FACT = /^(?:usd|eur|gbp|pct|gw|mw|year|month|day)$/;

/**
 * Support for the claim from the passage: its sentence holds nearly all of the claim with the same
 * polarity, no hedge the claim lacks, the same lead party, order and figures; or a sentence of it
 * holds the claim's quoted words plainly. Null otherwise.
 */
function supportOf(reading: ClaimReading, view: PassageView, matchedFacts: number, nearby: ReadonlySet<string>): Evidence | null {
  const { claim, claimFacts, claimNegated, negativeWhereHeld, claimHedged, negatesClaim, negatedParts, hedgesClaim, claimConcepts, claimParties, opensWithParty, firstParties, doersOf, overlap, claimDeed, claimDoer, quotes, samePolarity, analyzer, contrasted, predicateWord, stateTerm, partyIds, kindOf } = reading;
  const { c, own, sentence, sentenceShare, plainShare, plainPassageShare, label, held, order, quotesStandPlain, negated, sentenceConcepts } = view;
  const factsNeeded = new Set(claimFacts.map((f) => f.kind)).size;
  /** The first name of a party or company in a text, reading word by word. */
  const leadingName = (text: string): string | undefined => {
    for (const word of text.split(/\s+/)) {
      const named = [...analyzer.concepts(word)].find((id) => partyIds.has(id) || kindOf.get(id) === "company");
      if (named) return named;
    }
    return undefined;
  };
  /** The company beside the parties that a claim opens with, in its first three words. */
  const leadingCompany = (text: string): string | undefined => {
    const first = leadingName(text.split(/\s+/).slice(0, 3).join(" "));
    return first !== undefined && kindOf.get(first) === "company" ? first : undefined;
  };
  // a sentence giving every figure and date of the claim supports it with fewer of its words, so long as no passage
  // about the claim uses a word of it that the sentence lacks ("msft's first check was $1B back in 2019" against "…
  // began in 2019 with a $1 billion investment"; not "in 2025 msft gave up exclusivity on stateless api calls too")
  const byFacts =
    claimFacts.some((f) => STANDING_FACT.test(f.kind)) &&
    matchedFacts >= factsNeeded &&
    plainShare >= CLAIM_CHECK.supportingByFacts &&
    reading.parts.every((p) => partyIds.has(p.term) || held.includes(p) || ![...p.matches].some((t) => nearby.has(t)));
  const sameLead = (() => {
    // a claim opening with a company beside the parties ("anthropic is getting 2 gigawatts of trainium") is about it only where
    // the sentence names it first ("Amazon also secured 2GW … making OpenAI the second-largest Trainium customer after Anthropic"),
    // or states the order the claim states between it and another ("anthropic adopted trainium before openai did")
    const opening = leadingCompany(claim);
    if (opening !== undefined && order !== "agrees" && leadingName(own.text) !== opening) return false;
    // who does what to whom matters between parties, and for a claim that opens with its one party ("microsoft brings in more …")
    if (claimParties === 0 || (claimParties === 1 && !opensWithParty)) return true;
    // the party that does the claim's first deed, in the claim and in the source ("Amazon committed" in
    // "OpenAI and Amazon signed … where Amazon committed $50 billion"); else the first-named ones
    const theirs = claimDeed ? doersOf(own.text, claimDeed) : undefined;
    if (claimDoer !== undefined && theirs !== undefined) return overlap(claimDoer, theirs);
    // the claim's first-named parties among the source's ("ms/oai" and "OpenAI and Microsoft")
    const a = firstParties(claim);
    // words quoted in the first person ("“We will sue them …”") are said by the party the passage credits them to, outside
    // the quotes ("one person familiar with Microsoft's position told the Financial Times")
    const named = firstParties(own.text);
    const speaking = named.size === 0 && /^\W*(?:we|i|our|us)\b/i.test(own.text);
    const b = speaking ? new Set([...analyzer.concepts(c.passage.text.replace(/["“][^"”]*["”]/g, " "))].filter((id) => partyIds.has(id))) : named;
    return a.size === 0 || b.size === 0 || [...a].every((id) => b.has(id));
  })();
  const conceptsHeld = [...claimConcepts].every((id) => analyzer.concepts([contextOf(c.passage), c.passage.section ?? "", c.passage.text].join(" ")).has(id));
  // a party of the claim the sentence leaves out while it names another the claim does not: the sentence is about
  // someone else ("… of microsoft cloud services" against "… in cloud services from Amazon Web Services")
  const otherParty =
    [...claimConcepts].some((id) => partyIds.has(id) && !sentenceConcepts.has(id)) && [...sentenceConcepts].some((id) => partyIds.has(id) && !claimConcepts.has(id));
  // a name of the story beside the parties that the claim gives and the sentence leaves to elsewhere in the passage, while the
  // sentence names a party the claim does not: the sentence is about that party's side ("the $138B commitment is for azure cloud
  // services" against "… a commitment to purchase $138 billion in cloud services from Amazon Web Services")
  const nameElsewhere =
    [...sentenceConcepts].some((id) => partyIds.has(id) && !claimConcepts.has(id)) &&
    (() => {
      const near = analyzer.concepts([contextOf(c.passage), c.passage.section ?? "", sentencesOf(c)[own.index - 1] ?? "", own.text].join(" "));
      return [...claimConcepts].some((id) => !partyIds.has(id) && kindOf.get(id) !== undefined && !near.has(id));
    })();
  if (
    // support needs the same polarity in every clause of the sentence that speaks of the claim, not just near its
    // words (a negation that bears only on what follows it counts where it bears on the claim)
    (!quotesStandPlain && (negativeWhereHeld(own.text) || negated)) === claimNegated &&
    // and word by word: what a negation reaches in the claim one reaches in the sentence ("were not still negotiating
    // to avoid court" against "still in talks … without going to court")
    samePolarity(held, quotesStandPlain ? new Set() : negatedParts(own.text, true)) &&
    (claimHedged || !hedgesClaim(own.text)) &&
    (CONDITIONAL.test(claim) || POSSIBILITY.test(claim) || !CONDITIONAL.test(own.text)) &&
    // an item of a list of possibilities ("Possible outcomes: … Microsoft sues …") supports a claim of what might be, not of what will
    (POSSIBILITY.test(claim) || CONDITIONAL.test(claim) || !HEDGE.test(c.passage.leadIn ?? "")) &&
    sameLead &&
    conceptsHeld &&
    !otherParty &&
    !nameElsewhere &&
    // a claim must say something beyond naming parties (a word or a figure): "microsoft is only going after openai" is not held by any sentence naming both
    (claimFacts.length > 0 || reading.parts.some((p) => !partyIds.has(p.term))) &&
    // a sentence saying that what it speaks of is not settled asserts none of it
    !UNSETTLED.test(own.text) &&
    (order === "none" || order === "agrees") &&
    // figures and dates the sentence gives too make it about the claim, but support needs the claim's words
    (plainShare >= CLAIM_CHECK.supporting || byFacts) &&
    // what the claim's clauses keep apart, the sentence keeps apart too
    !reading.clausesInterleave(own.text) &&
    matchedFacts >= factsNeeded &&
    // words the claim quotes must stand in the sentence as quoted
    quotes.every((q) => foldQuote(own.text).includes(q)) &&
    // what the claim says of its subject in a small word ("was basically over") must be said in the sentence too
    (predicateWord === undefined || new RegExp(`\\b${predicateWord}\\b`, "i").test(own.text)) &&
    (stateTerm === undefined || held.includes(stateTerm)) &&
    // an outcome the claim gives ("designated", "fined", "ruled") must be one the sentence gives: "Strategic Market Status
    // investigation" designates no one
    outcomeHeld(reading, held, own.text) &&
    // that something has ended is said only by a sentence saying something ended ("the musk trial ended already" is
    // not "… | Trial begins April 27 in Oakland")
    (claimNegated || !ENDED.test(claim) || ENDED.test(own.text)) &&
    // what a sentence puts after "before" or "until" has not happened yet ("frontier is already out of limited preview"
    // against "… to resolve the dispute before Frontier exits limited preview")
    !(ALREADY.test(claim) && notYetHolds(reading, own.text)) &&
    // a sentence that speaks of what the claim says it is not may say it is that too
    !analyzer.terms(own.text).some((t) => contrasted.has(t))
  ) {
    return { passage: c, sentence: own.index, reason: `Sources say: “${shortQuote(own.text)}” (${label}).`, strength: sentenceShare, byFacts: plainShare < CLAIM_CHECK.supporting };
  }
  // a claim quoting words a passage about it holds verbatim, in a sentence that neither negates nor hedges them
  const quoting = quotes.length > 0 ? sentencesOf(c).find((s) => quotes.every((q) => foldQuote(s).includes(q))) : undefined;
  if (
    quoting &&
    !claimNegated &&
    (!negatesClaim(quoting) || quotes.every((q) => quoteStandsPlain(quoting, q))) &&
    (claimHedged || !HEDGE.test(quoting)) &&
    sameLead &&
    conceptsHeld &&
    (order === "none" || compareOrder(claim, quoting, (text) => analyzer.terms(text)) === "agrees") &&
    plainPassageShare >= CLAIM_CHECK.supporting &&
    matchedFacts >= factsNeeded
  ) {
    return { passage: c, sentence: sentencesOf(c).indexOf(quoting), reason: `Sources say: “${shortQuote(quoting)}” (${label}).`, strength: plainPassageShare };
  }
  return null;
}

/**
 * The verdict from what the passages said: the strongest conflict and support, who said a line the
 * claim quotes, who reported first or is cited, a name the claim puts where a source names
 * another, and the claim's words no source uses.
 */
function decide(reading: ClaimReading, conflicts: Evidence[], supports: Evidence[], ranked: readonly RankedPassage[], known: (word: string) => boolean): JudgedClaim {
  const { claim, profile, factTerms, analyzer } = reading;
  const strongest = conflicts.sort((a, b) => b.strength - a.strength)[0];
  // a claim with a word no source uses ("in Seattle", "the Verge reported") holds more than any source says;
  // words of negation, order, time and degree are weighed apart, and figures compared apart
  const unknownTerms = new Set(profile.terms.filter((_, i) => profile.kinds[i] === "unknown"));
  // words saying that something ended ("winding down") are read as that
  const endedWords = new Set((claim.match(new RegExp(ENDED.source, "gi")) ?? []).flatMap((m) => m.toLowerCase().split(/\s+/)));
  const absent = claimWords(claim).filter((word) => {
    const terms = analyzer.terms(word);
    if (terms.length === 0 || !terms.every((t) => unknownTerms.has(t) && !factTerms.has(t))) return false;
    // words of hedging, approximation and ending are weighed apart too, and a word that is two the index knows run together is known
    if (HEDGE.test(word) || APPROXIMATE.test(word) || endedWords.has(word.toLowerCase()) || compoundOfKnown(word, known)) return false;
    return !/\d/.test(word) && !isNegative(word) && !isRelationWord(word);
  });
  // support by figures and dates with few of the claim's words gives way to any conflict, and a sentence naming both
  // the claim's name and the one another source puts in its place does not say which ("… from OpenAI … making OpenAI
  // the second-largest Trainium customer after Anthropic" for "anthropic is getting 2 gigawatts of trainium")
  const rivals = conflicts.flatMap((e) => (e.rival ? [e.rival] : []));
  const namesBoth = (e: Evidence): boolean => {
    const named = analyzer.concepts(sentencesOf(e.passage)[e.sentence] ?? "");
    return rivals.some((r) => named.has(r.mine) && named.has(r.theirs) && !coordinated(sentencesOf(e.passage)[e.sentence]!, r.mine, r.theirs, analyzer));
  };
  const support = supports.filter((s) => !(strongest && s.byFacts) && !namesBoth(s)).sort((a, b) => b.strength - a.strength)[0];
  // a line the sources give to someone unnamed, given by the claim to someone they never name or said on the record
  const speaker = unnamedSpeaker(reading, ranked, absent);
  if (speaker) return { verdict: "contradicted", reason: speaker.reason, evidence: [shownAt({ ...speaker, strength: 0 })] };
  // who reported first, or whom reports cite, read from the sentences that credit a report; a claim of nothing but that is
  // settled by them, whatever else its words happen to meet ("none of the three companies … provided comment to reporters");
  // a claim holding a word no source uses is never supported
  const origin = !support || strongest || absent.length > 0 ? reportedFirst(reading, ranked, absent) : null;
  if (origin && (origin.verdict === "contradicted" ? !support || absent.length > 0 : absent.length === 0 && (!strongest || origin.onlyWho))) {
    return { verdict: origin.verdict, reason: origin.reason, evidence: [shownAt({ ...origin, strength: 0 })] };
  }
  const replaced = !strongest && (absent.length > 0 || !support) ? (replacedName(reading, ranked, absent) ?? (support ? null : replacedTerm(reading, ranked))) : null;
  if (replaced) return { verdict: "contradicted", reason: replaced.reason, evidence: [shownAt({ ...replaced, strength: 0 })] };
  const notMentioned = (): JudgedClaim => {
    const named = absent.slice(0, 3).map((w) => `“${w.length > 40 ? `${w.slice(0, 39)}…` : w}”`);
    return { verdict: "unverified", reason: `The sources do not mention ${named.join(" or ")}${absent.length > 3 ? " and more" : ""}.`, evidence: [] };
  };
  if (absent.length > 0 && !strongest) return notMentioned();
  if (strongest && support) {
    // a passage that holds the claim as closely as the conflicting one holds it settles nothing alone; a claim
    // holding a word no source uses is never supported
    if (support.strength > strongest.strength) return absent.length > 0 ? notMentioned() : supported(supports, ranked);
    const other = supports.find((s) => s.passage.document.id !== strongest.passage.document.id);
    if (other) return { verdict: "mixed", reason: `Sources disagree. ${strongest.reason}`, evidence: [shownAt(strongest), shownAt(other)] };
    return { verdict: "unverified", reason: "The sources do not settle this.", evidence: [] };
  }
  if (strongest) return { verdict: "contradicted", reason: strongest.reason, evidence: [shownAt(strongest)] };
  if (support) return supported(supports, ranked);
  return { verdict: "unverified", reason: "Nothing in the sources confirms or contradicts this.", evidence: [] };
}

/** A supported verdict quoting, of the passages that support the claim, the one ranked highest for it. */
function supported(supports: readonly Evidence[], ranked: readonly RankedPassage[]): JudgedClaim {
  const place = (e: Evidence): number => ranked.indexOf(e.passage);
  const first = [...supports].sort((a, b) => place(a) - place(b))[0]!;
  return { verdict: "supported", reason: first.reason, evidence: [shownAt(first)] };
}

/**
 * The evidence's passage as the answer shows it: around the sentence the reason quotes. A table
 * row is read as one sentence and keeps the sentence it was ranked by.
 */
function shownAt(evidence: Evidence): RankedPassage {
  const c = evidence.passage;
  if (c.passage.cells || evidence.sentence < 0 || evidence.sentence === c.best.sentence || evidence.sentence >= c.passage.sentences.length) return c;
  const span = c.passage.sentences[evidence.sentence]!;
  return { ...c, best: { ...c.best, sentence: evidence.sentence, text: c.passage.text.slice(span.start, span.end) } };
}

/** Parties named right after each preposition of a text that can name a party ("from Amazon Web Services", "with ms"). */
function partiesAfter(text: string, analyzer: Analyzer, partyIds: ReadonlySet<string>): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const words = text.split(/\s+/);
  words.forEach((word, i) => {
    const preposition = word.toLowerCase();
    if (!/^(?:from|with|by|into|against|to|through|via)$/.test(preposition)) return;
    // the party may take up to three words ("Amazon Web Services"), after "the"
    const after = words.slice(i + 1, i + 4);
    if (after[0]?.toLowerCase() === "the") after.shift();
    for (let n = Math.min(3, after.length); n >= 1; n--) {
      const named = [...analyzer.concepts(after.slice(0, n).join(" "))].filter((id) => partyIds.has(id));
      if (named.length > 0) {
        const set = found.get(preposition) ?? new Set<string>();
        named.forEach((id) => set.add(id));
        found.set(preposition, set);
        break;
      }
    }
  });
  return found;
}
