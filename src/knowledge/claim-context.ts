import type { Analyzer } from "./analyze.js";
import { ASPECT_WORDS, endsClause, type Fact, HEDGE, NEGATION, NEGATION_REACH, PERMISSION, PREPOSITION, RELATIVE_TIME, clauses, claimFiguresOf, datesOf, isNegative, singleCountsOf, ordinalsOf, plainNegations, quotedPhrases, versionsOf, agoOf, yearPartsOf, monthPartsOf, thisOrNextOf } from "./claim-reading.js";
import { cleanChatQuery } from "./chat-query.js";
import { spellRanks } from "./order-relation.js";
import type { Retriever } from "./retrieval.js";
import type { Topic } from "./types.js";

/** Settings of the claim check. */
export const CLAIM_CHECK = {
  /** Evidence passages looked at, best first. */
  evidence: 5,
  /** A passage is about the claim when it holds at least this share of the claim's weight… */
  relevant: 0.6,
  /** …and supports it only when it holds at least this share. */
  supporting: 0.75,
  /** …or this share, when it gives every figure and date of the claim and lacks no word that passages about the claim use. */
  supportingByFacts: 0.4,
  /** The weight of a claim word known only through its synonyms, as a share of its own. */
  synonymShare: 0.5,
} as const;

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

/**
 * A small word, left out of the words that count elsewhere, that says what the claim says of its
 * subject: right after "is", "was" or "are" (and a softening word) and closing the clause.
 */
