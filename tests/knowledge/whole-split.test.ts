import { describe, expect, it } from "vitest";
import { readClaim } from "../../src/knowledge/claim-context.js";
import { partForWhole } from "../../src/knowledge/whole-split.js";
import { seedKnowledge } from "../support/knowledge.js";

const k = seedKnowledge();
const SPLIT = "$50 billion Amazon investment in OpenAI ($15 billion immediate, $35 billion contingent on milestones including IPO)";
const read = (claim: string) => readClaim(claim, new Set(), k.retriever, k.analyzer, k.corpus.topic);

describe("the whole of a sum against a source giving it in parts", () => {
  it("contradicts a claim that the whole sum is what a source says of one part, naming that part", () => {
    const upfront = k.cite("every dollar of the $50B was paid immediately");
    expect(upfront.verdict).toBe("contradicted");
    expect(upfront.reason).toMatch(/^Sources say \$15 billion immediate, not all of it\.$/);
    const tied = k.cite("the entire $50 billion is tied to milestones like the ipo");
    expect(tied.verdict).toBe("contradicted");
    expect(tied.reason).toMatch(/^Sources say \$35 billion contingent on milestones/);
    // with no figure, the whole is the sum the sentence splits, and the part is less than it
    expect(k.cite("amazon's whole investment is paid right away").reason).toMatch(/^Sources say \$15 billion immediate, not all of it/);
  });

  it("says nothing of a claim that denies the whole, names no part's word, or is not of a whole", () => {
    expect(partForWhole(read("not the whole $50B is upfront"), SPLIT, SPLIT)).toBeNull();
    expect(partForWhole(read("the full $50B investment comes from amazon"), SPLIT, SPLIT)).toBeNull();
    expect(partForWhole(read("$15B of the $50B is upfront"), SPLIT, SPLIT)).toBeNull();
    expect(k.cite("the full 50b investment comes from amazon").verdict).not.toBe("contradicted");
  });
});
