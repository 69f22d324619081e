import { describe, expect, it } from "vitest";
import { createDispatcher } from "../../commands/dispatch.js";
import { FEEDBACK_MESSAGES, followUpLead } from "../../commands/messages.js";
import { createRateLimiter } from "../../commands/rate-limit.js";
import type { Invocation } from "../../commands/types.js";
import { renderJson } from "../../src/reply/render-json.js";
import { ENGINES, useEngine } from "../support/engines.js";
import { seedKnowledge } from "../support/knowledge.js";

const invocation = (over: Partial<Invocation> = {}): Invocation => ({
  platform: "slack",
  user: { id: "U1", name: "Ada" },
  channel: { id: "C1" },
  canManageChannel: true,
  now: new Date("2026-03-20T10:00:00Z"),
  ...over,
});

const knowledge = seedKnowledge();
const dispatcher = createDispatcher({ knowledge: () => knowledge, rateLimiter: createRateLimiter(1000) });
const quotes = (reply: { groups: readonly { quotes: readonly { text: string }[] }[] }): string[] => reply.groups.flatMap((g) => g.quotes.map((q) => q.text));

describe("ask and cite in a conversation", () => {
  const earlier = "How much is Amazon investing in OpenAI?";

  it("reads a follow-up with the earlier question, says so, and answers differently than alone", async () => {
    const alone = await dispatcher.runText("ask when was that announced?", invocation());
    const followUp = await dispatcher.runText("ask when was that announced?", invocation({ previousQuestion: earlier }));
    expect(followUp.text).toContain(followUpLead(earlier));
    expect(alone.text ?? "").not.toContain("earlier question");
    expect(quotes(followUp)).not.toEqual(quotes(alone));
    expect(quotes(followUp).join(" ")).toMatch(/\$50 billion/);
    expect(followUp.data?.type === "answer" && followUp.data.answer.query).toBe(`${earlier} when was that announced?`);
  });

  it("answers a question with its own subject alone, whatever was asked before", async () => {
    const reply = await dispatcher.runText("ask Is there a lawsuit yet?", invocation({ previousQuestion: earlier }));
    expect(reply.text ?? "").not.toContain("earlier question");
    expect(reply.data?.type === "answer" && reply.data.answer.query).toBe("Is there a lawsuit yet?");
  });

  it("reads a leaning claim with the earlier question too", async () => {
    const reply = await dispatcher.runText("cite and they said $60 billion", invocation({ previousQuestion: earlier }));
    expect(reply.text).toContain(followUpLead(earlier));
  });

  it("offers feedback on every answer, abstentions too, and sharing only on answers with passages", async () => {
    const answered = await dispatcher.runText("ask How much is Amazon investing in OpenAI?", invocation());
    expect(answered.actions).toEqual(["share", "feedback"]);
    const abstained = await dispatcher.runText("ask What is the capital of France?", invocation());
    expect(abstained.actions).toEqual(["feedback"]);
    expect((await dispatcher.runText("status", invocation())).actions).not.toContain("feedback");
  });

  it("words the feedback buttons and private answers once", () => {
    expect([FEEDBACK_MESSAGES.up, FEEDBACK_MESSAGES.down]).toEqual(["👍 Helpful", "👎 Not helpful"]);
    expect(FEEDBACK_MESSAGES.recorded.text).toBe("Thanks — noted.");
    expect(FEEDBACK_MESSAGES.changed.text).toBe("Changed your vote.");
    expect(FEEDBACK_MESSAGES.expired.text).toMatch(/can no longer take feedback/);
  });
});

describe.each(ENGINES)("/dispute feedback on %s", (engine) => {
  const harness = useEngine(engine);

  it("shows admins the votes, worst first; refuses everyone else; checks the date", async () => {
    const store = (await harness.open()).conversations;
    const at = new Date("2026-03-10T09:00:00Z");
    await store.rememberAnswer("k1", { platform: "slack", channel: "C1", question: "is there a lawsuit?", passages: ["doc_a#3"], verdict: null }, at);
    await store.rememberAnswer("k2", { platform: "discord", channel: "D1", question: "how much?", passages: ["doc_b#4"], verdict: null }, at);
    await store.recordVote("k1", "h1", "up", at);
    await store.recordVote("k2", "h1", "down", at);
    await store.recordVote("k2", "h2", "down", new Date("2026-03-12T09:00:00Z"));
    const admins = createDispatcher({ knowledge: () => knowledge, feedback: store, adminUserIds: new Set(["UADMIN"]), rateLimiter: createRateLimiter(1000) });

    const refused = await admins.runText("feedback", invocation());
    expect(refused.title).toBe("Admins only");
    expect(refused.text).toMatch(/read the feedback/);

    const summary = await admins.runText("feedback", invocation({ user: { id: "UADMIN", name: "Root" } }));
    expect(summary.text).toMatch(/👍 1 helpful, 👎 2 not helpful in all/);
    expect(summary.text!.indexOf("how much?")).toBeLessThan(summary.text!.indexOf("is there a lawsuit?"));
    expect(summary.text).toContain("doc_b#4");
    expect(renderJson(summary)).toEqual({
      total: { up: 1, down: 2 },
      questions: [
        { question: "how much?", up: 0, down: 2, passages: ["doc_b#4"] },
        { question: "is there a lawsuit?", up: 1, down: 0, passages: ["doc_a#3"] },
      ],
    });

    const manager = invocation({ platform: "discord", canManageServer: true, workspace: "G1" });
    expect((await admins.runText("feedback 2026-03-11", manager)).text).toMatch(/👍 0 helpful, 👎 1 not helpful since 2026-03-11/);
    expect((await admins.runText("feedback 2026-02-30", manager)).title).toBe("Bad date");
  });
});

describe("/dispute feedback without a store", () => {
  it("says feedback is not kept", async () => {
    expect((await dispatcher.runText("feedback", invocation({ platform: "cli" }))).title).toBe("Not available");
  });
});
