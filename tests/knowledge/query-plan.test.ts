import { describe, expect, it } from "vitest";
import { oneEditAway } from "../../src/knowledge/retrieval.js";
import { questionHints } from "../../src/knowledge/question.js";
import { wordNetLexicon } from "../../src/sources/wordnet.js";
import { seedKnowledge } from "../support/knowledge.js";

describe("query plan: words the index lacks", () => {
  const knowledge = seedKnowledge();

  it("does not stand a phrase synonym in for its one word left once the small words go", () => {
    // WordNet gives "make over" for "refashion"; "over" is a stop word, and "make" is not what was asked
    expect(wordNetLexicon().synonyms("refashion")).toContain("make over");
    const profile = knowledge.retriever.profile("when did microsoft refashion its contract with openai");
    const at = profile.terms.indexOf("refashion");
    expect(at).toBeGreaterThanOrEqual(0);
    expect(profile.matches[at]).not.toContain("make");
  });

  it("respells a misspelt word one edit from a word whose term the index knows, alias groups included", () => {
    const plan = (word: string) => {
      const profile = knowledge.retriever.profile(word);
      return { kind: profile.kinds[0], matches: profile.matches[0] };
    };
    // "negotiating" is a word of the "talks" group, "partnership" of the "agreement" group: a fuzzy look-up of the stem reaches neither
    expect(plan("negotiatng")).toEqual({ kind: "corrected", matches: ["talks"] });
    expect(plan("partnrship")).toEqual({ kind: "corrected", matches: ["agreement"] });
    // a word of the language is not respelt, and a non-word with no word near stays unknown
    expect(plan("qzxwvkj").kind).toBe("unknown");
  });

  it("reads a number typed without its unit as the same number with one, and a word of the language as itself", () => {
    const at = (question: string, term: string) => {
      const profile = knowledge.retriever.profile(question);
      const i = profile.terms.indexOf(term);
      return { kind: profile.kinds[i], matches: profile.matches[i] };
    };
    // "$138 billion" is the index term "138b"
    expect(at("the 138 figure, what is it", "138")).toEqual({ kind: "synonym", matches: ["138b"] });
    expect(knowledge.retriever.rank("the 138 figure, what is it", 5, 1)[0]!.passage.text).toContain("$138 billion");
    // an irregular form is a word of the language: "gave" is not respelt to "wave"
    expect(at("none of the three companies gave comment", "gave").matches).not.toContain("wave");
  });

  it("reads a subject named first and then asked about as a question of what it is", () => {
    expect(questionHints("ftc thing — what's it about").subject).toBe("ftc");
    expect(questionHints("the uk thing, what is it about").subject).toBe("uk");
    expect(questionHints("what's the ftc thing about").subject).toBe("ftc");
    expect(questionHints("what is the sre").subject).toBe("sre");
    expect(questionHints("when did the ftc probe open, what is it about").subject).toBeNull();
  });

  it("weighs nothing for words naming the source's layout, which still ask for a list", () => {
    const question = "table row for stateful access, what does it mean";
    const profile = knowledge.retriever.profile(question);
    for (const word of ["table", "row"]) {
      const at = profile.terms.findIndex((t) => word.startsWith(t));
      expect(profile.kinds[at], word).toBe("unknown");
      expect(profile.weights[at], word).toBe(0);
    }
    expect(questionHints(question).list).toBe(true);
    const answer = knowledge.ask(question);
    expect(answer.abstained).toBe(false);
    expect(answer.items[0]!.text).toContain("Stateful access");
  });

  it("counts a word read through its synonyms towards a passage's coverage only where the passage matches it", () => {
    // "downside" is not in the articles; it is read through WordNet's synonyms ("barrier", "ecosystem", …)
    const profile = knowledge.retriever.profile("stateless api exclusivity clause downside");
    expect(profile.kinds.at(-1)).toBe("synonym");
    expect(profile.weights.at(-1)).toBeGreaterThan(0);
    const without = knowledge.retriever.rank("stateless api exclusivity clause", 60, 2).slice(0, 3);
    const withGuess = knowledge.retriever.rank("stateless api exclusivity clause downside", 60, 2);
    for (const r of without) {
      // these passages hold none of its synonyms: their coverage is what it is without the word
      expect(withGuess.find((x) => x.passage === r.passage)?.coverage).toBeCloseTo(r.coverage, 6);
    }
  });

  it("lists the strings one edit away: deletions, swaps, changes, insertions", () => {
    const edits = [...oneEditAway("ab")];
    expect(edits).toEqual(expect.arrayContaining(["b", "a", "ba", "xb", "axb", "abx", "xab"]));
    expect(edits).not.toContain("ab");
  });
});
