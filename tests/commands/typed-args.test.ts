import { describe, expect, expectTypeOf, it } from "vitest";
import { ask } from "../../commands/ask.js";
import { subscribe } from "../../commands/digest.js";
import { UserError } from "../../commands/errors.js";
import { USER_ERROR_MESSAGES } from "../../commands/messages.js";
import { positions } from "../../commands/positions.js";
import type { ArgsOf, Command, CommandDefinition } from "../../commands/types.js";
import { seedKnowledge } from "../support/knowledge.js";

const context = {
  knowledge: seedKnowledge,
  digests: null,
  sources: null,
  feedback: null,
  invocation: { platform: "console", user: { id: "u", name: "u" }, channel: { id: "c" }, canManageChannel: true, now: new Date() },
  requireAdmin: () => undefined,
} as const;

describe("handler arguments typed from the command definition", () => {
  it("maps required options to required properties and optional ones to optional", () => {
    expectTypeOf<ArgsOf<typeof ask.definition>>().toEqualTypeOf<{ readonly question: string }>();
    expectTypeOf<ArgsOf<typeof subscribe.definition>>().toEqualTypeOf<{ readonly time: string; readonly timezone?: string; readonly mode?: string }>();
    expectTypeOf<ArgsOf<typeof positions.definition>>().toEqualTypeOf<{ readonly party?: string }>();
  });

  it("maps integer options to numbers", () => {
    const definition = {
      name: "top",
      description: "d",
      usage: "top <n>",
      options: [{ name: "count", description: "d", type: "integer", kind: "text", required: true }],
      preconditions: [],
    } as const satisfies CommandDefinition;
    expectTypeOf<ArgsOf<typeof definition>>().toEqualTypeOf<{ readonly count: number }>();
  });

  it("refuses a misspelt or missing option at compile time", () => {
    const command: Command<typeof ask.definition> = {
      definition: ask.definition,
      handle(args) {
        // @ts-expect-error: the option is `question`
        void args.questoin;
        return ask.handle(args, context);
      },
    };
    // @ts-expect-error: `question` is required
    const missing = () => command.handle({}, context);
    expect(typeof missing).toBe("function");
    expect(command.handle({ question: "Is there a lawsuit yet?" }, context)).toMatchObject({ kind: expect.any(String) });
  });
});

describe("user errors", () => {
  it("have a message in the catalogue for every identifier", () => {
    for (const [code, message] of Object.entries(USER_ERROR_MESSAGES)) {
      const worded = message({ option: "time", input: "25:00", maxLength: 5, retryAfterSeconds: 3, choices: ["A"] });
      expect(worded.title.length, code).toBeGreaterThan(0);
      expect(worded.text.length, code).toBeGreaterThan(0);
    }
    expect(new UserError("bad-time", { input: "25:00" }).identifier).toBe("bad-time");
  });
});
