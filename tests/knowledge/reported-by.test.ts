import { describe, expect, it } from "vitest";
import { seedKnowledge } from "../support/knowledge.js";

const k = seedKnowledge();

describe("claims of who reported first", () => {
  it("supports the outlet a source alone credits with the report", () => {
    const c = k.cite("the financial times had this first");
    expect(c.verdict).toBe("supported");
    expect(c.reason).toContain("Financial Times");
  });

  it("contradicts an outlet no source mentions where a source credits another, for the story and for a piece of it", () => {
    const story = k.cite("the new york times broke the story about microsoft weighing a lawsuit");
    expect(story.verdict).toBe("contradicted");
    expect(story.reason).toMatch(/^Sources say .*Financial Times.*, not new york times\.$/);
    const memo = k.cite("the amazon staff memo came from the verge");
    expect(memo.verdict).toBe("contradicted");
    expect(memo.reason).toBe("Sources say Business Insider, not verge.");
    expect(memo.items[0]!.text).toContain("Business Insider");
  });

  it("never supports what was reported on the word of who reported it, nor a claim of every report from one sentence", () => {
    for (const claim of ["the ft broke the story that microsoft already sued", "according to the ft microsoft already sued", "the reports cite only the ft"]) {
      expect(k.cite(claim).verdict, claim).not.toBe("supported");
    }
  });

  it("leaves a hedged claim of who reported, or one of who else reported, unverified", () => {
    expect(k.cite("maybe bloomberg broke it").verdict).toBe("unverified");
    expect(k.cite("bloomberg reported it too").verdict).toBe("unverified");
  });
});
