import { describe, expect, it } from "vitest";
import { answerReply } from "../../commands/answer-reply.js";
import { LOW_CONFIDENCE } from "../../commands/messages.js";
import type { Answer, ClaimCheck } from "../../src/knowledge/types.js";
import { seedKnowledge } from "../support/knowledge.js";
import { isAbstention } from "../../src/reply/reply.js";

describe("answer replies", () => {
  const item = seedKnowledge().ask("How much is Amazon investing in OpenAI?").items[0]!;
  const answer = (confidence: Answer["confidence"]): Answer => ({ query: "q", abstained: false, confidence, items: [item], notes: ["2 sources agree."] });

  it("says first that low-confidence passages may not answer, and nothing of the kind when confident", () => {
    expect(answerReply("t", answer("low")).text).toBe(LOW_CONFIDENCE);
    expect(answerReply("t", answer("high")).text).toBeUndefined();
    expect(answerReply("t", answer("low")).notes).toEqual(["2 sources agree."]);
  });

  it("opens a claim's reply with its verdict, and drops the caveat when the passages are its evidence", () => {
    const contradicted: ClaimCheck = { ...answer("low"), verdict: "contradicted", reason: "Sources say $50 billion, not $60 billion." };
    expect(answerReply("t", contradicted).text).toBe("Contradicted — Sources say $50 billion, not $60 billion.");
    const unverified: ClaimCheck = { ...answer("low"), verdict: "unverified", reason: "Nothing in the sources confirms or contradicts this." };
    expect(answerReply("t", unverified).text).toBe(`Unverified — Nothing in the sources confirms or contradicts this.\n${LOW_CONFIDENCE}`);
  });

  it("marks an abstention, and only an abstention, on the reply", () => {
    const abstention: Answer = { query: "q", abstained: true, confidence: "none", items: [], notes: ["The sources do not say."] };
    expect(answerReply("t", abstention)).toMatchObject({ kind: "notice", text: "The sources do not say." });
    expect(isAbstention(answerReply("t", abstention))).toBe(true);
    expect(isAbstention(answerReply("t", answer("low")))).toBe(false);
    expect(isAbstention(answerReply("t", answer("high")))).toBe(false);
  });
});
