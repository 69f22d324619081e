import { describe, expect, it } from "vitest";
import { cleanChatQuery } from "../../src/knowledge/chat-query.js";

describe("cleanChatQuery", () => {
  it("drops chat filler around the question", () => {
    expect(cleanChatQuery("wait so did msft actually sue?? lol")).toBe("did msft sue?");
    expect(cleanChatQuery("dumb q but what's the SRE")).toBe("what is the SRE");
    expect(cleanChatQuery("ngl confused, who's paying who")).toBe("who is paying who");
    expect(cleanChatQuery("eli5 the stateless thing pls")).toBe("the stateless thing");
    // how a claim is put up for checking
    expect(cleanChatQuery("wait is it true that amazon paid 50b upfront")).toBe("amazon paid 50b upfront");
    expect(cleanChatQuery("the ft broke this story, yeah?")).toBe("the ft broke this story");
    expect(cleanChatQuery("fyi amzn + oai announced it on feb 27")).toBe("amzn and oai announced it on feb 27");
    expect(cleanChatQuery("sanity check: iiuc ms is lowkey mad about the deal")).toBe("ms is mad about the deal");
  });

  it("spells out general chat shorthand and leaves story abbreviations alone", () => {
    expect(cleanChatQuery("whats the deal w/ ms and oai")).toBe("what is the deal with ms and oai");
    expect(cleanChatQuery("how much did amzn put in b/c of frontier")).toBe("how much did amzn put in because of frontier");
    expect(cleanChatQuery("theyd rather settle, incl amzn")).toBe("they would rather settle, including amzn");
  });

  it("keeps a message that is only filler as it was, and strips mentions and zero-width characters", () => {
    expect(cleanChatQuery("lol")).toBe("lol");
    expect(cleanChatQuery("<@123456> is there\u200b a lawsuit")).toBe("is there a lawsuit");
  });
});
