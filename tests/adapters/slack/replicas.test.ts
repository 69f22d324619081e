import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { ENGINES, useEngine } from "../../support/engines.js";
import { seedDispatcher } from "../../support/knowledge.js";
import { startSlackHarness, type SlackHarness } from "./fakes/harness.js";
import { FORM, postSigned, shareClick } from "./fakes/signed-requests.js";

type Block = { type: string; elements?: { type: string; value?: string }[] };

const shareValue = (body: Record<string, unknown>): string => {
  const value = (body.blocks as Block[]).find((b) => b.type === "actions")?.elements?.[0]?.value;
  if (!value) throw new Error("no share button");
  return value;
};
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(ENGINES)("two Slack replicas on one %s database", (engine) => {
  const harness = useEngine(engine);
  const running: SlackHarness[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((h) => h.stop()));
  });
  /** Two bot processes' Slack adapters, each with its own store connection to the same database. */
  const replicas = async (): Promise<[SlackHarness, SlackHarness]> => {
    for (let i = 0; i < 2; i++) running.push(await startSlackHarness(seedDispatcher(), { state: await harness.open() }));
    return [running[0]!, running[1]!];
  };

  it("shares on one replica an answer given by the other, once, however the clicks are spread", async () => {
    const [a, b] = await replicas();
    const answer = await a.ask("ask How much did Amazon commit to invest in OpenAI?");
    const value = shareValue(answer.body);
    const clicks = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const sent = await Promise.all(clicks.map((id, i) => (i % 2 ? a : b).interact(shareClick(value, (i % 2 ? a : b).fake.responseUrl(id)))));
    expect(sent.map((s) => s.status)).toEqual([200, 200, 200, 200]);
    const replies = await Promise.all(clicks.map((id, i) => (i % 2 ? a : b).fake.waitForResponses(1, id).then(([r]) => r!.body)));
    expect(replies.filter((r) => r.response_type === "in_channel")).toHaveLength(1);
    expect(replies.filter((r) => /already shared/i.test(String(r.text)))).toHaveLength(3);
    expect(JSON.stringify(replies.find((r) => r.response_type === "in_channel"))).toContain("$50 billion");
  });

  it("answers a command delivered again to the other replica (same trigger) once", async () => {
    const [a, b] = await replicas();
    const first = await a.command("sources");
    const again = await postSigned(b.eventsUrl, first.body, FORM);
    expect([first.status, again.status]).toEqual([200, 200]);
    await a.fake.waitForResponses(1, first.id);
    await pause(400);
    expect(a.fake.responses.filter((r) => r.id === first.id)).toHaveLength(1);
    expect(b.logs.some((line) => line.includes("ignored a repeated delivery"))).toBe(true);
  });
});
