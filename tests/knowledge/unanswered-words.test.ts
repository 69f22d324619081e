import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { answerabilityFeatures, FEATURE_NAMES, NOTHING_MISSING } from "../../src/knowledge/answerability.js";
import { fitWordOdds, unansweredOdds, WORD_ODDS } from "../../src/knowledge/unanswered-words.js";
import { WORD_ODDS_SET, wordOddsOf } from "../../src/cli/fit-word-odds.js";
import { PROJECT_ROOT } from "../../src/paths.js";
import { seedKnowledge } from "../support/knowledge.js";

const inScope = (terms: string[]) => ({ terms, answerable: true });
const outOfScope = (terms: string[]) => ({ terms, answerable: false });

describe("words of unanswered questions", () => {
  it("gives a word the log of how much more often unanswered questions asked with it", () => {
    const examples = [
      ...Array.from({ length: 30 }, () => inScope(["deal", "azure"])),
      ...Array.from({ length: 10 }, () => outOfScope(["deal"])),
      outOfScope(["revenu"]),
      outOfScope(["revenu"]),
      outOfScope(["revenu", "azure"]),
    ];
    const words = fitWordOdds(examples, 1);
    // 3 of 13 unanswered, none of 30 answered: (3+1)/15 against (0+1)/32
    expect(words.odds.revenu).toBeCloseTo(Math.log(4 / 15) - Math.log(1 / 32), 2);
    // asked with about as often either way: below even
    expect(words.odds.azure!).toBeLessThan(0);
    expect(words.unseen).toBeCloseTo(Math.log(1 / 15) - Math.log(1 / 32), 2);
    expect(words.unseen).toBeLessThan(words.odds.revenu!);
  });

  it("reads the words the best passage lacks, one the index never saw only by the odds tuning questions taught it", () => {
    const knowledge = seedKnowledge();
    const words = { odds: { revenu: 3, share: 3, azure: 3 }, unseen: 0 };
    const oddsOf = (q: string) => unansweredOdds(q, knowledge.retriever.rank(q, 60, 2)[0]!, knowledge.retriever, words);
    // "revenue" is in the index; the best passage for this question does not hold it
    expect(oddsOf("how much revenue does frontier make")).toBe(3);
    // a word the passage holds ("revenue share" in the outcomes) is no sign of anything
    expect(oddsOf("would ms take a revenue share to settle")).toBeLessThan(3);
    // a word the index never saw ("bitcoin" is not in the articles) counts only by the odds tuning questions taught it
    const bitcoin = "is bitcoin priced in the amazon openai deal";
    expect(knowledge.retriever.profile(bitcoin).kinds[knowledge.retriever.profile(bitcoin).terms.indexOf("bitcoin")]).toBe("unknown");
    const best = knowledge.retriever.rank(bitcoin, 60, 2)[0]!;
    expect(unansweredOdds(bitcoin, best, knowledge.retriever, { odds: { bitcoin: 9 }, unseen: 0 })).toBe(9);
    // and not at all when no tuning question used it: never as `unseen`, which is for words the index knows
    expect(unansweredOdds(bitcoin, best, knowledge.retriever, { odds: {}, unseen: 7 })).toBeNull();
  });

  it("are what the answer model reads of the words the best passage lacks, and abstains on a question asked with one", () => {
    const knowledge = seedKnowledge();
    const features = (q: string, words = WORD_ODDS) =>
      answerabilityFeatures(q, knowledge.retriever.rank(q, 60, 2), knowledge.retriever, knowledge.analyzer, knowledge.corpus.topic, words)[FEATURE_NAMES.indexOf("unansweredOdds")];
    const q = "how much revenue does frontier make";
    expect(features(q)).toBe(unansweredOdds(q, knowledge.retriever.rank(q, 60, 2)[0]!, knowledge.retriever));
    expect(features(q, { odds: {}, unseen: 0.25 })).toBe(0.25);
    // a passage holding every word asked with: below any word's odds
    expect(features("who controls stateless access")).toBe(NOTHING_MISSING);
    expect(Math.min(...Object.values(WORD_ODDS.odds))).toBeGreaterThan(NOTHING_MISSING);
    expect(knowledge.ask(q).abstained).toBe(true);
  });

  it("ships the odds the fitting command learns from the tuning part, never the held-out part", () => {
    const file = JSON.parse(readFileSync(join(PROJECT_ROOT, "src", "knowledge", "unanswered-words.json"), "utf8")) as { fittedOn: string };
    expect(file.fittedOn).toBe(WORD_ODDS_SET);
    expect(WORD_ODDS_SET).not.toMatch(/heldout/);
    const fitted = wordOddsOf(seedKnowledge(), JSON.parse(readFileSync(join(PROJECT_ROOT, "tests", "eval", WORD_ODDS_SET), "utf8")));
    expect(fitted).toEqual({ odds: WORD_ODDS.odds, unseen: WORD_ODDS.unseen });
    expect(Object.keys(WORD_ODDS.odds).length).toBeGreaterThan(100);
  });
});
