import { describe, expect, it } from "vitest";
import type { ConversationStore, ThreadKey } from "../../src/store/conversation.js";
import { ENGINES, useEngine } from "../support/engines.js";

const thread: ThreadKey = { platform: "slack", channel: "C1", thread: "1700000000.000100" };
const at = (iso: string): Date => new Date(iso);
const answer = (question: string, passages: string[], verdict: string | null = null) => ({ platform: "slack", channel: "C1", question, passages, verdict });

describe.each(ENGINES)("conversation store on %s", (engine) => {
  const harness = useEngine(engine);
  const conversations = async (): Promise<ConversationStore> => (await harness.open()).conversations;

  it("keeps the last question of a thread, replacing the previous one, within the age asked for", async () => {
    const store = await conversations();
    expect(await store.lastQuestion(thread, at("2026-03-01T10:00:00Z"), 60_000)).toBeNull();
    await store.rememberQuestion(thread, "how much is amazon investing?", at("2026-03-01T10:00:00Z"));
    await store.rememberQuestion(thread, "and microsoft?", at("2026-03-01T10:01:00Z"));
    expect(await store.lastQuestion(thread, at("2026-03-01T10:02:00Z"), 60_000)).toBe("and microsoft?");
    expect(await store.lastQuestion(thread, at("2026-03-01T10:02:00.001Z"), 60_000)).toBeNull();
    expect(await store.lastQuestion({ ...thread, thread: "other" }, at("2026-03-01T10:01:30Z"), 60_000)).toBeNull();
    expect(await store.lastQuestion({ ...thread, platform: "discord" }, at("2026-03-01T10:01:30Z"), 60_000)).toBeNull();
  });

  it("keeps answers by key and finds them from another store on the same database", async () => {
    const store = await conversations();
    await store.rememberAnswer("m1", answer("is there a lawsuit?", ["p1", "p2"], "unverified"), at("2026-03-01T10:00:00Z"));
    const other = await conversations();
    expect(await other.findAnswer("m1")).toEqual(answer("is there a lawsuit?", ["p1", "p2"], "unverified"));
    expect(await other.findAnswer("m2")).toBeNull();
    await other.rememberAnswer("m1", answer("is there a lawsuit yet?", ["p3"]), at("2026-03-01T10:05:00Z"));
    expect(await store.findAnswer("m1")).toEqual(answer("is there a lawsuit yet?", ["p3"]));
  });

  it("records one vote per user per answer: recorded, changed, unchanged", async () => {
    const store = await conversations();
    await store.rememberAnswer("m1", answer("q", ["p1"]), at("2026-03-01T10:00:00Z"));
    expect(await store.recordVote("m1", "u1", "up", at("2026-03-01T10:01:00Z"))).toBe("recorded");
    expect(await store.recordVote("m1", "u1", "up", at("2026-03-01T10:02:00Z"))).toBe("unchanged");
    expect(await store.recordVote("m1", "u1", "down", at("2026-03-01T10:03:00Z"))).toBe("changed");
    expect(await store.recordVote("m1", "u2", "down", at("2026-03-01T10:03:00Z"))).toBe("recorded");
    expect((await store.feedbackReport(null)).total).toEqual({ up: 0, down: 2 });
  });

  it("counts a burst of votes by one user from two stores once", async () => {
    const [a, b] = [await conversations(), await conversations()];
    await a.rememberAnswer("m1", answer("q", ["p1"]), at("2026-03-01T10:00:00Z"));
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).recordVote("m1", "u1", "up", at("2026-03-01T10:01:00Z"))));
    expect(results.filter((r) => r === "recorded")).toHaveLength(1);
    expect(results.filter((r) => r === "unchanged")).toHaveLength(9);
    expect((await a.feedbackReport(null)).total).toEqual({ up: 1, down: 0 });
  });

  it("reports totals and questions worst first, passages the union of the question's answers", async () => {
    const store = await conversations();
    await store.rememberAnswer("a1", answer("is there a lawsuit?", ["p1", "p2"]), at("2026-03-01T09:00:00Z"));
    await store.rememberAnswer("a2", answer("is there a lawsuit?", ["p2", "p3"]), at("2026-03-01T09:01:00Z"));
    await store.rememberAnswer("b1", answer("how much?", ["p9"]), at("2026-03-01T09:02:00Z"));
    await store.rememberAnswer("c1", answer("when?", ["p7"]), at("2026-03-01T09:03:00Z"));
    await store.recordVote("a1", "u1", "down", at("2026-03-01T10:00:00Z"));
    await store.recordVote("a2", "u2", "up", at("2026-03-01T10:00:00Z"));
    await store.recordVote("b1", "u1", "up", at("2026-03-01T10:00:00Z"));
    await store.recordVote("b1", "u2", "up", at("2026-03-01T10:00:00Z"));
    await store.recordVote("c1", "u3", "down", at("2026-03-01T08:00:00Z"));

    const all = await store.feedbackReport(null);
    expect(all.total).toEqual({ up: 3, down: 2 });
    expect(all.questions).toEqual([
      { question: "when?", up: 0, down: 1, passages: ["p7"] },
      { question: "is there a lawsuit?", up: 1, down: 1, passages: ["p1", "p2", "p3"] },
      { question: "how much?", up: 2, down: 0, passages: ["p9"] },
    ]);

    const recent = await store.feedbackReport(at("2026-03-01T09:30:00Z"));
    expect(recent.total).toEqual({ up: 3, down: 1 });
    expect(recent.questions.map((q) => q.question)).toEqual(["is there a lawsuit?", "how much?"]);
    expect(await store.feedbackReport(at("2026-03-02T00:00:00Z"))).toEqual({ total: { up: 0, down: 0 }, questions: [] });
  });
});
