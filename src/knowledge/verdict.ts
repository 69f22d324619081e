import type { Analyzer } from "./analyze.js";
import { citationLabel, itemOf } from "./excerpt.js";
import { ASPECT_WORDS, BEGAN, CONDITIONAL, endsClause, type Fact, HEDGE, NEGATION, NEGATION_REACH, PERMISSION, POSSIBILITY, PREPOSITION, RELATIVE_TIME, SLOT_PREPOSITION, claimWords, clauses, datesOf, figuresOf, foldQuote, isNegative, ordinalsOf, plainNegations, quoteStandsPlain, quotedPhrases, sentencesOf, shortQuote, swappedPair } from "./claim-reading.js";
export { quotedPhrases } from "./claim-reading.js";
import { compareOrder, isRelationWord, spellRanks } from "./order-relation.js";
import { reboundParty } from "./party-binding.js";
import type { RankedPassage, Retriever } from "./retrieval.js";
import type { Topic, Verdict } from "./types.js";

/** A claim's verdict and the one sentence that explains it. */
export interface ClaimVerdict {
  readonly verdict: Verdict;
  readonly reason: string;
}

/** Settings of the claim check. */
export const CLAIM_CHECK = {
  /** Evidence passages looked at, best first. */
  evidence: 5,
  /** A passage is about the claim when it holds at least this share of the claim's weight… */
  relevant: 0.6,
  /** …and supports it only when it holds at least this share. */
  supporting: 0.75,
  /** The weight of a claim word known only through its synonyms, as a share of its own. */
  synonymShare: 0.5,
} as const;

/**
 * Judges a claim against the passages ranked for it: "contradicted" when a passage about the
 * claim gives another figure, date, rank, party or place, or says the opposite (negation);
 * "supported" only when a passage holds nearly all of the claim with the same figures, dates and
 * ranks, the same polarity and the same first-named party; "mixed" when sources do both;
 * otherwise "unverified". A claim is never called supported on a guess.
 */
export function judgeClaim(written: string, ranked: readonly RankedPassage[], retriever: Retriever, analyzer: Analyzer, topic: Topic): ClaimVerdict {
  // "runs inside Bedrock, not Azure": the claim is what comes before the contrast, and no sentence speaking of Azure supports it
  const contrast = CONTRAST.exec(written);
  if (contrast && !isNegative(contrast[1]!)) return judgeOne(contrast[1]!, new Set(analyzer.terms(contrast[2]!)), ranked, retriever, analyzer, topic);
  return judgeOne(written, new Set(), ranked, retriever, analyzer, topic);
}

const widerTermSets = new WeakMap<Topic, ReadonlySet<string>>();
/** The topic's terms that take in other terms (an alias of "the press" names Reuters), worked out once per topic. */
function widerTermsOf(topic: Topic): ReadonlySet<string> {
  let found = widerTermSets.get(topic);
  if (!found) {
    const termNames = new Set(topic.terms.map((t) => t.name.toLowerCase()));
    found = new Set(topic.terms.filter((t) => t.aliases.some((a) => a.toLowerCase() !== t.name.toLowerCase() && termNames.has(a.toLowerCase()))).map((t) => t.id));
    widerTermSets.set(topic, found);
  }
  return found;
}

