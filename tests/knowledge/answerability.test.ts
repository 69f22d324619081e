import { describe, expect, it } from "vitest";
import { answerTypeMatch } from "../../src/knowledge/answerability.js";

describe("answer type of a question", () => {
  it("wants a sum of money for how-much questions, and a capacity for compute or power", () => {
    expect(answerTypeMatch("how much did amazon put in", "Amazon committed $50 billion to OpenAI.", null)).toBe(1);
    // a figure of another kind is near, not it
    expect(answerTypeMatch("how much did amazon put in", "Amazon secured 2GW of Trainium capacity.", null)).toBe(0.5);
    expect(answerTypeMatch("how much did amazon put in", "Amazon's investment terms require purchases.", null)).toBe(0);
    expect(answerTypeMatch("how much compute capacity does openai get", "Amazon secured 2GW of Trainium capacity.", null)).toBe(1);
  });

  it("wants a percentage for what-percent questions and a date for when-questions", () => {
    expect(answerTypeMatch("what % of revenue does ms get", "Microsoft gets 20% of revenue.", null)).toBe(1);
    expect(answerTypeMatch("what percent of openai does msft own", "Microsoft invested $13 billion.", null)).toBe(0);
    expect(answerTypeMatch("when was frontier launched", "Frontier launched February 5, 2026.", null)).toBe(1);
    expect(answerTypeMatch("when was frontier launched", "Frontier is an enterprise platform.", null)).toBe(0);
  });

  it("is neutral when the question asks for no particular type", () => {
    expect(answerTypeMatch("why is microsoft upset", "Microsoft says the deal breaches its contract.", null)).toBe(0.5);
  });
});
