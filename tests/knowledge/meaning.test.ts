import { describe, expect, it } from "vitest";
import { encodeVectors } from "../../src/cli/build-word-vectors.js";
import { createKnowledge, type Knowledge } from "../../src/knowledge/knowledge.js";
import { MEANING, meaningRanker } from "../../src/knowledge/meaning.js";
import type { RankedPassage } from "../../src/knowledge/ranking.js";
import type { Passage, Topic } from "../../src/knowledge/types.js";
import { decodeWordVectors } from "../../src/sources/word-vectors.js";
import { seedKnowledge } from "../support/knowledge.js";

// three directions: the law, money, and Microsoft; frequency ranks follow the order
const vectors = decodeWordVectors(
  encodeVectors(
    ["court", "lawsuit", "revenue", "cloud", "microsoft", "banana"],
    3,
    [[1, 0.1, 0], [0.95, 0.15, 0], [0, 1, 0], [0.1, 0.9, 0.1], [0, 0, 1], [0.5, 0.5, 0.5]].map((v) => Float32Array.from(v)),
    "test",
  ),
);
const topic: Topic = { story: "", parties: [{ id: "microsoft", name: "Microsoft", aliases: ["Microsoft", "MS"] }], terms: [], suggestions: [] };

/** A ranked passage of one sentence with a given word-match score. */
function ranked(text: string, score: number): RankedPassage {
  const passage = { id: text, document: "d", paragraph: 1, line: 1, kind: "paragraph", text, section: null, leadIn: null, cells: null, sentences: [{ start: 0, end: text.length }] } as unknown as Passage;
  return { passage, score, coverage: 1, matched: 2 } as unknown as RankedPassage;
}

describe("reordering by meaning", () => {
  const reorder = meaningRanker(vectors, topic);

  it("puts the passage that says it in other words first", () => {
    const list = [ranked("cloud revenue grew", 1), ranked("a lawsuit is weighed", 0.9)];
    expect(reorder("who goes to court", list).map((r) => r.passage.text)).toEqual(["a lawsuit is weighed", "cloud revenue grew"]);
    expect(reorder("how much revenue", list).map((r) => r.passage.text)).toEqual(["cloud revenue grew", "a lawsuit is weighed"]);
  });

  it("keeps a far better word match ahead of a closer meaning", () => {
    const list = [ranked("cloud revenue grew", 1), ranked("a lawsuit is weighed", 0.05)];
    // "court" and "revenue" asked alike: meaning ties, words decide
    expect(reorder("court revenue", list)[0]!.passage.text).toBe("cloud revenue grew");
  });

  it("reads a topic's abbreviation as the name it stands for", () => {
    const list = [ranked("cloud revenue grew", 1), ranked("microsoft answered", 0.9)];
    expect(reorder("what did ms do", list)[0]!.passage.text).toBe("microsoft answered");
  });

  it("only reorders the first candidates, and drops or adds nothing", () => {
    const list = [...Array.from({ length: MEANING.candidates }, (_, i) => ranked(`cloud revenue ${i}`, 1 - i / 100)), ranked("a lawsuit", 0.5)];
    const out = reorder("court", list);
    expect(out).toHaveLength(list.length);
    expect(new Set(out)).toEqual(new Set(list));
    expect(out.at(-1)!.passage.text).toBe("a lawsuit");
  });

  it("leaves the order alone when the question has no word it knows", () => {
    const list = [ranked("cloud revenue grew", 1), ranked("a lawsuit is weighed", 0.9)];
    expect(reorder("zzz qqq", list)).toEqual(list);
  });
});

describe("the answers with the project's word vectors", () => {
  const k = seedKnowledge();
  const wordsOnly = createKnowledge({ documents: k.corpus.documents, topic: k.corpus.topic, ...(k.corpus.lexicon ? { lexicon: k.corpus.lexicon } : {}) });

  it("find a passage put in other words that the words alone rank lower", () => {
    expect(k.corpus.vectors).toBeDefined();
    // "using" is not "adopters"
    const q = "whos already using frontier";
    const answer = (kn: Knowledge): string[] => kn.ask(q).items.map((i) => i.text);
    expect(answer(k).some((t) => t.startsWith("Early adopters include HP"))).toBe(true);
    expect(answer(wordsOnly).some((t) => t.startsWith("Early adopters include HP"))).toBe(false);
    // whether to answer is judged on the words alone: the same with or without meaning
    expect(k.ask(q).confidence).toBe(wordsOnly.ask(q).confidence);
  });
});
