import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import type { Invocation } from "../../../commands/types.js";
import { answerInConversation, commandTextOf, FOLLOW_UP_WINDOW_MS } from "../../../src/adapters/shared/conversation.js";
import { openStore } from "../../../src/db/open-store.js";
import type { Reply } from "../../../src/reply/reply.js";
import type { ThreadKey } from "../../../src/store/conversation.js";
import { seedDispatcher } from "../../support/knowledge.js";

const log = pino({ level: "silent" });
const thread: ThreadKey = { platform: "slack", channel: "C1", thread: "1700000000.000100" };
const invocation = (now: Date): Invocation => ({ platform: "slack", user: { id: "U1", name: "U1" }, channel: { id: "C1" }, canManageChannel: true, now });

describe("a message to the bot as a command", () => {
  it.each([
    ["status", "status"],
    ["  digest   list ", "digest list"],
    ["/dispute timeline", "timeline"],
    ["Positions openai", "Positions openai"],
    ["is there a lawsuit yet?", "ask is there a lawsuit yet?"],
    ["list the arguments", "ask list the arguments"],
    ["", "help"],
    ["   ", "help"],
  ])("%j runs %j", (text, command) => {
    expect(commandTextOf(text)).toBe(command);
  });
});

describe("answering in a conversation", () => {
  it("reads a follow-up with the thread's last question within the hour, and remembers the question as read", async () => {
    const store = await openStore({ DATABASE_PATH: join(mkdtempSync(join(tmpdir(), "dispute-conv-")), "bot.db") });
    try {
      const deps = { dispatcher: seedDispatcher(), conversations: store.conversations, log };
      const sent: Reply[] = [];
      const turn = (text: string, now: Date) => ({ text, invocation: invocation(now), lookup: thread, send: async (reply: Reply) => (sent.push(reply), [thread]) });
      const start = new Date("2026-03-20T10:00:00Z");

      await answerInConversation(deps, turn("how much is amazon investing in openai?", start));
      const followUp = await answerInConversation(deps, turn("when was that announced?", new Date(start.getTime() + 60_000)));
      expect(followUp.text).toContain("Reading this with the earlier question");
      expect(await store.conversations.lastQuestion(thread, start, FOLLOW_UP_WINDOW_MS)).toBe("how much is amazon investing in openai? when was that announced?");

      await answerInConversation(deps, turn("status", new Date(start.getTime() + 120_000)));
      expect(await store.conversations.lastQuestion(thread, start, FOLLOW_UP_WINDOW_MS)).toBe("how much is amazon investing in openai? when was that announced?");

      const late = await answerInConversation(deps, turn("and microsoft?", new Date(start.getTime() + 60_000 + FOLLOW_UP_WINDOW_MS + 1)));
      expect(late.text ?? "").not.toContain("earlier question");
      expect(sent).toHaveLength(4);
    } finally {
      await store.close();
    }
  });

  it("answers on its own when the store fails", async () => {
    const store = await openStore({ DATABASE_PATH: join(mkdtempSync(join(tmpdir(), "dispute-conv-")), "bot.db") });
    await store.close();
    const sent: Reply[] = [];
    const reply = await answerInConversation(
      { dispatcher: seedDispatcher(), conversations: store.conversations, log },
      { text: "is there a lawsuit yet?", invocation: invocation(new Date()), lookup: thread, send: async (r) => (sent.push(r), [thread]) },
    );
    expect(reply.kind).toBe("answer");
    expect(sent).toEqual([reply]);
  });
});
