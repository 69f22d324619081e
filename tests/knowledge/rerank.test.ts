import { readFileSync } from "node:fs";
import { join, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { candidateFeatures, RERANK, RERANK_FEATURES, RERANKER, reranker, type RerankModel } from "../../src/knowledge/rerank.js";
import { meaningRanker } from "../../src/knowledge/meaning.js";
import { fitRerank } from "../../src/cli/fit-rerank.js";
import { OPERATING_SET } from "../../src/cli/fit-answerability.js";
import { fold } from "../../src/cli/eval.js";
import { loadCorpus } from "../../src/sources/seeds.js";
import { DEFAULT_SEEDS_DIR, PROJECT_ROOT } from "../../src/paths.js";
import { seedKnowledge } from "../support/knowledge.js";

/** A model of one tree that prefers the candidate whose feature `name` is at most `at`. */
function preferring(name: (typeof RERANK_FEATURES)[number], at: number): RerankModel {
  return { features: [...RERANK_FEATURES], rate: 1, trees: [{ f: RERANK_FEATURES.indexOf(name), t: at, l: 2, r: -2 }] };
}

describe("reordering the first passages shown", () => {
  const knowledge = seedKnowledge();
  const { retriever, analyzer } = knowledge;
  const { topic, vectors } = knowledge.corpus;
  const query = "when was the amazon openai deal announced";
  const byWords = retriever.rank(query, 60, 2);
  const shown = meaningRanker(vectors!, topic)(query, byWords);

  it("reads each candidate as the answer model would if it came first, with its places, score and kind", () => {
    const xs = candidateFeatures(retriever, analyzer, topic, vectors!)(query, shown, byWords);
    expect(xs).toHaveLength(Math.min(RERANK.candidates, shown.length));
    expect(xs.every((x) => x.length === RERANK_FEATURES.length)).toBe(true);
    const at = (name: (typeof RERANK_FEATURES)[number]) => RERANK_FEATURES.indexOf(name);
    xs.forEach((x, i) => {
      expect(x[at("meaningPlace")]).toBe(i);
      expect(x[at("wordsPlace")]).toBe(byWords.indexOf(shown[i]!));
      expect(x[at("relativeScore")]).toBeCloseTo(shown[i]!.score / byWords[0]!.score, 9);
      expect(x[at("tableRow")]).toBe(shown[i]!.passage.cells ? 1 : 0);
    });
  });

  it("puts first the candidates the model prefers, keeps ties and the rest in order, and adds or drops nothing", () => {
    const last = RERANK.candidates - 1;
    expect(shown.length).toBeGreaterThan(RERANK.candidates);
    // preferring every candidate but the last: ties keep their order, so nothing moves
    const allButLast = reranker(retriever, analyzer, topic, vectors!, preferring("meaningPlace", last - 1))(query, shown, byWords);
    expect(allButLast).toEqual(shown);
    // preferring only the last candidate: it comes first, the others follow in order, the tail untouched
    const onlyLast = reranker(retriever, analyzer, topic, vectors!, { ...RERANKER, rate: 1, trees: [{ f: RERANK_FEATURES.indexOf("meaningPlace"), t: last - 1, l: -2, r: 2 }] })(query, shown, byWords);
    expect(onlyLast).toHaveLength(shown.length);
    expect(onlyLast[0]).toBe(shown[last]);
    expect(onlyLast.slice(1, RERANK.candidates)).toEqual(shown.slice(0, last));
    expect(onlyLast.slice(RERANK.candidates)).toEqual(shown.slice(RERANK.candidates));
  });

  it("answers with the passages in the fitted order, each verbatim and cited", () => {
    const answer = knowledge.ask("wait when did amzn and oai announce the deal");
    expect(answer.abstained).toBe(false);
    expect(answer.items.slice(0, 3).map((i) => fold(i.text)).join(" ")).toMatch(/february 27|feb\. 27/);
    expect(RERANKER.features).toEqual([...RERANK_FEATURES]);
  });

  it("is what the fitting command fits from the tuning part, never the held-out part", { timeout: 180_000 }, () => {
    const fitted = fitRerank(loadCorpus(DEFAULT_SEEDS_DIR), `${join(PROJECT_ROOT, "tests", "eval")}${sep}`);
    const shipped = JSON.parse(readFileSync(join(PROJECT_ROOT, "src", "knowledge", "rerank-model.json"), "utf8")) as unknown;
    expect(fitted).toEqual(shipped);
    expect(fitted.trees.length).toBeGreaterThan(10);
    expect(OPERATING_SET).not.toMatch(/heldout/);
  });
});
