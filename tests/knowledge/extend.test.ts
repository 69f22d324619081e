import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/cli/eval.js";
import { buildCorpus } from "../../src/knowledge/corpus.js";
import { createKnowledge, extendKnowledge } from "../../src/knowledge/knowledge.js";
import { readSeeds, defaultLexicon } from "../../src/sources/seeds.js";
import { DEFAULT_SEEDS_DIR } from "../../src/paths.js";

const load = (name: string): unknown => JSON.parse(readFileSync(new URL(`../eval/${name}`, import.meta.url), "utf8"));

describe("adding documents in place", () => {
  const { seeds, topic } = readSeeds(DEFAULT_SEEDS_DIR);
  const full = createKnowledge(buildCorpus(seeds, topic, defaultLexicon()));
  const base = createKnowledge(buildCorpus(seeds.slice(0, 3), topic, defaultLexicon()));
  const added = buildCorpus(seeds.slice(3), topic).documents;
  const extended = extendKnowledge(base, added);

  it("serves the added document's passages and lists it, without touching the base", () => {
    expect(extended.corpus.documents.map((d) => d.id)).toEqual(full.corpus.documents.map((d) => d.id));
    expect(extended.passageCount).toBe(full.passageCount);
    expect(base.corpus.documents).toHaveLength(3);
    const answer = extended.ask("What is the UK CMA looking into?");
    expect(answer.items[0]!.citation.document).toBe(seeds[3]!.id);
    expect(extended.sources().map((s) => s.document)).toContain(seeds[3]!.id);
  });

  it("answers the public questions as well as a full build does", () => {
    const r = evaluate(extended, load("questions.json"));
    const f = evaluate(full, load("questions.json"));
    expect(r.top3).toBe(f.top3);
    expect(r.abstained).toBe(f.abstained);
    expect(r.verbatimCited).toBe(r.items);
  });

  it("gives the same top passage as a full build for most chat questions", () => {
    const questions = (load("chat-tune.json") as { questions: { q: string }[] }).questions.map((x) => x.q);
    let same = 0;
    for (const q of questions) {
      const a = extended.retriever.rank(q, 1, 2)[0];
      const b = full.retriever.rank(q, 1, 2)[0];
      if (a?.passage.id === b?.passage.id) same++;
    }
    expect(same / questions.length).toBeGreaterThanOrEqual(0.85);
  });
});
