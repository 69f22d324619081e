import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanChatQuery } from "../../src/knowledge/chat-query.js";
import { buildCorpus } from "../../src/knowledge/corpus.js";
import { answerInContext, followUpCue, joinWithEarlier, readWithEarlier } from "../../src/knowledge/follow-up.js";
import { MAX_QUERY_CHARS } from "../../src/knowledge/input.js";
import { createKnowledge } from "../../src/knowledge/knowledge.js";
import { STOP_WORDS } from "../../src/knowledge/stopwords.js";
import type { Topic } from "../../src/knowledge/types.js";
import { seedKnowledge } from "../support/knowledge.js";

describe("follow-up questions (the story's seeds)", () => {
  const knowledge = seedKnowledge();

  it.each([
    ["and amazon?", "continuation"],
    ["what about openai", "continuation"],
    ["How about Microsoft?", "continuation"],
    ["also, what did MS say", "continuation"],
    ["when was that announced?", "anaphora"],
    ["why did they sign with amazon", "anaphora"],
    ["does it run on azure", "anaphora"],
    ["what happened there", "anaphora"],
    ["wait so when was that", "anaphora"],
    ["how big is the deal?", "no-subject"],
    ["why?", "no-subject"],
  ])("%s leans on the earlier question (%s)", (question, cue) => {
    expect(followUpCue(question, knowledge)).toBe(cue);
  });

  it.each([
    "How much is Amazon investing in OpenAI?",
    "is there a lawsuit yet?",
    "will there be a lawsuit",
    "Is it true that Amazon is investing $50B?",
    "What do Microsoft and Amazon say they want?",
    "What is the Stateful Runtime Environment?",
    "how many gigawatts",
    "who decides",
    "what is the capital of france?",
  ])("%s stands on its own", (question) => {
    expect(followUpCue(question, knowledge)).toBeNull();
  });

  it("never takes a question of function words alone as standing on its own", () => {
    expect(followUpCue("right to?", knowledge)).toBeNull();
    // function words that stay function words once chat shorthand is spelled out ("info" does not)
    const words = [...STOP_WORDS].filter((w) => /^[a-z]+$/.test(w) && knowledge.retriever.profile(cleanChatQuery(w)).terms.length === 0);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 8 }), (picked) => {
        const question = `${picked.join(" ")}?`;
        // some runs of function words are phrases with a meaning of their own ("right to" → allow)
        fc.pre(knowledge.retriever.profile(cleanChatQuery(question)).terms.length === 0);
        expect(followUpCue(question, knowledge)).not.toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it("reads a follow-up with the earlier question, and a question with its own subject alone", () => {
    const earlier = "How much is Amazon investing in OpenAI?";
    expect(readWithEarlier("when was that announced?", earlier, knowledge)).toEqual({ query: `${earlier} when was that announced?`, earlier, cue: "anaphora" });
    expect(readWithEarlier("Is there a lawsuit yet?", earlier, knowledge)).toEqual({ query: "Is there a lawsuit yet?", earlier: null, cue: null });
    expect(readWithEarlier("and microsoft?", null, knowledge)).toEqual({ query: "and microsoft?", earlier: null, cue: null });
  });

  it("the earlier question changes what a follow-up finds", () => {
    const alone = knowledge.ask("when was that announced?");
    const read = knowledge.ask(readWithEarlier("when was that announced?", "How much is Amazon investing in OpenAI?", knowledge).query);
    expect(read.items.map((i) => i.text)).not.toEqual(alone.items.map((i) => i.text));
    expect(read.items[0]?.text).toMatch(/\$50 billion/);
  });
});

describe("follow-up questions on another story", () => {
  const topic: Topic = {
    story: "Acme and Globex argue over a merger",
    parties: [
      { id: "acme", name: "Acme", aliases: ["Acme", "Acme Corp"] },
      { id: "globex", name: "Globex", aliases: ["Globex"] },
    ],
    terms: [{ id: "regulator", name: "regulator", aliases: ["regulator", "competition authority"] }],
    suggestions: [],
  };
  const text = [
    "Acme agreed to buy Globex for $4 billion in cash on Monday.",
    "Globex shareholders will vote on the merger in June.",
    "The regulator opened a review of the merger in May.",
    "Acme said the merger would close by the end of the year.",
    "Globex warned that the review could delay the closing.",
    "Analysts expect the regulator to ask for remedies.",
    "Acme makes anvils and rockets; Globex makes software.",
    "Both companies employ about twelve thousand people.",
  ].join("\n\n");
  const knowledge = createKnowledge(buildCorpus([{ id: "acme_1", raw: text, meta: { title: "Acme to buy Globex", titleFrom: "capture", outlet: null, author: null, published: null, publishedAt: null, url: null } }], topic));

  it("uses that story's parties and index", () => {
    expect(followUpCue("and globex?", knowledge)).toBe("continuation");
    expect(followUpCue("when will it close?", knowledge)).toBe("anaphora");
    expect(followUpCue("how much?", knowledge)).toBe("no-subject");
    expect(followUpCue("What did Acme say about the closing?", knowledge)).toBeNull();
    expect(followUpCue("when do shareholders vote?", knowledge)).toBeNull();
  });
});

describe("joining and answering in context", () => {
  it("keeps the query within the length limit, dropping the start of the earlier question", () => {
    const earlier = `${"first ".repeat(60)}amazon investment`;
    const question = `${"x".repeat(200)}?`;
    const joined = joinWithEarlier(earlier, question)!;
    expect(joined.length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
    expect(joined.endsWith(`amazon investment ${question}`)).toBe(true);
    expect(joined.startsWith("first ")).toBe(true);
    expect(joinWithEarlier("earlier question", "y".repeat(MAX_QUERY_CHARS))).toBeNull();
  });

  it("answers alone when the reading with the earlier question finds nothing but the question alone does", () => {
    const knowledge = seedKnowledge();
    const found = (query: string) => ({ query, abstained: query.startsWith("Is there") });
    const result = answerInContext("what about the CMA", "Is there a lawsuit yet?", knowledge, found);
    expect(result.answer).toEqual({ query: "what about the CMA", abstained: false });
    expect(result.reading.earlier).toBeNull();

    const nothing = (query: string) => ({ query, abstained: true });
    expect(answerInContext("what about the CMA", "Is there a lawsuit yet?", knowledge, nothing).reading.earlier).toBe("Is there a lawsuit yet?");
    const always = (query: string) => ({ query, abstained: false });
    expect(answerInContext("and amazon?", "What does Microsoft argue?", knowledge, always).answer.query).toBe("What does Microsoft argue? and amazon?");
  });
});
