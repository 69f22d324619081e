import { describe, expect, it } from "vitest";
import { doerOf, namesNoOneKnown, speakerOf } from "../../src/knowledge/speaker.js";
import { seedKnowledge } from "../support/knowledge.js";

describe("speakers and doers a question asks about", () => {
  const knowledge = seedKnowledge();
  const unknown = (question: string, who: string | null) => namesNoOneKnown(who, knowledge.retriever.profile(question), knowledge.analyzer);

  it("reads who a question asks the words of, or whether they spoke or did something", () => {
    expect(speakerOf("what did satya nadella personally say about suing openai")).toBe("satya nadella");
    expect(speakerOf("has andy jassy commented on the microsoft threat")).toBe("andy jassy");
    expect(speakerOf("jassy comment on the msft threat?")).toBe("jassy");
    expect(speakerOf("how big is the deal")).toBeNull();
    expect(doerOf("did meta sign a cloud deal with openai too")).toBe("meta");
    expect(doerOf("what did meta sign")).toBeNull();
  });

  it("tells someone no source names from the story's names, roles, parts of the article and typos of names", () => {
    const ask = (q: string) => unknown(q, speakerOf(q));
    expect(ask("what did satya nadella personally say about suing openai")).toBe(true);
    expect(ask("what did aws ceo matt garman say about the SRE")).toBe(true);
    expect(ask("what did openai say about backdoor access")).toBe(false);
    expect(ask("what did the ms source say about the lawyers")).toBe(false);
    expect(ask("what does the table say stateful access means")).toBe(false);
    expect(ask("what did micrsoft say about the deal")).toBe(false);
    // beside a name of the story, one stray word is no one's name
    expect(ask("what does redmond's lawsuit saber-rattling tell the market")).toBe(false);
  });
});
