import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { createDiscordAdapter } from "../../../src/adapters/discord/discord-adapter.js";
import { voterHash } from "../../../src/adapters/shared/feedback.js";
import type { ChatAdapter } from "../../../src/adapters/types.js";
import type { Store } from "../../../src/db/open-store.js";
import { feedbackReportJson } from "../../support/cli-feedback.js";
import { ENGINES, useEngine } from "../../support/engines.js";
import { seedDispatcher } from "../../support/knowledge.js";
import { interact, startFakeDiscord, type FakeDiscord, type RecordedRequest, type SeenMessage } from "./fake-discord.js";
import { ALICE, BOB, buttonClick, FAKE_IDS, messageCreate, slashCommand, snowflake, threadChannel, type FakeMessage } from "./fake-payloads.js";
import { flattenMessage } from "./flatten.js";

const EPHEMERAL = 64;
const MENTION = `<@${FAKE_IDS.bot}>`;

interface PostedMessage extends SeenMessage {
  readonly message_reference?: { message_id: string; channel_id?: string; fail_if_not_exists?: boolean };
}

const customIds = (message: SeenMessage): string[] => (message.components ?? []).flatMap((row) => row.components.map((c) => c.custom_id ?? ""));
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(ENGINES)("Discord conversations and feedback on %s", (engine) => {
  const engineHarness = useEngine(engine);
  let fake: FakeDiscord | undefined;
  let adapter: ChatAdapter | undefined;
  let store: Store;

  const start = async (): Promise<FakeDiscord> => {
    store = await engineHarness.open();
    fake = await startFakeDiscord();
    adapter = createDiscordAdapter({ token: fake.token, apiUrl: fake.apiUrl, dispatcher: seedDispatcher(), log: pino({ level: "silent" }), conversations: store.conversations });
    await adapter.start();
    return fake;
  };
  afterEach(async () => {
    await adapter?.stop();
    await fake?.close();
    adapter = undefined;
    fake = undefined;
  });

  const isPostIn = (channel: string) => (r: RecordedRequest): boolean => r.method === "POST" && r.path === `/v10/channels/${channel}/messages`;
  /** Sends a MESSAGE_CREATE and waits for the bot's reply to it; resolves with the user's message id, the reply and its id. */
  const say = async (discord: FakeDiscord, message: FakeMessage): Promise<{ id: string; reply: PostedMessage; replyId: string }> => {
    const created = messageCreate(message);
    discord.dispatch("MESSAGE_CREATE", created.payload);
    const channel = message.channelId ?? FAKE_IDS.channel;
    const request = await discord.waitForRequest((r) => isPostIn(channel)(r) && (r.body as PostedMessage).message_reference?.message_id === created.id);
    return { id: created.id, reply: request.body as PostedMessage, replyId: (request.response as { id: string }).id };
  };

  it("replies to a mention without pinging anyone, cited, with feedback buttons; runs commands typed after the mention", async () => {
    const discord = await start();
    const { id, reply } = await say(discord, { content: `${MENTION} how much is amazon investing in openai?`, mentionsBot: true });
    expect(reply.message_reference).toMatchObject({ message_id: id, channel_id: FAKE_IDS.channel, fail_if_not_exists: false });
    expect(reply.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(flattenMessage(reply)).toContain("$50 billion");
    expect(flattenMessage(reply)).toMatch(/¶\d+/);
    expect(customIds(reply)).toEqual(["feedback_up", "feedback_down"]);

    const status = await say(discord, { content: `${MENTION} status`, mentionsBot: true });
    expect(flattenMessage(status.reply)).toContain("Status as of 2026-03-19");
    expect(customIds(status.reply)).toEqual([]);
  });

  it("ignores bots and messages that do not mention it", async () => {
    const discord = await start();
    discord.dispatch("MESSAGE_CREATE", messageCreate({ content: `${MENTION} status`, mentionsBot: true, bot: true }).payload);
    discord.dispatch("MESSAGE_CREATE", messageCreate({ content: "status, anyone?" }).payload);
    discord.dispatch("MESSAGE_CREATE", messageCreate({ content: `${MENTION} status`, mentionsBot: true, author: { id: FAKE_IDS.bot, username: "dispute-bot" } }).payload);
    await pause(400);
    expect(discord.requests.filter(isPostIn(FAKE_IDS.channel))).toHaveLength(0);
  });

  it("follows a reply chain: replying to the bot's answer or to the question reads a follow-up with it", async () => {
    const discord = await start();
    const first = await say(discord, { content: `${MENTION} how much is amazon investing in openai?`, mentionsBot: true });
    const toAnswer = await say(discord, { content: `${MENTION} when was that announced?`, mentionsBot: true, replyTo: first.replyId });
    expect(flattenMessage(toAnswer.reply)).toContain("Reading this with the earlier question: “how much is amazon investing in openai?”");
    expect(flattenMessage(toAnswer.reply)).toContain("$50 billion");
    const toQuestion = await say(discord, { content: `${MENTION} and microsoft?`, mentionsBot: true, replyTo: first.id, author: BOB });
    expect(flattenMessage(toQuestion.reply)).toContain("Reading this with the earlier question");

    const alone = await say(discord, { content: `${MENTION} when was that announced?`, mentionsBot: true });
    expect(flattenMessage(alone.reply)).not.toContain("earlier question");
    expect(flattenMessage(alone.reply)).not.toEqual(flattenMessage(toAnswer.reply).replace(/Reading this with the earlier question: “[^”]*”\n?/, ""));
    const own = await say(discord, { content: `${MENTION} is there a lawsuit yet?`, mentionsBot: true, replyTo: first.replyId });
    expect(flattenMessage(own.reply)).not.toContain("earlier question");
  });

  it("follows up within a thread channel, and answers direct messages", async () => {
    const discord = await start();
    const thread = threadChannel();
    discord.dispatch("THREAD_CREATE", thread);
    const threadId = String(thread.id);
    await say(discord, { content: `${MENTION} how much is amazon investing in openai?`, mentionsBot: true, channelId: threadId, channelType: 11 });
    const followUp = await say(discord, { content: `${MENTION} when was that announced?`, mentionsBot: true, channelId: threadId, channelType: 11 });
    expect(flattenMessage(followUp.reply)).toContain("Reading this with the earlier question");

    const dm = snowflake();
    const direct = await say(discord, { content: "is there a lawsuit yet?", direct: true, channelId: dm });
    expect(flattenMessage(direct.reply)).toMatch(/lawsuit/i);
    expect(direct.reply.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it("records a 👎 click privately, changes the vote on a second click, reports it, and keeps no raw user id", async () => {
    const discord = await start();
    const { replyId } = await say(discord, { content: `${MENTION} how much is amazon investing in openai?`, mentionsBot: true });
    const down = await interact(discord, buttonClick("feedback_down", BOB, FAKE_IDS.channel, replyId)).answer();
    expect(down.message.flags).toBe(EPHEMERAL);
    expect(flattenMessage(down.message)).toContain("Thanks — noted.");
    expect((await feedbackReportJson(engineHarness.settings())).total).toEqual({ up: 0, down: 1 });

    const up = await interact(discord, buttonClick("feedback_up", BOB, FAKE_IDS.channel, replyId)).answer();
    expect(flattenMessage(up.message)).toContain("Changed your vote.");
    const report = await feedbackReportJson(engineHarness.settings());
    expect(report.total).toEqual({ up: 1, down: 0 });
    expect(report.questions[0]).toMatchObject({ question: "how much is amazon investing in openai?", up: 1, down: 0 });

    const votes = await store.sql.all<{ user_hash: string }>("SELECT user_hash FROM answer_votes");
    expect(votes).toEqual([{ user_hash: voterHash(discord.token, "discord", BOB.id) }]);
    for (const table of ["answers", "answer_votes", "thread_questions"]) {
      const rows = JSON.stringify(await store.sql.all(`SELECT * FROM ${table}`));
      expect(rows).not.toContain(BOB.id);
      expect(rows).not.toContain(ALICE.id);
    }
  });

  it("puts feedback buttons on slash command answers, keyed by the answer's message", async () => {
    const discord = await start();
    const answer = await interact(discord, slashCommand({ name: "ask", options: { question: "Is there a lawsuit yet?" } })).answer();
    expect(customIds(answer.message)).toEqual([expect.stringMatching(/^dispute:share:/), "feedback_up", "feedback_down"]);
    const messageId = (answer.request.response as { id: string }).id;
    const click = await interact(discord, buttonClick("feedback_down", ALICE, FAKE_IDS.channel, messageId)).answer();
    expect(flattenMessage(click.message)).toContain("Thanks — noted.");
    const stale = await interact(discord, buttonClick("feedback_up", ALICE, FAKE_IDS.channel, snowflake())).answer();
    expect(flattenMessage(stale.message)).toMatch(/can no longer take feedback/);
    expect((await feedbackReportJson(engineHarness.settings())).questions).toEqual([
      expect.objectContaining({ question: "Is there a lawsuit yet?", up: 0, down: 1 }),
    ]);
  });
});
