import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { createDispatcher, parseCommandText } from "../../commands/dispatch.js";
import { commands, groups } from "../../commands/index.js";
import { createRateLimiter } from "../../commands/rate-limit.js";
import type { Invocation } from "../../commands/types.js";
import { seedKnowledge } from "../support/knowledge.js";

const at = (ms = 0, user = "U1"): Invocation => ({
  platform: "slack",
  user: { id: user, name: "Ada" },
  channel: { id: "C1" },
  canManageChannel: true,
  now: new Date(Date.UTC(2026, 2, 20) + ms),
});

const knowledge = seedKnowledge();
const dispatcher = createDispatcher({ knowledge: () => knowledge, rateLimiter: createRateLimiter(1000) });

describe("command definitions", () => {
  it("are data with a usage line and typed options", () => {
    const all = [...commands, ...groups.flatMap((g) => g.subcommands)];
    for (const c of all) {
      expect(c.definition.name).toMatch(/^[a-z]+$/);
      expect(c.definition.description.length).toBeLessThanOrEqual(100);
      for (const o of c.definition.options) expect(o.type).toBe("string");
    }
  });
});

describe("parseCommandText", () => {
  it("takes the rest of the line for questions", () => {
    expect(parseCommandText("/dispute ask  Is there a lawsuit yet?")).toEqual({ name: "ask", options: { question: "Is there a lawsuit yet?" } });
  });

  it("maps digest words onto options, choices first", () => {
    expect(parseCommandText("digest subscribe 08:00 daily")).toEqual({ name: "digest", subcommand: "subscribe", options: { time: "08:00", mode: "daily" } });
    expect(parseCommandText("digest subscribe 08:00 Europe/Berlin changes")).toEqual({
      name: "digest",
      subcommand: "subscribe",
      options: { time: "08:00", timezone: "Europe/Berlin", mode: "changes" },
    });
  });
});

describe("dispatcher", () => {
  it("answers ask with quotes and a share action", async () => {
    const reply = await dispatcher.runText("ask Which AWS chips will OpenAI use?", at());
    expect(reply.kind).toBe("answer");
    expect(reply.actions).toContain("share");
    expect(reply.groups[0]!.quotes[0]!.text).toContain("Trainium");
    expect(reply.groups[0]!.quotes[0]!.label).toMatch(/¶\d+/);
  });

  it("gives usage for an empty question and help for an unknown command", async () => {
    expect((await dispatcher.runText("ask", at())).text).toMatch(/Usage: \/dispute ask <question>/);
    const help = await dispatcher.runText("frobnicate", at());
    expect(help.text).toMatch(/I don't know “frobnicate”/);
    expect(help.text).toContain("/dispute ask <question>");
    expect((await dispatcher.runText("", at())).title).toMatch(/help/);
  });

  it("refuses text over 500 characters", async () => {
    expect((await dispatcher.runText(`ask ${"x ".repeat(300)}`, at())).title).toBe("Too long");
  });

  it("rate-limits each user separately and says when to retry", async () => {
    const limited = createDispatcher({ knowledge: () => knowledge, rateLimiter: createRateLimiter(2, 60_000) });
    await limited.runText("status", at(0));
    await limited.runText("status", at(1_000));
    const third = await limited.runText("status", at(2_000));
    expect(third.title).toBe("Slow down");
    expect(third.text).toMatch(/try again in 58 s/);
    expect((await limited.runText("status", at(2_000, "U2"))).kind).toBe("answer");
    expect((await limited.runText("status", at(61_000))).kind).toBe("answer");
  });

  it("turns a handler failure into a plain error reply", async () => {
    const broken = createDispatcher({
      knowledge: () => {
        throw new Error("index exploded");
      },
    });
    const reply = await broken.runText("status", at());
    expect(reply.kind).toBe("error");
    expect(reply.text).not.toContain("index exploded");
  });

  it("logs one line per command with its outcome, and the failure only on an error", async () => {
    const lines: Record<string, unknown>[] = [];
    const log = pino({ level: "info" }, new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>), done()) }));
    let explode = false;
    const logged = createDispatcher({
      knowledge: () => {
        if (explode) throw new Error("index exploded");
        return knowledge;
      },
      rateLimiter: createRateLimiter(1000),
      log,
    });
    await logged.runText("ask How much did Amazon commit?", at());
    await logged.runText("ask", at());
    explode = true;
    await logged.runText("status", at());
    expect(lines.map((l) => [l.msg, l.command, l.outcome, l.platform, l.user])).toEqual([
      ["command", "ask", "answered", "slack", "U1"],
      ["command", "ask", "refused", "slack", "U1"],
      ["command failed", "status", "error", "slack", "U1"],
    ]);
    expect(lines.every((l) => typeof l.ms === "number")).toBe(true);
    expect((lines[2]!.err as { message: string }).message).toBe("index exploded");
  });

  it("runs Find sources on a long message by cutting it to the limit", async () => {
    const reply = await dispatcher.findSources(`Amazon committed $50 billion to OpenAI. ${"blah ".repeat(200)}`, at());
    expect(reply.kind).toBe("answer");
  });

  it("says digests are unavailable when no digest service is wired", async () => {
    expect((await dispatcher.runText("digest list", at())).title).toMatch(/not available/);
  });

  it("suggests questions and time zones", () => {
    expect(dispatcher.suggest("question", "lawsuit").length).toBeGreaterThan(0);
    expect(dispatcher.suggest("timezone", "berlin")).toContain("Europe/Berlin");
  });
});

describe("invisible characters in what users type", () => {
  const INVISIBLE = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u200b-\u200d\u2060\ufeff]/;
  const hidden = "\u202eHow\u200b much did \u2066Amazon\u2069 commit\u200d to \ufeffinvest in OpenAI?\u200f\u2060";

  it("are stripped before a question or claim is echoed in the reply header", async () => {
    for (const text of [`ask ${hidden}`, `cite ${hidden}`]) {
      const reply = await dispatcher.runText(text, at());
      expect(reply.title).not.toMatch(INVISIBLE);
      expect(JSON.stringify(reply)).not.toMatch(INVISIBLE);
      expect(reply.title).toContain("How much did Amazon commit to invest in OpenAI?");
    }
  });

  it("are stripped from unknown subcommands and parties echoed back", async () => {
    expect(JSON.stringify(await dispatcher.runText("frob\u202enicate", at()))).not.toMatch(INVISIBLE);
    expect(JSON.stringify(await dispatcher.runText("positions Goo\u200bgle\u202e", at()))).not.toMatch(INVISIBLE);
  });
});

describe("preconditions declared on the definitions", () => {
  it("refuses digest changes outside a Discord server, before reading options", async () => {
    const dm: Invocation = { platform: "discord", user: { id: "U1", name: "Ada" }, channel: { id: "D1" }, canManageChannel: true, now: new Date() };
    expect((await dispatcher.runText("digest subscribe", dm)).title).toBe("Servers only");
    expect((await dispatcher.runText("digest subscribe", { ...dm, workspace: "G1" })).title).toMatch(/not available/);
  });

  it("checks option kinds: time, zone, party", async () => {
    expect((await dispatcher.runText("positions Goo\u200bgle", at())).title).toBe("Unknown party");
    expect(dispatcher.suggest("party", "open")).toEqual(["OpenAI"]);
    expect(dispatcher.suggest("timezone", "berlin", { name: "digest", subcommand: "subscribe" })).toContain("Europe/Berlin");
    expect(dispatcher.suggest("timezone", "berlin", { name: "ask" })).toEqual([]);
  });
});
