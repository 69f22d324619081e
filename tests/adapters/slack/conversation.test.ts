import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { voterHash } from "../../../src/adapters/shared/feedback.js";
import type { Store } from "../../../src/db/open-store.js";
import { feedbackReportJson as feedbackReport } from "../../support/cli-feedback.js";
import { ENGINES, useEngine } from "../../support/engines.js";
import { seedDispatcher } from "../../support/knowledge.js";
import type { ApiCall } from "./fakes/fake-slack.js";
import { flattenMessage } from "./fakes/flatten.js";
import { startSlackHarness, type SlackHarness } from "./fakes/harness.js";
import { appMention, buttonClick, directMessage, eventEnvelope, SIGNING_SECRET } from "./fakes/signed-requests.js";

interface Button {
  readonly action_id: string;
  readonly value: string;
}

const buttonsOf = (args: Record<string, unknown>): Button[] =>
  ((args.blocks ?? []) as { type: string; elements?: Button[] }[]).filter((b) => b.type === "actions").flatMap((b) => b.elements ?? []);
const textOf = (call: ApiCall): string => flattenMessage(call.args);
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(ENGINES)("Slack conversations and feedback on %s", (engine) => {
  const engineHarness = useEngine(engine);
  let h: SlackHarness | undefined;
  let store: Store;

  const start = async (): Promise<SlackHarness> => {
    store = await engineHarness.open();
    h = await startSlackHarness(seedDispatcher(), { conversations: store.conversations });
    return h;
  };
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  /** Sends an event and waits for the bot's `count`-th chat.postMessage in all. */
  const posted = async (slack: SlackHarness, event: Record<string, unknown>, count: number): Promise<ApiCall> => {
    const sent = await slack.event(eventEnvelope(event));
    expect(sent.status).toBe(200);
    const calls = await slack.fake.waitForApiCalls("chat.postMessage", count);
    return calls[count - 1]!;
  };

  it("answers a mention visibly in its thread, with citations and feedback buttons, and runs commands typed after it", async () => {
    const slack = await start();
    const mention = appMention("<@UBOT> how much is amazon investing in openai?");
    const answer = await posted(slack, mention, 1);
    expect(answer.args).toMatchObject({ channel: "C0001", thread_ts: mention.ts });
    expect(textOf(answer)).toContain("$50 billion");
    expect(textOf(answer)).toMatch(/¶\d+/);
    expect(buttonsOf(answer.args).map((b) => b.action_id)).toEqual(["feedback_up", "feedback_down"]);

    const status = await posted(slack, appMention("<@UBOT> status"), 2);
    expect(textOf(status)).toContain("Status as of 2026-03-19");
  });

  it("never answers a retried or repeated event twice", async () => {
    const slack = await start();
    const envelope = eventEnvelope(appMention("<@UBOT> is there a lawsuit yet?"));
    expect((await slack.event(envelope)).status).toBe(200);
    await slack.fake.waitForApiCalls("chat.postMessage", 1);
    expect((await slack.event(envelope, { retryNum: 1 })).status).toBe(200);
    expect((await slack.event(envelope)).status).toBe(200);
    await pause(400);
    expect(slack.fake.apiCalls.filter((c) => c.method === "chat.postMessage")).toHaveLength(1);
  });

  it("reads a follow-up in the thread with the thread's question, and a question with its own subject alone", async () => {
    const slack = await start();
    const first = appMention("<@UBOT> how much is amazon investing in openai?");
    await posted(slack, first, 1);

    const followUp = await posted(slack, appMention("<@UBOT> when was that announced?", { thread_ts: String(first.ts) }), 2);
    expect(followUp.args.thread_ts).toBe(first.ts);
    expect(textOf(followUp)).toContain("Reading this with the earlier question: “how much is amazon investing in openai?”");
    expect(textOf(followUp)).toContain("$50 billion");

    const alone = await posted(slack, appMention("<@UBOT> when was that announced?"), 3);
    expect(textOf(alone)).not.toContain("earlier question");
    const quotes = (call: ApiCall): string => textOf(call).split("\n").filter((l) => /¶\d+/.test(l) || l.length > 60).join("\n");
    expect(quotes(followUp)).not.toEqual(quotes(alone));

    const own = await posted(slack, appMention("<@UBOT> is there a lawsuit yet?", { thread_ts: String(first.ts) }), 4);
    expect(textOf(own)).not.toContain("earlier question");
    expect(textOf(own)).toMatch(/lawsuit/i);
  });

  it("answers direct messages in the direct message, with follow-ups, and ignores bots and edits", async () => {
    const slack = await start();
    const answer = await posted(slack, directMessage("how much is amazon investing in openai?"), 1);
    expect(answer.args.channel).toBe("D0001");
    expect(answer.args.thread_ts).toBeUndefined();
    expect(textOf(answer)).toContain("$50 billion");

    await slack.event(eventEnvelope(directMessage("ignored: a bot wrote this", { bot_id: "B0002" })));
    await slack.event(eventEnvelope(directMessage("ignored: an edit", { subtype: "message_changed" })));
    const followUp = await posted(slack, directMessage("when was that announced?"), 2);
    expect(textOf(followUp)).toContain("Reading this with the earlier question");
    await pause(200);
    expect(slack.fake.apiCalls.filter((c) => c.method === "chat.postMessage")).toHaveLength(2);
  });

  it("records a 👎 click privately, changes the vote on a second click, reports it, and keeps no raw user id", async () => {
    const slack = await start();
    const answer = await posted(slack, appMention("<@UBOT> how much is amazon investing in openai?"), 1);
    const down = buttonsOf(answer.args).find((b) => b.action_id === "feedback_down")!;
    const reply = randomUUID();
    expect((await slack.interact(buttonClick("feedback_down", down.value, slack.fake.responseUrl(reply)))).status).toBe(200);
    const [thanks] = await slack.fake.waitForResponses(1, reply);
    expect(thanks!.body).toMatchObject({ response_type: "ephemeral", replace_original: false, text: "Thanks — noted." });

    const report = await feedbackReport(engineHarness.settings());
    expect(report.total).toEqual({ up: 0, down: 1 });
    expect(report.questions).toHaveLength(1);
    expect(report.questions[0]).toMatchObject({ question: "how much is amazon investing in openai?", up: 0, down: 1 });
    expect(report.questions[0]!.passages.length).toBeGreaterThan(0);
    expect(report.questions[0]!.passages[0]).toMatch(/^[\w-]+#\d+$/);

    const again = randomUUID();
    await slack.interact(buttonClick("feedback_up", down.value, slack.fake.responseUrl(again)));
    const [changed] = await slack.fake.waitForResponses(1, again);
    expect(changed!.body.text).toBe("Changed your vote.");
    expect((await feedbackReport(engineHarness.settings())).total).toEqual({ up: 1, down: 0 });
    expect((await feedbackReport(engineHarness.settings(), ["--since", "2999-01-01"])).total).toEqual({ up: 0, down: 0 });

    const votes = await store.sql.all<{ user_hash: string }>("SELECT user_hash FROM answer_votes");
    expect(votes).toEqual([{ user_hash: voterHash(SIGNING_SECRET, "slack", "U0001") }]);
    for (const table of ["answers", "answer_votes", "thread_questions"]) {
      expect(JSON.stringify(await store.sql.all(`SELECT * FROM ${table}`))).not.toContain("U0001");
    }
  });

  it("puts feedback buttons on slash command answers, and says an unknown answer takes no feedback", async () => {
    const slack = await start();
    const answer = await slack.ask("ask Is there a lawsuit yet?");
    const buttons = buttonsOf(answer.body);
    expect(buttons.map((b) => b.action_id)).toEqual(["dispute_share", "feedback_up", "feedback_down"]);
    const click = randomUUID();
    await slack.interact(buttonClick("feedback_up", buttons[1]!.value, slack.fake.responseUrl(click)));
    expect((await slack.fake.waitForResponses(1, click))[0]!.body.text).toBe("Thanks — noted.");

    const stale = randomUUID();
    await slack.interact(buttonClick("feedback_down", "no-such-answer", slack.fake.responseUrl(stale)));
    expect((await slack.fake.waitForResponses(1, stale))[0]!.body.text).toMatch(/can no longer take feedback/);
    expect((await feedbackReport(engineHarness.settings())).total).toEqual({ up: 1, down: 0 });
  });
});
