import { describe, expect, it } from "vitest";
import { wordNetLexicon } from "../../src/sources/wordnet.js";

describe("WordNet lexicon", () => {
  const lexicon = wordNetLexicon();

  it("gives the other words of a word's commonest senses, over its inflections", () => {
    expect(lexicon.synonyms("lawsuit")).toContain("suit");
    expect(lexicon.synonyms("sued")).toContain("litigate");
    expect(lexicon.synonyms("angry")).toContain("furious");
  });

  it("gives derivationally related words (argument → argue, settle → settlement)", () => {
    expect(lexicon.synonyms("arguments")).toContain("argue");
    expect(lexicon.synonyms("settle")).toContain("settlement");
    expect(lexicon.derived("arguments")).toContain("argue");
    expect(lexicon.derived("arguments")).not.toContain("statement");
  });

  it("reads a doubled final consonant as written once (dropped → drop, planning → plan)", () => {
    expect(lexicon.isWord("dropped")).toBe(true);
    expect(lexicon.isWord("planning")).toBe(true);
    expect(lexicon.synonyms("planning")).toContain("plan");
  });

  it("reads irregular forms through WordNet's exception lists (gave → give, children → child)", () => {
    expect(lexicon.isWord("gave")).toBe(true);
    expect(lexicon.synonyms("gave")).toContain("afford");
    expect(lexicon.synonyms("went")).toContain("proceed");
    expect(lexicon.isWord("children")).toBe(true);
    expect(lexicon.synonyms("bought")).toContain("purchase");
    expect(lexicon.isWord("gaveth")).toBe(false);
  });

  it("tells words from typos, and refuses what is not a plain word", () => {
    expect(lexicon.isWord("world")).toBe(true);
    expect(lexicon.isWord("investing")).toBe(true);
    expect(lexicon.isWord("micrsoft")).toBe(false);
    expect(lexicon.synonyms("$50B")).toEqual([]);
    expect(lexicon.isWord("")).toBe(false);
  });
});
