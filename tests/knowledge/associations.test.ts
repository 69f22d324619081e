import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ASSOCIATION_FIT, ASSOCIATIONS, fitAssociations, type AssociationExample } from "../../src/knowledge/associations.js";
import { createKnowledge } from "../../src/knowledge/knowledge.js";
import { ASSOCIATION_SET, associationExamples } from "../../src/cli/fit-associations.js";
import { loadCorpus } from "../../src/sources/seeds.js";
import { DEFAULT_SEEDS_DIR, PROJECT_ROOT } from "../../src/paths.js";

const passages: ReadonlySet<string>[] = [
  new Set(["investig", "cma", "cloud"]),
  new Set(["investig", "ftc", "licens"]),
  new Set(["lawyer", "contract", "creativ"]),
  new Set(["cloud", "azure", "model"]),
  new Set(["model", "stateless", "memori"]),
  new Set(["model", "azure", "api"]),
];
const ask = (terms: string[], answers: number[]): AssociationExample => ({ terms: new Set(terms), answers });

describe("learned word associations", () => {
  it("learns the passage word that stands in for a question word across several passages", () => {
    const learned = fitAssociations([ask(["probe", "cma"], [0]), ask(["probe", "ftc"], [1]), ask(["probe", "uk"], [0])], passages);
    expect(learned.probe?.[0]).toBe("investig");
  });

  it("learns from one passage only with as many passages as the fit asks for", () => {
    const spicy = [ask(["spici", "line"], [2]), ask(["spici", "quot"], [2]), ask(["spici", "lawyer"], [2])];
    expect(fitAssociations(spicy, passages, { ...ASSOCIATION_FIT, minPassages: 1 }).spici).toEqual(expect.arrayContaining(["contract", "creativ"]));
    expect(fitAssociations(spicy, passages, { ...ASSOCIATION_FIT, minPassages: 2 }).spici).toBeUndefined();
  });

  it("needs the word in enough questions, and never learns a word the question uses itself", () => {
    expect(fitAssociations([ask(["probe"], [0]), ask(["probe"], [1])], passages).probe).toBeUndefined();
    // "model" is in every answer, but the questions ask with it: nothing stands in for it
    const learned = fitAssociations([ask(["model", "memori"], [4]), ask(["model", "api"], [5]), ask(["model", "cloud"], [3])], passages);
    expect(learned.model).toBeUndefined();
  });

  it("keeps a word far above chance only: one most passages hold says nothing", () => {
    const common = Array.from({ length: 20 }, (_, i) => new Set(["common", `w${i}`]));
    const learned = fitAssociations([ask(["thing"], [0]), ask(["thing"], [1]), ask(["thing"], [2])], [...common.slice(0, 3), ...common.slice(3)]);
    expect(learned.thing ?? []).not.toContain("common");
    expect(ASSOCIATION_FIT.minLift).toBeGreaterThan(1);
  });

  it("ships the associations the fitting command learns from the tuning part, and none from the held-out part", () => {
    const file = JSON.parse(readFileSync(join(PROJECT_ROOT, "src", "knowledge", "associations.json"), "utf8")) as { fittedOn: string; associations: unknown };
    expect(file.fittedOn).toBe(ASSOCIATION_SET);
    expect(ASSOCIATION_SET).not.toMatch(/heldout/);
    const knowledge = createKnowledge({ ...loadCorpus(DEFAULT_SEEDS_DIR), associations: {} });
    const { examples, passages: all } = associationExamples(knowledge, JSON.parse(readFileSync(join(PROJECT_ROOT, "tests", "eval", ASSOCIATION_SET), "utf8")));
    expect(fitAssociations(examples, all)).toEqual(ASSOCIATIONS);
    expect(Object.keys(ASSOCIATIONS).length).toBeGreaterThan(20);
  });

  it("lets a question word reach a passage through a learned word, below the word itself", () => {
    const corpus = loadCorpus(DEFAULT_SEEDS_DIR);
    // the FTC row says "antitrust review" of "licensing practices", never "watchdog" or "regulator"
    const question = "which watchdog looks at licensing practices";
    const without = createKnowledge({ ...corpus, associations: {} }).retriever;
    const withAssociation = createKnowledge({ ...corpus, associations: { regulator: ["antitrust"] } }).retriever;
    const ftc = (r: typeof without) => r.rank(question, 20, 1).find((p) => p.passage.text.includes("FTC antitrust investigation"))!;
    expect(ftc(withAssociation).matched).toBe(ftc(without).matched + 1);
    expect(ftc(withAssociation).score).toBeGreaterThan(ftc(without).score);
    // it counts as a near match, not as the word: less than the word's whole weight towards coverage
    const probeShare = (r: typeof without) => {
      const profile = r.profile(question);
      return profile.weights[profile.terms.indexOf("regulator")]! / profile.weights.reduce((a, b) => a + b, 0);
    };
    expect(ftc(withAssociation).coverage - ftc(without).coverage).toBeLessThan(probeShare(withAssociation));
    // the learned word is a look-up of the question word, not a word of the question: answerability and claim checks see the word alone
    const profile = withAssociation.profile(question);
    expect(profile.matches[profile.terms.indexOf("regulator")]).toEqual(["regulator"]);
  });
});
