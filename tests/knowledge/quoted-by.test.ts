import { describe, expect, it } from "vitest";
import { seedKnowledge } from "../support/knowledge.js";

const k = seedKnowledge();

describe("claims of who said a quoted line", () => {
  it("contradicts a line given to someone the sources never name, where they give it to someone unnamed", () => {
    const c = k.cite("brad smith said 'we will sue them if they breach it'");
    expect(c.verdict).toBe("contradicted");
    expect(c.reason).toMatch(/^Sources give the words to someone unnamed, not brad smith: “.*(familiar|Unnamed)/);
    expect(c.items[0]!.text).toMatch(/one person familiar|Unnamed Microsoft source/);
  });

  it("holds a line given to an unnamed source, and leaves an unsure claim of who said it open", () => {
    expect(k.cite("an unnamed microsoft source told the ft 'we know our contract'").verdict).toBe("supported");
    expect(k.cite("maybe brad smith said 'we will sue them if they breach it'").verdict).not.toBe("contradicted");
  });
});
