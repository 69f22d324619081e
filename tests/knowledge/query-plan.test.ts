import { describe, expect, it } from "vitest";
import { wordNetLexicon } from "../../src/sources/wordnet.js";
import { seedKnowledge } from "../support/knowledge.js";

describe("query plan: words the index lacks", () => {
  const knowledge = seedKnowledge();

  it("does not stand a phrase synonym in for its one word left once the small words go", () => {
    // WordNet gives "make over" for "rework"; "over" is a stop word, and "make" is not what was asked
    expect(wordNetLexicon().synonyms("rework")).toContain("make over");
    const profile = knowledge.retriever.profile("when did microsoft rework its contract with openai");
    const at = profile.terms.indexOf("rework");
    expect(at).toBeGreaterThanOrEqual(0);
    expect(profile.matches[at]).not.toContain("make");
  });
});
