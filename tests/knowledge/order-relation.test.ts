import { describe, expect, it } from "vitest";
import { compareOrder, isRelationWord, spellRanks } from "../../src/knowledge/order-relation.js";

const STOP = new Set(["the", "a", "and", "than", "got", "did", "makes", "making", "was", "on", "to", "by", "its"]);
const terms = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9 ]/g, " ")
    .split(/\s+/)
    .filter((w) => w.length > 1 && !STOP.has(w));

const TRAINIUM =
  "Amazon also secured 2GW of Trainium chip capacity commitments from OpenAI—validating AWS's custom silicon strategy and making OpenAI the second major AI lab (after Anthropic) to adopt Amazon's Nvidia alternative.";

describe("order and comparison in claims", () => {
  it("finds the order a source states, in the same words or the opposite ones with the sides swapped", () => {
    expect(compareOrder("anthropic got on trainium before openai did", TRAINIUM, terms)).toBe("agrees");
    expect(compareOrder("openai got on trainium after anthropic", TRAINIUM, terms)).toBe("agrees");
    expect(compareOrder("openai got on trainium before anthropic did", TRAINIUM, terms)).toBe("reversed");
    expect(compareOrder("aws makes more money than azure", "Azure earns less than AWS", terms)).toBe("agrees");
    expect(compareOrder("aws makes less money than azure", "AWS earns more than Azure", terms)).toBe("reversed");
  });

  it("holds a rank to the side of the words it belongs to, and reads a passive's agent as its doer", () => {
    expect(compareOrder("anthropic was the second lab on trainium", TRAINIUM, terms)).toBe("reversed");
    expect(compareOrder("openai was the second lab on trainium", TRAINIUM, terms)).toBe("agrees");
    const memo = "Amazon gave staff guidance, according to an internal memo first reported by Business Insider.";
    expect(compareOrder("business insider was first to report the memo", memo, terms)).toBe("agrees");
  });

  it("holds every order a claim states, and reads numbered ranks", () => {
    expect(spellRanks("openai is #2 on trainium, the 1st was anthropic; #12 and 2nds stay")).toBe("openai is second on trainium, the first was anthropic; #12 and 2nds stay");
    expect(compareOrder(spellRanks("openai is #2 on trainium after anthropic"), TRAINIUM, terms)).toBe("agrees");
    expect(compareOrder(spellRanks("openai is #2 on trainium before anthropic"), TRAINIUM, terms)).toBe("reversed");
  });

  it("says when a claim states no order, or the source states none", () => {
    expect(compareOrder("openai uses trainium", TRAINIUM, terms)).toBe("none");
    // "more" without "than" compares nothing
    expect(compareOrder("microsoft wants more money", "Microsoft wants money", terms)).toBe("none");
    expect(compareOrder("aws makes more money than azure", "AWS revenue is big", terms)).toBe("unstated");
    // a rank the sentence does not give is left to the rank comparison
    expect(compareOrder("openai is the first lab on trainium", "OpenAI adopted Trainium.", terms)).toBe("none");
  });

  it("tells order and comparison words from others", () => {
    expect(isRelationWord("before")).toBe(true);
    expect(isRelationWord("less")).toBe(true);
    expect(isRelationWord("second")).toBe(false);
    expect(isRelationWord("money")).toBe(false);
  });
});
