import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDispatcher, parseCommandText } from "../../commands/dispatch.js";
import { commands, groups } from "../../commands/index.js";
import { createRateLimiter } from "../../commands/rate-limit.js";
import { seedKnowledge } from "../support/knowledge.js";

const names = [...commands.map((c) => c.definition.name), ...groups.map((g) => g.definition.name)];
const commandText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.tuple(fc.constantFrom(...names, "/dispute", "DIGEST", "Ask"), fc.string({ maxLength: 120 })).map(([n, rest]) => `${n} ${rest}`),
  fc.tuple(fc.constantFrom("subscribe", "unsubscribe", "list", "preview", "nope"), fc.array(fc.string({ maxLength: 12 }), { maxLength: 5 })).map(([s, words]) => `digest ${s} ${words.join(" ")}`),
);

describe("command text parsing", () => {
  it("never throws, and only fills options the command defines", () => {
    fc.assert(
      fc.property(commandText, (text) => {
        const request = parseCommandText(text);
        const command = request.subcommand
          ? groups.find((g) => g.definition.name === request.name)?.subcommands.find((c) => c.definition.name === request.subcommand)
          : commands.find((c) => c.definition.name === request.name);
        const allowed = new Set(command?.definition.options.map((o) => o.name) ?? []);
        for (const key of Object.keys(request.options)) expect(allowed.has(key)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("every text gets a reply with a title, never an exception", async () => {
    const knowledge = seedKnowledge();
    const dispatcher = createDispatcher({ knowledge: () => knowledge, rateLimiter: createRateLimiter(100_000) });
    await fc.assert(
      fc.asyncProperty(commandText, async (text) => {
        const reply = await dispatcher.runText(text, { platform: "slack", user: { id: "U1", name: "a" }, channel: { id: "C1" }, canManageChannel: true, now: new Date() });
        expect(reply.title.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});
