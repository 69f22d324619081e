import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST_EVENT_TYPE } from "../../../src/adapters/slack/slack-adapter.js";
import type { Reply } from "../../../src/reply/reply.js";
import { seedDispatcher } from "../../support/knowledge.js";
import { flattenMessage } from "./fakes/flatten.js";
import { startSlackHarness, type SlackHarness } from "./fakes/harness.js";
import { messageShortcut, shareClick } from "./fakes/signed-requests.js";

type Block = { type: string; elements?: { type: string; value?: string; text?: unknown }[] };

/** The value of the "Share in channel" button in a posted message. */
function shareValue(body: Record<string, unknown>): string {
  const actions = (body.blocks as Block[]).find((b) => b.type === "actions");
  const value = actions?.elements?.[0]?.value;
  if (!value) throw new Error("no share button");
  return value;
}

describe("Slack adapter: share, Find sources, deliver", () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness(seedDispatcher());
  });
  afterAll(async () => {
    await h.stop();
  });

  it("shares an answer visibly in the channel, naming the sharer as plain text", async () => {
    const answer = await h.ask("ask How much did Amazon commit to invest in OpenAI?");
    const clickId = randomUUID();
    const sent = await h.interact(shareClick(shareValue(answer.body), h.fake.responseUrl(clickId), { id: "U0001", username: "Ana <@U999> López", name: "ana" }));
    expect(sent.status).toBe(200);
    const [shared] = await h.fake.waitForResponses(1, clickId);
    const body = shared?.body ?? {};
    expect(body.response_type).toBe("in_channel");
    expect(body.replace_original).toBe(false);
    expect(body.unfurl_links).toBe(false);
    const text = flattenMessage(body);
    expect(text).toContain("Shared by Ana <@U999> López");
    expect(text).toContain("$50 billion");
    expect(text).toMatch(/¶\d+/);
    expect(text).not.toContain("[Share in channel]");
    expect(JSON.stringify(body)).not.toContain("<@U999>");
  });

  it("shares an answer only for the user who asked, in the channel where it was asked", async () => {
    const answer = await h.ask("ask How much did Amazon commit to invest in OpenAI?");
    const value = shareValue(answer.body);
    const mallory = { id: "U0666", username: "mallory", name: "mallory" };
    const attempts: [Record<string, unknown>, string][] = [
      [shareClick(value, "", mallory), "another user, same channel"],
      [{ ...shareClick(value, "", mallory), channel: { id: "C0666", name: "elsewhere" }, container: { type: "message", message_ts: "1", channel_id: "C0666", is_ephemeral: true } }, "another user and channel"],
      [{ ...shareClick(value, ""), channel: { id: "C0666", name: "elsewhere" }, container: { type: "message", message_ts: "1", channel_id: "C0666", is_ephemeral: true } }, "the asker in another channel"],
    ];
    for (const [click, label] of attempts) {
      const clickId = randomUUID();
      const sent = await h.interact({ ...click, response_url: h.fake.responseUrl(clickId) });
      expect(sent.status, label).toBe(200);
      const [reply] = await h.fake.waitForResponses(1, clickId);
      expect(reply?.body, label).toMatchObject({ response_type: "ephemeral", replace_original: false });
      expect(String(reply?.body.text), label).toMatch(/only the person who asked/i);
      expect(JSON.stringify(reply?.body), label).not.toContain("$50 billion");
    }
    const ownClick = randomUUID();
    await h.interact(shareClick(value, h.fake.responseUrl(ownClick)));
    const [shared] = await h.fake.waitForResponses(1, ownClick);
    expect(shared?.body.response_type).toBe("in_channel");
  });

  it("says so when the same answer is shared twice", async () => {
    const answer = await h.ask("status");
    const value = shareValue(answer.body);
    const first = randomUUID();
    const second = randomUUID();
    await h.interact(shareClick(value, h.fake.responseUrl(first)));
    await h.fake.waitForResponses(1, first);
    await h.interact(shareClick(value, h.fake.responseUrl(second)));
    const [again] = await h.fake.waitForResponses(1, second);
    expect(again?.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(String(again?.body.text)).toMatch(/already shared/i);
  });

  it("answers a share click for an unknown or expired answer politely and ephemerally", async () => {
    const clickId = randomUUID();
    await h.interact(shareClick("no-such-answer", h.fake.responseUrl(clickId)));
    const [reply] = await h.fake.waitForResponses(1, clickId);
    expect(reply?.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(String(reply?.body.text)).toMatch(/expired.*ask again/i);
  });

  it("runs Find sources on a message and answers ephemerally with cited passages", async () => {
    const answer = await h.findSources("Microsoft says they will sue if Amazon and OpenAI breach the contract");
    expect(answer.body.response_type).toBe("ephemeral");
    const text = flattenMessage(answer.body);
    expect(text).toMatch(/sue|breach/i);
    expect(text).toMatch(/¶\d+/);
  });

  it("runs Find sources on a message in a thread", async () => {
    const id = randomUUID();
    const payload = messageShortcut("<@U0002> says Amazon is investing $50 billion in OpenAI", h.fake.responseUrl(id), { thread_ts: "1700000000.000050" });
    expect((await h.interact(payload)).status).toBe(200);
    const [answer] = await h.fake.waitForResponses(1, id);
    expect(answer?.body.thread_ts).toBe("1700000000.000050");
    expect(flattenMessage(answer?.body ?? {})).toContain("$50 billion");
    expect(JSON.stringify(answer?.body)).not.toContain("<@U0002>");
  });

  it("says there is nothing to look up for a message without text", async () => {
    const answer = await h.findSources("");
    expect(flattenMessage(answer.body)).toMatch(/no text/i);
  });

  it("answers a repeated delivery of the same shortcut once", async () => {
    const id = randomUUID();
    const payload = messageShortcut("Amazon will invest $50 billion", h.fake.responseUrl(id));
    await Promise.all([h.interact(payload), h.interact(payload)]);
    await h.fake.waitForResponses(1, id);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.fake.responses.filter((r) => r.id === id)).toHaveLength(1);
  });

  it("delivers a reply to a channel with chat.postMessage and returns its ts", async () => {
    const reply: Reply = {
      kind: "info",
      title: "Daily digest <!channel>",
      text: "What changed today & why",
      groups: [],
      notes: [],
      actions: ["share"],
      ephemeral: false,
    };
    const delivery = await h.adapter.deliver("C0042", reply);
    const call = h.fake.apiCalls.filter((c) => c.method === "chat.postMessage").at(-1);
    expect(delivery.messageId).toMatch(/^1700000000\.\d{6}$/);
    expect(call?.args.channel).toBe("C0042");
    expect(call?.args.unfurl_links).toBe("false");
    expect(call?.args.unfurl_media).toBe("false");
    expect(call?.args).not.toHaveProperty("link_names");
    expect(call?.authorization).toBe("Bearer xoxb-test-token");
    const text = flattenMessage({ blocks: call?.args.blocks });
    expect(text).toContain("Daily digest <!channel>");
    expect(text).not.toContain("[Share in channel]");
    expect(JSON.stringify(call?.args)).not.toContain("<!channel>");
  });

  it("marks a keyed post with metadata and, when it may have posted before, finds that post instead of posting twice", async () => {
    const reply: Reply = { kind: "info", title: "Daily digest", groups: [], notes: [], actions: [], ephemeral: false };
    const posts = (): number => h.fake.apiCalls.filter((c) => c.method === "chat.postMessage" && c.args.channel === "C0777").length;
    const first = await h.adapter.deliver("C0777", reply, { idempotencyKey: "digest:7:3:2026-12-01" });
    const call = h.fake.apiCalls.filter((c) => c.method === "chat.postMessage").at(-1);
    expect(call?.args.metadata).toEqual({ event_type: POST_EVENT_TYPE, event_payload: { key: "digest:7:3:2026-12-01" } });
    expect(posts()).toBe(1);

    const again = await h.adapter.deliver("C0777", reply, { idempotencyKey: "digest:7:3:2026-12-01", mayHavePosted: true });
    expect(again.messageId).toBe(first.messageId);
    expect(posts()).toBe(1);
    expect(h.fake.apiCalls.filter((c) => c.method === "conversations.history").at(-1)?.args).toMatchObject({ channel: "C0777", include_all_metadata: "true" });

    const other = await h.adapter.deliver("C0777", reply, { idempotencyKey: "digest:8:3:2026-12-02", mayHavePosted: true });
    expect(other.messageId).not.toBe(first.messageId);
    expect(posts()).toBe(2);
  });

  it("posts anyway when the channel history cannot be read", async () => {
    const history = h.fake.results.get("conversations.history");
    h.fake.results.set("conversations.history", () => ({ ok: false, error: "missing_scope" }));
    try {
      const reply: Reply = { kind: "info", title: "Daily digest", groups: [], notes: [], actions: [], ephemeral: false };
      const before = h.fake.apiCalls.filter((c) => c.method === "chat.postMessage").length;
      const delivery = await h.adapter.deliver("C0778", reply, { idempotencyKey: "digest:9:3:2026-12-01", mayHavePosted: true });
      expect(delivery.messageId).toMatch(/^1700000000\.\d{6}$/);
      expect(h.fake.apiCalls.filter((c) => c.method === "chat.postMessage").length).toBe(before + 1);
      expect(h.logs.some((l) => l.includes("could not read the channel"))).toBe(true);
    } finally {
      if (history) h.fake.results.set("conversations.history", history);
    }
  });

  it("reports a failed delivery without leaking the token", async () => {
    h.fake.results.set("chat.postMessage", () => ({ ok: false, error: "channel_not_found" }));
    try {
      const failure = h.adapter.deliver("CNOPE", { kind: "info", title: "x", groups: [], notes: [], actions: [], ephemeral: false });
      await expect(failure).rejects.toThrow(/channel_not_found/);
      await expect(failure).rejects.not.toThrow(/xoxb-/);
    } finally {
      h.fake.results.delete("chat.postMessage");
    }
  });
});