const PREDICATE_PARTICLE = /\b(?:is|was|were|are|be|been|being|now|['’]s)\s+(?:(?:basically|kinda|kind of|sort of|pretty much|totally|completely|all|just|officially|already|now|so|like)\s+)*(over|off|out|up|down|through|back)\b(?=\s*(?:$|[,.;:!?)]|\b(?:and|but|now|already|lol|yet|right|rn|then)\b))/i;

/** The word that closes a claim on what its subject is or has become: "the uk cma probe is closed", "talks have stalled". */
const PREDICATE_STATE = /\b(?:is|was|were|are|been|has|have|had|now)\s+(?:(?:basically|kinda|pretty much|totally|completely|all|just|officially|already|now|so|like|still|finally)\s+)*([a-z]{3,})\s*[.!?]*\s*$/i;

/** A word that opens a clause of its own: a negation after it does not reach back past it. */
const OPENS_CLAUSE = /^(?:but|while|whereas|although|though|yet)$/i;

/** Forms of a verb that only links a claim's words ("comes with no strings", "came from the FT"), as index terms. */
const LINKING_VERBS: ReadonlySet<string> = new Set(["come", "comes", "came"]);

/** A claim read once for judging it against passages: see {@link readClaim}. */
export type ClaimReading = ReturnType<typeof readClaim>;

/**
 * Reads a claim once for the checks against each passage: the words that count (figures, dates,
 * ranks and words of time left to be compared apart) with their weights and the index terms that
 * match them; its facts, parties and named terms; the deed it says a party did and who did it;
 * where it negates, hedges or quotes; and the readings of source sentences that depend on the
 * claim (what a negation or hedge there reaches of it, who does its deed there). `contrasted`
 * holds the terms of what the claim says it is not ("…, not Azure").
 */
export function readClaim(written: string, contrasted: ReadonlySet<string>, retriever: Retriever, analyzer: Analyzer, topic: Topic) {
  // "#2 on Trainium" is the second
  const claim = spellRanks(cleanChatQuery(written));
  const profile = retriever.profile(claim);
  // figures, dates, ranks and words of time and degree ("already", "literally") are compared, or not weighed, apart
  const factTerms = new Set(analyzer.terms([...[...claimFiguresOf(claim), ...singleCountsOf(claim), ...datesOf(claim, null, true), ...ordinalsOf(claim), ...versionsOf(claim), ...agoOf(claim), ...yearPartsOf(claim), ...monthPartsOf(claim), ...thisOrNextOf(claim)].map((f) => f.raw), ...ASPECT_WORDS, ...(claim.match(RELATIVE_TIME) ?? [])].join(" ")));
  const negationTerms = new Set(claim.split(/\s+/).filter((w) => isNegative(w)).flatMap((w) => analyzer.terms(w)));
  /** The claim's words that count: each with its weight and the index terms that match it (itself, a correction, synonyms). */
  const parts = profile.terms
    // a word the index does not know, read through its synonyms, is a guess: it weighs half in what a source must hold
    .map((term, i) => ({ term, weight: profile.weights[i]! * (profile.kinds[i] === "synonym" ? CLAIM_CHECK.synonymShare : 1), matches: new Set(profile.matches[i]) }))
    // words of negation ("avoid", "banned") are compared as polarity, not held as words
    // and a verb that only links its words ("comes with", "came from") says nothing a source must hold
    .filter((p) => p.weight > 0 && !factTerms.has(p.term) && !negationTerms.has(p.term) && !LINKING_VERBS.has(p.term));
  const coreTotal = parts.reduce((a, p) => a + p.weight, 0);
  const heldBy = (terms: readonly string[]): typeof parts => parts.filter((p) => terms.some((t) => p.matches.has(t)));
  /** Share of the claim's weight (figures and dates left out) that a text holds. */
  const share = (text: string): number => (coreTotal === 0 ? 0 : heldBy(analyzer.terms(text)).reduce((a, p) => a + p.weight, 0) / coreTotal);
  /**
   * A source text without the asides in brackets that qualify the first of two things joined
   * ("X (…) and Y") where the claim puts the aside's words nearer the second: an aside belongs to
   * the words right before it, so "between stateless access (covered by the exclusivity clause)
   * and stateful memory" does not say memory is covered ("the exclusivity covers stateful memory").
   */
  const claimTokens = claim.split(/\s+/).map((w) => analyzer.terms(w));
  /** Positions of the claim's words that a text's terms hold (parties aside). */
  const positionsOf = (t: string): number[] => {
    const terms = new Set(heldBy(analyzer.terms(t)).filter((p) => !partyIds.has(p.term)).flatMap((p) => [p.term, ...p.matches]));
    return claimTokens.flatMap((tokenTerms, at) => (tokenTerms.some((x) => terms.has(x)) ? [at] : []));
  };
  const nearest = (a: readonly number[], b: readonly number[]): number => Math.min(Infinity, ...a.flatMap((x) => b.map((y) => Math.abs(x - y))));
  const withoutStrayAsides = (text: string): string =>
    text.replace(/\(([^()]*)\)(?=\s*,?\s*(?:and|or|but|vs\.?|versus|while|whereas)\s+(\S[^.;:!?]*))/gi, (aside: string, inner: string, second: string, at: number) => {
      const before = text.slice(0, at).split(/\s+/).filter(Boolean).slice(-4).join(" ");
      const asideAt = positionsOf(inner);
      const secondAt = positionsOf(second);
      if (asideAt.length === 0 || secondAt.length === 0) return aside;
      return nearest(asideAt, secondAt) < nearest(asideAt, positionsOf(before)) ? " " : aside;
    });
  /** Share of the claim's weight a text holds, the term in question left out of both ("… from microsoft" against "… from Amazon"). */
  const shareLeavingOut = (text: string, term: string): number => {
    const rest = parts.filter((p) => p.term !== term);
    const total = rest.reduce((a, p) => a + p.weight, 0);
    const terms = analyzer.terms(text);
    return total === 0 ? 0 : rest.filter((p) => terms.some((t) => p.matches.has(t))).reduce((a, p) => a + p.weight, 0) / total;
  };
  const claimFacts = [...claimFiguresOf(claim), ...singleCountsOf(claim), ...datesOf(claim, null, true), ...ordinalsOf(claim), ...versionsOf(claim), ...agoOf(claim), ...yearPartsOf(claim), ...monthPartsOf(claim), ...thisOrNextOf(claim)];
  /**
   * The claim's facts by the words that give them (a date gives its year, month and day), with
   * the weight of those words in the claim; words weighed at nothing weigh as the lightest word.
   */
  const lightest = parts.length > 0 ? Math.min(...parts.map((p) => p.weight)) : 1;
  const factGroups = [...new Set(claimFacts.map((f) => f.raw))].map((raw) => ({
    facts: claimFacts.filter((f) => f.raw === raw),
    weight: Math.max(lightest, ...analyzer.terms(raw).map((t) => profile.weights[profile.terms.indexOf(t)] ?? 0)),
  }));
  const factTotal = factGroups.reduce((a, g) => a + g.weight, 0);
  /**
   * Share of the claim's weight a text holds counting the figures and dates it gives too ("began in
   * 2019 with a $1 billion investment" holds "1b … 2019"), a date only when all of it agrees; never
   * below `share`, so a figure the text gives otherwise weighs against the claim only where it conflicts.
   */
  const shareWithFacts = (text: string, textFacts: readonly Fact[]): number => {
    const plain = share(text);
    if (factTotal === 0) return plain;
    const held = factGroups.filter((g) => g.facts.every((f) => textFacts.some((t) => t.kind === f.kind && t.key === f.key))).reduce((a, g) => a + g.weight, 0);
    return Math.max(plain, (plain * coreTotal + held) / (coreTotal + factTotal));
  };
  /**
   * Whether a source text mixes up what the claim's clauses keep apart: two clauses of the claim, each
   * with two words or more of its own (parties aside), whose words the text holds, once each, in
   * overlapping stretches ("hp, intuit and uber are only pilots, bbva cisco t-mobile are the early
   * adopters" against "Early adopters include HP, Intuit, … and Uber, with pilots at BBVA, Cisco, and T-Mobile").
   */
  const clausesInterleave = (text: string): boolean => {
    const byClause = clauses(claim).map((c) => new Set(heldBy(analyzer.terms(c)).filter((p) => !partyIds.has(p.term))));
    const sequence = analyzer.terms(text);
    const stretches = byClause
      .map((own) => [...own].filter((p) => byClause.every((other) => other === own || !other.has(p))))
      .map((own) => own.map((p) => sequence.flatMap((t, i) => (p.matches.has(t) ? [i] : []))).filter((at) => at.length === 1).map((at) => at[0]!))
      .filter((at) => at.length >= 2)
      .map((at) => [Math.min(...at), Math.max(...at)] as const);
    return stretches.some(([a0, a1], i) => stretches.some(([b0, b1], j) => j > i && a0 <= b1 && b0 <= a1));
  };
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
  // a small word that is what the claim says of its subject ("the partnership was basically over", "the deal is off")
  const predicateWord = PREDICATE_PARTICLE.exec(claim)?.[1]?.toLowerCase();
  // a word closing the claim on its subject's state ("… is closed"): what the claim says of its subject, which a supporting sentence must hold
  const stateTerm = (() => {
    const terms = analyzer.terms(PREDICATE_STATE.exec(claim)?.[1] ?? "");
    return terms.length === 1 ? parts.find((p) => p.term === terms[0]) : undefined;
  })();
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
      // nor back past a word opening its clause ("… 'powered by' oai but not 'calls on' chatgpt")
      while (!forwardOnly && start > 0 && start > i - 4 && !endsClause(words[start - 1]) && !OPENS_CLAUSE.test(words[start]!)) start--;
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
   * The claim's words a negation in a text reaches that no clause of it free of negation holds as
   * well: "… based on reporting from FT and Reuters; none of the three companies immediately
   * provided comment to reporters" denies nothing of "the reports cite FT and Reuters".
   */
  const deniedParts = (sentence: string): Set<string> => {
    const reached = negatedParts(sentence);
    if (reached.size === 0) return reached;
    const plain = clauses(sentence).filter((clause) => !NEGATION.test(clause));
    const elsewhere = new Set(heldBy(analyzer.terms(plain.join(" "))).map((p) => p.term));
    return new Set([...reached].filter((t) => !elsewhere.has(t)));
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
    // (the words after a figure are its own: "15 upfront and 35 tied to milestones" puts "upfront" with the 15)
    const start = before.length > 0 ? at : 0;
    // a whole the figure before it is part of ("$15B of the $50B is upfront") leaves the words after it to that part
    if (before.length > 0 && /\b(?:of|out of)\s+(?:the\s+)?$/i.test(clause.slice(0, at))) return new Set(analyzer.terms(raw));
    const next = [...after].sort((a, b) => a - b);
    const whole = next[0] !== undefined && /^\s+(?:of|out of)\s+(?:the\s+)?$/i.test(clause.slice(at + raw.length, next[0])) ? others.find((o) => clause.indexOf(o, at + raw.length) === next[0]) : undefined;
    const end = whole === undefined ? next[0] : next[1];
    const wholeTerms = new Set(whole === undefined ? [] : analyzer.terms(whole));
    return new Set(analyzer.terms(clause.slice(Math.max(start, 0), end)).filter((t) => !wholeTerms.has(t) || analyzer.terms(raw).includes(t)));
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
    // a claim word stands for the index terms it matches ("upfront" for "immediate")
    const matchesOf = (t: string): readonly string[] => [t, ...(parts.find((p) => p.term === t)?.matches ?? [])];
    return [...clauseTerms(claim, claimRaw, claimOthers)].every((t) => analyzer.concepts(t).size > 0 || matchesOf(t).some((m) => own.has(m)) || !matchesOf(t).some((m) => elsewhere.has(m)));
  };
  /**
   * Where a source splits a whole into parts that add up to it ("$50 billion … ($15 billion
   * immediate, $35 billion contingent …)"), the part whose words the claim puts beside another of
   * its figures: "the whole 50b upfront" or "$35B upfront" put "immediate" where the source has
   * $15 billion. Returns that part's clause as the source words it ("$15 billion immediate"), or
   * null when the figures do not split a whole or every word stands beside its own figure.
   */
  const misplacedPart = (claimRaw: string, sentence: string, sourceRaw: string, others: readonly Fact[]): string | null => {
    const values = others.map((o) => Number(o.key.split(":")[1]));
    const whole = Math.max(...values);
    // three figures or more, the largest the sum of the rest
    if (values.length < 3 || values.some((v) => !Number.isFinite(v)) || Math.abs(values.reduce((a, v) => a + v, 0) - 2 * whole) > 1e-6 * whole) return null;
    const own = clauseTerms(sentence, sourceRaw);
    // the claim's words up to its next number of any kind ("50B is 15 upfront": "upfront" is the 15's)
    const at = claim.indexOf(claimRaw);
    const claimOthers = [...claim.matchAll(/\d[\d.,]*/g)].filter((m) => m.index < at || m.index >= at + claimRaw.length).map((m) => m[0]);
    const matchesOf = (t: string): readonly string[] => [t, ...(parts.find((p) => p.term === t)?.matches ?? [])];
    const words = [...clauseTerms(claim, claimRaw, claimOthers)].filter((t) => analyzer.concepts(t).size === 0 && !matchesOf(t).some((m) => own.has(m)));
    for (const other of others) {
      if (other.raw === sourceRaw || Number(other.key.split(":")[1]) === whole) continue;
      const theirs = clauseTerms(sentence, other.raw);
      if (!words.some((t) => matchesOf(t).some((m) => theirs.has(m)))) continue;
      const clause = clauses(sentence).find((c) => c.includes(other.raw)) ?? other.raw;
      return clause.slice(clause.indexOf(other.raw)).trim().replace(/[.,;:]+$/, "");
    }
    return null;
  };
  /**
   * Whether the parties beside a sum in the claim may be those beside it in the source: not when
   * the claim names a party there that the source's clause lacks while that clause names another
   * ("msft has put 50B into openai" against "a $50 billion partnership … signed between Amazon and OpenAI").
   */
  const figurePartiesAgree = (claimRaw: string, sentence: string, sourceRaw: string): boolean => {
    const mine = [...clauseTerms(claim, claimRaw)].filter((t) => partyIds.has(t));
    const theirs = [...clauseTerms(sentence, sourceRaw)].filter((t) => partyIds.has(t));
    return !(mine.some((t) => !theirs.includes(t)) && theirs.some((t) => !mine.includes(t)));
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
  const firstParty = (text: string): { id: string; at: number } | undefined => {
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
    return best;
  };
  /**
   * The parties named first, as subjects: the first one and those joined to it ("OpenAI and
   * Microsoft released", "the joint ms/oai statement"); empty when the text names none.
   */
  const firstParties = (text: string): Set<string> => {
    const first = firstParty(text);
    if (!first) return new Set();
    const found = new Set<string>();
    // a party, then joiners and parties in turn: "OpenAI and Microsoft", "Amazon, OpenAI", "ms/oai"
    let wantParty = true;
    for (const word of text.slice(first.at).split(/\s+/)) {
      if (wantParty) {
        const named = [...analyzer.concepts(word)].filter((id) => partyIds.has(id));
        if (named.length === 0) break;
        named.forEach((id) => found.add(id));
        wantParty = /[,&/]$/.test(word);
      } else if (/^(?:and|&|or)$/i.test(word)) wantParty = true;
      else break;
    }
    return found;
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
    let objectRun = false;
    const words = text.split(/\s+/);
    const holdsPart = (word: string | undefined): boolean => word !== undefined && analyzer.terms(word).some((t) => t === part.term || part.matches.has(t));
    for (const [i, word] of words.entries()) {
      const terms = analyzer.terms(word);
      // the part itself (in the claim: "out-earns", read through its synonyms) or one of the terms that match it
      if (holdsPart(word)) return possessor && i - possessor.at <= 3 ? new Set([possessor.id]) : doers;
      const named = terms.filter((t) => partyIds.has(t));
      // a party joined to an object is an object too ("against both Amazon and OpenAI")
      const joinedToObject = objectRun && (/^(?:and|&|or)$/i.test(previous) || /[,&/]$/.test(previous));
      if (named.length > 0 && (PREPOSITION.test(previous) || joinedToObject)) {
        objectRun = true;
        joined = false;
      } else if (named.length > 0) {
        objectRun = false;
        // a party right before the deed may only qualify it ("says the amazon deal gives …"): it joins the doers named before
        const qualifies = holdsPart(words[i + 1]);
        doers = (joined || qualifies) && doers ? new Set([...doers, ...named]) : new Set(named);
        if (/['’]s?$/.test(word.replace(/[^\p{L}'’]+$/u, ""))) possessor = { id: named[named.length - 1]!, at: i };
        joined = /[,&/]$/.test(word);
      } else {
        joined = /^(?:and|&|or)$/i.test(word) && previousNamed;
        if (!/^(?:and|&|or|both|the|its|their|all|either|neither|each|his|her)$/i.test(word)) objectRun = false;
      }
      previousNamed = named.length > 0;
      // "against both Amazon and OpenAI": a determiner leaves the preposition before it in force
      if (!/^(?:both|the|its|their|all|either|neither|each|his|her)$/i.test(word)) previous = word;
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

  const quotes = quotedPhrases(claim);
  const claimNegatedParts = negatedParts(claim);
  /**
   * Whether each of the claim's words that a negation reaches in the claim, and that a sentence
   * holds, is reached by one there too (the other way round, the sentence's polarity is weighed
   * as a whole, where the reach of a negation in a long sentence is a rough guess).
   */
  const samePolarity = (held: typeof parts, sourceNegated: ReadonlySet<string>): boolean =>
    held.every((p) => !claimNegatedParts.has(p.term) || sourceNegated.has(p.term));
  return {
    contrasted,
    analyzer,
    claim,
    profile,
    factTerms,
    parts,
    heldBy,
    share,
    shareWithFacts,
    clausesInterleave,
    shareLeavingOut,
    claimFacts,
    claimNegated,
    partyIds,
    negativeWhereHeld,
    claimHedged,
    rarest,
    negatesClaim,
    negatedParts,
    deniedParts,
    hedgesClaim,
    neighboursAgree,
    misplacedPart,
    figurePartiesAgree,
    claimConcepts,
    claimParties,
    opensWithParty,
    kindOf,
    sameKind,
    nameOf,
    firstParties,
    doersOf,
    overlap,
    claimDeed,
    claimDoer,
    quotes,
    samePolarity,
    predicateWord,
    stateTerm,
    withoutStrayAsides,
  };
}
