import { describe, expect, it } from "vitest";
import { createCliAdapter } from "../../src/adapters/cli/cli-adapter.js";
import { answerReply } from "../../commands/answer-reply.js";
import { notice } from "../../src/reply/reply.js";
import { seedKnowledge } from "../support/knowledge.js";

describe("the CLI adapter", () => {
  const answer = seedKnowledge().ask("How much did Amazon commit?");
  const reply = answerReply("Answer", answer);

  it("shows a reply as text, or as the documented JSON through the reply model's JSON renderer", async () => {
    const text: string[] = [];
    await createCliAdapter({ out: (l) => text.push(l), json: false }).show(reply);
    expect(text.join("\n")).toContain(answer.items[0]!.text.slice(0, 40));
    const json: string[] = [];
    await createCliAdapter({ out: (l) => json.push(l), json: true }).show(reply);
    expect(json).toHaveLength(1);
    const parsed = JSON.parse(json[0]!) as { query: string; items: { text: string; citation: { paragraph: number } }[] };
    expect(parsed.query).toBe("How much did Amazon commit?");
    expect(parsed.items.map((i) => i.text)).toEqual(answer.items.map((i) => i.text));
  });

  it("implements the adapter interface: deliver posts a reply and names a message id", async () => {
    const lines: string[] = [];
    const adapter = createCliAdapter({ out: (l) => lines.push(l), json: true });
    await adapter.start();
    expect(adapter.isUp()).toBe(true);
    const first = await adapter.deliver("ops", notice("Digest", "Nothing new."));
    const second = await adapter.deliver("ops", notice("Digest", "Still nothing."));
    expect(first.messageId).not.toBe(second.messageId);
    expect(JSON.parse(lines[0]!)).toEqual({ channel: "ops", reply: { kind: "notice", title: "Digest", text: "Nothing new.", notes: [] } });
    await adapter.stop();
  });
});