/** A claim closing on what it is not: "X, not Y", "X and not Y". */
const CONTRAST = /^(.*[\p{L}\p{N}])(?:\s*,\s*(?:and\s+|but\s+)?|\s+(?:and|but)\s+)not\s+((?:[\p{L}\p{N}][\p{L}\p{N}'’.-]*\s*){1,4})[.!?]*\s*$/iu;

function judgeOne(written: string, contrasted: ReadonlySet<string>, ranked: readonly RankedPassage[], retriever: Retriever, analyzer: Analyzer, topic: Topic): ClaimVerdict {
  // "#2 on Trainium" is the second
  const claim = spellRanks(written);
  const profile = retriever.profile(claim);
  // figures, dates, ranks and words of time and degree ("already", "literally") are compared, or not weighed, apart
  const factTerms = new Set(analyzer.terms([...[...figuresOf(claim), ...datesOf(claim, null, true), ...ordinalsOf(claim)].map((f) => f.raw), ...ASPECT_WORDS, ...(claim.match(RELATIVE_TIME) ?? [])].join(" ")));
  /** The claim's words that count: each with its weight and the index terms that match it (itself, a correction, synonyms). */
  const parts = profile.terms
    // a word the index does not know, read through its synonyms, is a guess: it weighs half in what a source must hold
    .map((term, i) => ({ term, weight: profile.weights[i]! * (profile.kinds[i] === "synonym" ? CLAIM_CHECK.synonymShare : 1), matches: new Set(profile.matches[i]) }))
    .filter((p) => p.weight > 0 && !factTerms.has(p.term));
  const coreTotal = parts.reduce((a, p) => a + p.weight, 0);
  if (ranked.length === 0 || profile.weights.every((w) => w === 0)) return { verdict: "unverified", reason: "The sources do not mention this." };
  const heldBy = (terms: readonly string[]): typeof parts => parts.filter((p) => terms.some((t) => p.matches.has(t)));
  /** Share of the claim's weight (figures and dates left out) that a text holds. */
  const share = (text: string): number => (coreTotal === 0 ? 0 : heldBy(analyzer.terms(text)).reduce((a, p) => a + p.weight, 0) / coreTotal);
  const claimFacts = [...figuresOf(claim), ...datesOf(claim, null, true), ...ordinalsOf(claim)];
  const claimNegated = isNegative(claim);
  const partyIds = new Set(topic.parties.map((p) => p.id));
  // a term that takes in other terms ("the press": reporters, Reuters, the FT) says too little for a negation to bear on
  const widerTerms = widerTermsOf(topic);
  /**
   * Whether a sentence says "not" where it speaks of the claim: in any of its independent clauses
   * (between semicolons or dashes) that holds a word of the claim beyond its parties, or anywhere when none does.
   */
  const negativeWhereHeld = (sentence: string): boolean => {
    const speaking = sentence.split(/;|—|\s–\s/).filter((c) => heldBy(analyzer.terms(c)).some((p) => !partyIds.has(p.term) && !widerTerms.has(p.term)));
    return (speaking.length > 0 ? speaking : [sentence]).some((c) => isNegative(c, false));
  };
  // a claim that something may or can be done is modal too ("AWS staff can say …")
  const claimHedged = HEDGE.test(claim) || PERMISSION.test(claim);
  const rarest = [...parts].sort((a, b) => b.weight - a.weight)[0];
  /**
   * Whether a source sentence negates something the claim is about: one of the claim's words
   * (parties aside) in the negation's clause, up to four words before it or anywhere after it
   * ("are banned from saying it “enables access” or “calls on” ChatGPT"), five words at least. A
   * negation whose subject is a party the claim does not name ("capacity Microsoft couldn't
   * match") says nothing of the claim.
   */
  const negatesClaim = (sentence: string): boolean => negatedParts(sentence).size > 0;
  /**
   * The claim's words (parties aside) that a negation in a text reaches, as `negatesClaim` reads
   * reach; with `anySubject`, a negation whose subject is a party the claim does not name counts too.
   */
  const negatedParts = (sentence: string, anySubject = false): Set<string> => {
    const words = plainNegations(sentence).split(/\s+/);
    const reached = new Set<string>();
    words.forEach((word, i) => {
      // a negation in this word, or one of two words that starts here ("yet to", "rather than")
      const pair = NEGATION.exec(`${word} ${words[i + 1] ?? ""}`);
      if (!NEGATION.test(word) && !(pair && pair.index < word.length && pair.index + pair[0].length > word.length)) return;
      let start = i;
      // "avoiding", "rather than", "instead of" bear on what follows them only
      const forwardOnly = /^(?:avoid\w*|rather|instead|without)$/i.test(word.replace(/[^\p{L}]+/gu, ""));
      while (!forwardOnly && start > 0 && start > i - 4 && !endsClause(words[start - 1])) start--;
      const subject = analyzer.concepts(words.slice(Math.max(start, i - 2), i + 1).join(" ").replace(/n['’]t\b/gi, ""));
      if (!anySubject && [...subject].some((id) => partyIds.has(id) && !claimConcepts.has(id))) return;
      let end = i + 6;
      while (end < words.length && end < i + NEGATION_REACH && !endsClause(words[end - 1])) end++;
      const near = analyzer.terms(words.slice(start, end).join(" "));
      for (const p of heldBy(near)) if (!partyIds.has(p.term) && !widerTerms.has(p.term)) reached.add(p.term);
    });
    return reached;
  };
  /**
   * Whether a source sentence hedges what the claim speaks of: a word of hedging ("would", "could",
   * "if") with one of the claim's words (parties aside) up to four words before it or six after it,
   * within its clause. A hedge elsewhere in the sentence ("… so long as they are not offered as
   * APIs that would contravene agreements") leaves the rest of it plain.
   */
  const hedgesClaim = (sentence: string): boolean => {
    const words = sentence.split(/\s+/);
    // "would" with no condition in the sentence tells the past's future ("it gave up … Microsoft would retain …")
    const conditional = /\b(?:if|unless)\b/i.test(sentence);
    return words.some((word, i) => {
      if (!HEDGE.test(word) || (!conditional && /^would$/i.test(word.replace(/[^\p{L}]+/gu, "")))) return false;
      let start = i;
      while (start > 0 && start > i - 4 && !endsClause(words[start - 1])) start--;
      let end = i + 1;
      while (end < words.length && end < i + 7 && !endsClause(words[end - 1])) end++;
      return heldBy(analyzer.terms(words.slice(start, end).join(" "))).some((p) => !partyIds.has(p.term) && !widerTerms.has(p.term));
    });
  };
  /** Terms of the clause (between commas, semicolons, brackets, dashes) that holds a figure or date. */
  const clauseTerms = (text: string, raw: string, others: readonly string[] = []): Set<string> => {
    const clause = clauses(text).find((c) => c.includes(raw)) ?? "";
    // where one clause gives several figures ("15B up front and 35B later"), each has the words up to the next
    const at = clause.indexOf(raw);
    const after = others.map((o) => clause.indexOf(o, at + raw.length)).filter((i) => i >= 0);
    const before = others.map((o) => clause.lastIndexOf(o, at - 1)).filter((i) => i >= 0 && i < at);
    const start = before.length > 0 ? Math.max(...before.map((i) => clause.indexOf(" ", i))) : 0;
    return new Set(analyzer.terms(clause.slice(Math.max(start, 0), after.length > 0 ? Math.min(...after) : undefined)));
  };
  /**
   * Whether the claim's words beside a figure sit beside the same figure in the source: none of
   * them may stand only in the clause of another figure of that kind ("$15 billion immediate,
   * $35 billion contingent" does not make $35 billion immediate).
   */
  const neighboursAgree = (claimRaw: string, sentence: string, sourceRaw: string, others: readonly Fact[]): boolean => {
    const own = clauseTerms(sentence, sourceRaw);
    const elsewhere = new Set(others.filter((o) => o.raw !== sourceRaw).flatMap((o) => [...clauseTerms(sentence, o.raw)]));
    const kind = claimFacts.find((f) => f.raw === claimRaw)?.kind;
    const claimOthers = claimFacts.filter((f) => f.kind === kind && f.raw !== claimRaw).map((f) => f.raw);
    return [...clauseTerms(claim, claimRaw, claimOthers)].every((t) => own.has(t) || !elsewhere.has(t) || analyzer.concepts(t).size > 0);
  };
  const claimConcepts = analyzer.concepts(claim);
  const claimParties = [...claimConcepts].filter((id) => partyIds.has(id)).length;
  /** Whether the claim names a party before any other word that counts: the party is what it is about. */
  const opensWithParty = (() => {
    for (const word of claim.split(/\s+/)) {
      const terms = analyzer.terms(word);
      if (terms.some((t) => partyIds.has(t))) return true;
      if (terms.some((t) => parts.some((p) => p.term === t || p.matches.has(t)))) return false;
    }
    return false;
  })();
  const kindOf = new Map<string, string>([...topic.parties.map((p) => [p.id, "party"] as const), ...topic.terms.filter((t) => t.kind).map((t) => [t.id, t.kind!] as const)]);
  const sameKind = (a: string | undefined, b: string): boolean => a === b || (b === "company" && a === "party");
  const nameOf = new Map([...topic.parties, ...topic.terms].map((e) => [e.id, e.name]));
  /** Whether a party after this text is an object: after a preposition, or joined to one that is ("into MS and AWS"). */
  const isObject = (before: string): boolean => {
    const words = before.split(/\s+/).filter(Boolean).reverse();
    for (const word of words) {
      const w = word.replace(/[^\p{L}\p{N}&]+/gu, "");
      if (w === "") continue;
      if (/^(?:and|or|&)$/.test(w) || [...analyzer.concepts(w)].some((id) => partyIds.has(id))) continue;
      return PREPOSITION.test(w);
    }
    return false;
  };
  /** The party named first, as a subject: one after a preposition ("capacity from Amazon for OpenAI") is an object. */
  const firstParty = (text: string): string | undefined => {
    const lower = text.toLowerCase();
    let best: { id: string; at: number } | undefined;
    for (const p of topic.parties) {
      for (const alias of [p.name, ...p.aliases]) {
        const pattern = new RegExp(`(?<![a-z0-9])${alias.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![a-z0-9])`, "g");
        for (const m of lower.matchAll(pattern)) {
          if (isObject(lower.slice(0, m.index))) continue;
          if (!best || m.index < best.at) best = { id: p.id, at: m.index };
          break;
        }
      }
    }
    return best?.id;
  };

  /**
   * The parties doing `part` in a text: those named last before its first word that holds `part`,
   * taken together when joined ("Amazon and OpenAI announced", "amazon/oai partnership"). A party
   * after a preposition is an object ("Microsoft's partnership with OpenAI began"); one named with
   * a possessive up to three words before the deed is its doer ("microsoft's first openai investment").
   */
  const doersOf = (text: string, part: (typeof parts)[number]): Set<string> | undefined => {
    let doers: Set<string> | undefined;
    // the word before joins the next party named to the last one ("Amazon and", "Amazon,")
    let joined = false;
    let previous = "";
    let possessor: { id: string; at: number } | undefined;
    let previousNamed = false;
    const words = text.split(/\s+/);
    const holdsPart = (word: string | undefined): boolean => word !== undefined && analyzer.terms(word).some((t) => t === part.term || part.matches.has(t));
    for (const [i, word] of words.entries()) {
      const terms = analyzer.terms(word);
      // the part itself (in the claim: "out-earns", read through its synonyms) or one of the terms that match it
      if (holdsPart(word)) return possessor && i - possessor.at <= 3 ? new Set([possessor.id]) : doers;
      const named = terms.filter((t) => partyIds.has(t));
      if (named.length > 0 && !PREPOSITION.test(previous)) {
        // a party right before the deed may only qualify it ("says the amazon deal gives …"): it joins the doers named before
        const qualifies = holdsPart(words[i + 1]);
        doers = (joined || qualifies) && doers ? new Set([...doers, ...named]) : new Set(named);
        if (/['’]s?$/.test(word.replace(/[^\p{L}'’]+$/u, ""))) possessor = { id: named[named.length - 1]!, at: i };
        joined = /[,&/]$/.test(word);
      } else {
        joined = /^(?:and|&|or)$/i.test(word) && previousNamed;
      }
      previousNamed = named.length > 0;
      previous = word;
    }
    return undefined;
  };
  /** Whether two sets of doers share a party. */
  const overlap = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => [...a].some((id) => b.has(id));
  /** The claim's first word that is neither a party nor a figure: what the claim says a party did. */
  const claimDeed = (() => {
    for (const word of claim.split(/\s+/)) {
      const found = parts.find((p) => !partyIds.has(p.term) && analyzer.terms(word).some((t) => t === p.term || p.matches.has(t)));
      if (found) return found;
    }
    return undefined;
  })();
  /** The party doing the claim's deed in the claim, if it names one. */
  const claimDoer = claimDeed ? doersOf(claim, claimDeed) : undefined;

  /**
   * A name no source uses where a source, holding the rest of the claim, names another after the
   * same preposition: "starts april 27 in san francisco" against "Trial begins April 27 in
   * Oakland", "first reported by the wall street journal" against "first reported by Business
   * Insider". The claim's words after the preposition must be ones no source uses, or capitalised
   * ones that name nothing of the story ("by The Information").
   */
  const replacedName = (absentWords: readonly string[]): string | null => {
    const unknown = new Set(absentWords.map((w) => w.toLowerCase()));
    const bare = (w: string): string => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}'’-]+$/gu, "");
    // a word no source uses, or a capitalised one that names nothing of the story ("The Information")
    const nameWord = (w: string, i: number): boolean =>
      unknown.has(bare(w).toLowerCase()) || (i > 0 && /^\p{Lu}/u.test(bare(w)) && analyzer.concepts(w).size === 0 && /\p{Ll}/u.test(claim));
    for (const clause of clauses(claim)) {
      const words = clause.trim().split(/\s+/);
      // the preposition and the name that close the clause ("… in san francisco", "… by The Information")
      const end = words.length;
      let start = end;
      while (start > 0 && nameWord(words[start - 1]!, start - 1)) start--;
      if (start === end || start < 1 || !words.slice(start).some((w) => unknown.has(bare(w).toLowerCase()) || /^\p{Lu}/u.test(bare(w)))) continue;
      // right after the preposition, or after it and "the"
      const before = words.slice(Math.max(0, start - 2), start).map((w) => w.toLowerCase());
      const preposition = [...before].reverse().find((w, i) => SLOT_PREPOSITION.test(w) && (i === 0 || before[before.length - 1] === "the"));
      if (!preposition) continue;
      const mine = words.slice(start).map(bare).join(" ");
      // how much of the rest of the claim a sentence holds: the name's own words are what is in question
      const own = new Set(analyzer.terms(mine));
      const rest = parts.filter((p) => !own.has(p.term));
      const restTotal = rest.reduce((a, p) => a + p.weight, 0);
      const restShare = (text: string): number => {
        const terms = analyzer.terms(text);
        return restTotal === 0 ? 0 : rest.filter((p) => terms.some((t) => p.matches.has(t))).reduce((a, p) => a + p.weight, 0) / restTotal;
      };
      const theirs = new RegExp(`\\b${preposition}\\s+((?:[A-Z][\\p{L}'’.-]*\\s?){1,3})`, "u");
      for (const c of ranked.slice(0, CLAIM_CHECK.evidence)) {
        for (const sentence of sentencesOf(c)) {
          if (restShare(sentence) < CLAIM_CHECK.relevant) continue;
          const name = theirs.exec(sentence)?.[1]?.trim().replace(/[.,;:]$/, "");
          if (!name || [...analyzer.concepts(name)].some((id) => partyIds.has(id))) continue;
          if (name.toLowerCase().replace(/^the\s+/, "") === mine.toLowerCase().replace(/^the\s+/, "")) return null;
          return `Sources say ${name}, not ${mine}.`;
        }
      }
    }
    return null;
  };
  const quotes = quotedPhrases(claim);
  const claimNegatedParts = negatedParts(claim);
  /**
   * Whether each of the claim's words that a negation reaches in the claim, and that a sentence
   * holds, is reached by one there too (the other way round, the sentence's polarity is weighed
   * as a whole, where the reach of a negation in a long sentence is a rough guess).
   */
  const samePolarity = (held: typeof parts, sourceNegated: ReadonlySet<string>): boolean =>
    held.every((p) => !claimNegatedParts.has(p.term) || sourceNegated.has(p.term));
  const conflicts: { document: string; reason: string; strength: number }[] = [];
  const supports: { document: string; reason: string; strength: number }[] = [];
  for (const c of ranked.slice(0, CLAIM_CHECK.evidence)) {
    // the passage's sentence that holds most of the claim (the ranked best one on a tie), with the list's lead-in
    const candidates = sentencesOf(c);
    // the parties a passage names stand behind each of its sentences ("All three companies—Microsoft, … No lawsuit has been filed yet.")
    const passageParties = [...analyzer.concepts(c.passage.text)].filter((id) => partyIds.has(id)).join(" ");
    const own = candidates.reduce(
      (best, text, i) => {
        const held = share([c.passage.leadIn ?? "", text, passageParties].join(" "));
        return held > best.held || (held === best.held && i === c.best.sentence) ? { text, index: i, held } : best;
      },
      { text: c.best.text, index: c.best.sentence, held: -1 },
    );
    const sentence = [c.passage.leadIn ?? "", own.text].join(" ").trim();
    const sentenceShare = own.held;
    const passageShare = share([c.passage.leadIn ?? "", c.passage.section ?? "", c.passage.text].join(" "));
    if (passageShare < CLAIM_CHECK.relevant) continue;
    const label = citationLabel(itemOf(c.document, c.passage, own.index).citation);
    // about the claim: most of its words, or every party and term it names (two or more)
    const sentenceConcepts = analyzer.concepts(sentence);
    const holdsDeed = claimDeed === undefined || heldBy(analyzer.terms(sentence)).includes(claimDeed);
    // the claim's deed done by another party in the sentence ("$50 billion Amazon investment" against "Microsoft invested …") is another fact
    const sentenceDoer = claimDeed ? doersOf(sentence, claimDeed) : undefined;
    const sameDoer = claimDoer === undefined || sentenceDoer === undefined || overlap(claimDoer, sentenceDoer);
    const aboutIt =
      sameDoer && (sentenceShare >= CLAIM_CHECK.relevant || (claimConcepts.size >= 2 && holdsDeed && [...claimConcepts].every((id) => sentenceConcepts.has(id))));
    const held = heldBy(analyzer.terms(sentence));
    // the sentence holds what the claim says beyond its parties, or two parties or more of it ("amazon put 40B into openai")
    const holdsMoreThanParties = held.some((p) => !partyIds.has(p.term)) || (claimParties >= 2 && held.filter((p) => partyIds.has(p.term)).length === claimParties);
    const sourceFacts = [...figuresOf(sentence), ...datesOf(sentence, c.document.meta.published, false), ...ordinalsOf(sentence)];
    const negatedSentence = c.passage.sentences
      .map((span) => c.passage.text.slice(span.start, span.end))
      // a hedged one ("executives believe it violates—if not the letter …") says what someone thinks, not what happened
      .find((s) => negatesClaim(s) && !(quotes.length > 0 && quotes.every((q) => quoteStandsPlain(s, q))) && claimHedged === HEDGE.test(s) && (share(s) >= 0.34 || (rarest !== undefined && heldBy(analyzer.terms(s)).includes(rarest))));
    let conflict: string | null = null;
    let matchedFacts = 0;
    for (const kind of new Set(claimFacts.map((f) => f.kind))) {
      const mine = claimFacts.filter((f) => f.kind === kind);
      const theirs = sourceFacts.filter((f) => f.kind === kind);
      // "first" is what a sentence saying how something began gives ("began in 2019 with a $1 billion investment")
      if (theirs.length === 0 && kind === "rank" && mine.every((m) => m.key === "first") && BEGAN.test(sentence)) matchedFacts++;
      if (theirs.length === 0) continue;
      const same = mine.flatMap((m) => theirs.filter((t) => t.key === m.key).map((t) => [m, t] as const));
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
        if (theirs.length === 1 || same.some(([m, t]) => neighboursAgree(m.raw, sentence, t.raw, theirs))) matchedFacts++;
        continue;
      }
      // another figure says something of the claim only where the sentence holds more of it than one party ("msft is worth 3T" is not about "$1 billion investment")
      if (aboutIt && holdsMoreThanParties) conflict ??= `Sources say ${theirs[0]!.shown ?? theirs[0]!.raw}, not ${mine[0]!.shown ?? mine[0]!.raw}.`;
    }
    if (!conflict && aboutIt && holdsMoreThanParties) conflict = swappedPair(claim, claimFacts, sentence, sourceFacts);
    // a name or place of the claim the passage replaces with another of the same kind
    if (!conflict && sentenceShare >= CLAIM_CHECK.relevant) {
      const theirs = analyzer.concepts(sentence);
      for (const id of claimConcepts) {
        const kind = kindOf.get(id);
        if (!kind || kind === "party" || theirs.has(id)) continue;
        // a company the claim names may stand where the source names one of the parties; only one such name settles it
        const rivals = [...theirs].filter((other) => other !== id && !claimConcepts.has(other) && sameKind(kindOf.get(other), kind));
        const rival = rivals.length === 1 ? rivals[0] : undefined;
        if (rival) {
          conflict = `Sources say ${nameOf.get(rival)}, not ${nameOf.get(id)}.`;
          break;
        }
      }
    }
    // one party named where the sentence, holding the rest of the claim, names another alone ("FTC antitrust
    // investigation | US FTC vs Microsoft" against "the FTC investigation is aimed at amazon")
    if (!conflict && claimParties === 1 && sentenceShare >= CLAIM_CHECK.relevant) {
      const mine = [...claimConcepts].find((id) => partyIds.has(id))!;
      const theirs = [...sentenceConcepts].filter((id) => partyIds.has(id));
      const passageNames = new Set(passageParties.split(" "));
      if (theirs.length === 1 && theirs[0] !== mine && !passageNames.has(mine)) conflict = `Sources say ${nameOf.get(theirs[0]!)}, not ${nameOf.get(mine)}.`;
    }
    // "before Anthropic" where the source says "second … (after Anthropic)"
    const order = compareOrder(claim, own.text, (text) => analyzer.terms(text));
    if (!conflict && order === "reversed" && sentenceShare >= CLAIM_CHECK.relevant) conflict = `Sources say: “${shortQuote(own.text)}” (${label}).`;
    // "microsoft bedrock" where the source says "Amazon Bedrock"
    const rebound = reboundParty(claim, own.text, analyzer, partyIds);
    if (!conflict && rebound && sentenceShare >= CLAIM_CHECK.supporting) conflict = `Sources say “${rebound.source}”, not “${rebound.claim}”.`;
    // a claim quoting words the sentence holds where no negation reaches them is not denied by a negation of others
    // ("may tell customers … “enabled by” OpenAI, but are banned from saying it “enables access”")
    const quotesStandPlain = quotes.length > 0 && quotes.every((q) => quoteStandsPlain(own.text, q));
    const negated = negatesClaim(own.text) && !quotesStandPlain;
    // a hedged sentence contradicts only a claim hedged the same way ("AWS staff are allowed to say …" against "may … but are
    // banned from saying …"), and a plain one no hedged claim ("threatened to sue" is no lawsuit that "without litigation" denies)
    if (!conflict && negated !== claimNegated && sentenceShare >= CLAIM_CHECK.supporting && claimHedged === HEDGE.test(own.text)) {
      conflict = `Sources say: “${shortQuote(own.text)}” (${label}).`;
    }
    // a positive claim where the passage about it says the thing has not happened
    if (!conflict && !claimNegated && negatedSentence && passageShare >= CLAIM_CHECK.supporting) {
      conflict = `Sources say: “${shortQuote(negatedSentence)}” (${label}).`;
    }
    if (conflict) {
      conflicts.push({ document: c.document.id, reason: conflict, strength: sentenceShare });
      continue;
    }
    const factsNeeded = new Set(claimFacts.map((f) => f.kind)).size;
    const sameLead = (() => {
      // who does what to whom matters between parties, and for a claim that opens with its one party ("microsoft brings in more …")
      if (claimParties === 0 || (claimParties === 1 && !opensWithParty)) return true;
      // the party that does the claim's first deed, in the claim and in the source ("Amazon committed" in
      // "OpenAI and Amazon signed … where Amazon committed $50 billion"); else the first-named ones
      const theirs = claimDeed ? doersOf(own.text, claimDeed) : undefined;
      if (claimDoer !== undefined && theirs !== undefined) return overlap(claimDoer, theirs);
      const a = firstParty(claim);
      const b = firstParty(own.text);
      return a === undefined || b === undefined || a === b;
    })();
    const conceptsHeld = [...claimConcepts].every((id) => analyzer.concepts([c.passage.leadIn ?? "", c.passage.section ?? "", c.passage.text].join(" ")).has(id));
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
      (order === "none" || order === "agrees") &&
      sentenceShare >= CLAIM_CHECK.supporting &&
      matchedFacts >= factsNeeded &&
      // words the claim quotes must stand in the sentence as quoted
      quotes.every((q) => foldQuote(own.text).includes(q)) &&
      // a sentence that speaks of what the claim says it is not may say it is that too
      !analyzer.terms(own.text).some((t) => contrasted.has(t))
    ) {
      supports.push({ document: c.document.id, reason: `Sources say: “${shortQuote(own.text)}” (${label}).`, strength: sentenceShare });
      continue;
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
      passageShare >= CLAIM_CHECK.supporting &&
      matchedFacts >= factsNeeded
    ) {
      supports.push({ document: c.document.id, reason: `Sources say: “${shortQuote(quoting)}” (${label}).`, strength: passageShare });
    }
  }
  const strongest = conflicts.sort((a, b) => b.strength - a.strength)[0];
  // a claim with a word no source uses ("in Seattle", "the Verge reported") holds more than any source says;
  // words of negation, order, time and degree are weighed apart, and figures compared apart
  const unknownTerms = new Set(profile.terms.filter((_, i) => profile.kinds[i] === "unknown"));
  const absent = claimWords(claim).filter((word) => {
    const terms = analyzer.terms(word);
    if (terms.length === 0 || !terms.every((t) => unknownTerms.has(t) && !factTerms.has(t))) return false;
    return !/\d/.test(word) && !isNegative(word) && !isRelationWord(word);
  });
  const support = supports.sort((a, b) => b.strength - a.strength)[0];
  const replaced = !strongest && (absent.length > 0 || !support) ? replacedName(absent) : null;
  if (replaced) return { verdict: "contradicted", reason: replaced };
  if (absent.length > 0 && !strongest) {
    const named = absent.slice(0, 3).map((w) => `“${w.length > 40 ? `${w.slice(0, 39)}…` : w}”`);
    return { verdict: "unverified", reason: `The sources do not mention ${named.join(" or ")}${absent.length > 3 ? " and more" : ""}.` };
  }
  if (strongest && support) {
    // a passage that holds the claim as closely as the conflicting one holds it settles nothing alone
    if (support.strength > strongest.strength) return { verdict: "supported", reason: support.reason };
    if (supports.some((s) => s.document !== strongest.document)) return { verdict: "mixed", reason: `Sources disagree. ${strongest.reason}` };
    return { verdict: "unverified", reason: "The sources do not settle this." };
  }
  if (strongest) return { verdict: "contradicted", reason: strongest.reason };
  if (support) return { verdict: "supported", reason: support.reason };
  return { verdict: "unverified", reason: "Nothing in the sources confirms or contradicts this." };
}
