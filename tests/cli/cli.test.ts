import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli, UsageError } from "../../src/cli/main.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

async function cli(args: string[], stdin = ""): Promise<string[]> {
  const lines: string[] = [];
  await runCli(args, { out: (l) => lines.push(l), readStdin: async () => stdin });
  return lines;
}

const json = async (args: string[]): Promise<Record<string, unknown>> => JSON.parse((await cli([...args, "--json"])).join("\n")) as Record<string, unknown>;

describe("cli JSON shapes", () => {
  it("ask", async () => {
    const out = await json(["ask", "Is", "there", "a", "lawsuit", "yet?"]);
    expect(out).toMatchObject({ query: "Is there a lawsuit yet?", abstained: false });
    const item = (out.items as { text: string; citation: Record<string, unknown> }[])[0]!;
    expect(Object.keys(item.citation)).toEqual(expect.arrayContaining(["document", "title", "outlet", "published", "paragraph", "url"]));
    expect(Array.isArray(out.notes)).toBe(true);
  });

  it("cite", async () => {
    const out = await json(["cite", "Amazon committed $50B"]);
    expect(out.abstained).toBe(false);
  });

  it("positions, all and one", async () => {
    const all = await json(["positions"]);
    expect((all.parties as { party: string }[]).map((p) => p.party)).toEqual(["Microsoft", "OpenAI", "Amazon"]);
    const one = await json(["positions", "openai"]);
    expect((one.parties as { party: string }[]).map((p) => p.party)).toEqual(["OpenAI"]);
  });

  it("help: a reply without structured data renders as its kind, title and text", async () => {
    const out = await json(["help"]);
    expect(out).toMatchObject({ kind: "info", notes: [] });
    expect(String(out.text)).toContain("ask");
  });

  it("status", async () => {
    const out = await json(["status"]);
    expect(out.asOf).toBe("2026-03-19");
    expect((out.items as unknown[]).length).toBeGreaterThan(0);
  });

  it("timeline", async () => {
    const out = await json(["timeline"]);
    const items = out.items as { date: string; approximate: boolean; text: string; citation: unknown }[];
    expect(items.length).toBeGreaterThan(3);
    for (const e of items) {
      expect(e.date).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      expect(typeof e.approximate).toBe("boolean");
    }
  });

  it("sources", async () => {
    const out = await json(["sources"]);
    const items = out.items as Record<string, unknown>[];
    expect(items).toHaveLength(4);
    expect(Object.keys(items[0]!)).toEqual(expect.arrayContaining(["document", "title", "outlet", "published", "url", "paragraphs"]));
  });

  it("ask --stdin --json answers one line per question, in order", async () => {
    const lines = await cli(["ask", "--stdin", "--json"], "How much did Amazon commit?\nWhat is the capital of France?\n\nWhich AWS chips will OpenAI use?\n");
    expect(lines).toHaveLength(4);
    const parsed = lines.map((l) => JSON.parse(l) as { query: string; abstained: boolean; error?: string });
    expect(parsed.map((p) => p.query)).toEqual(["How much did Amazon commit?", "What is the capital of France?", "", "Which AWS chips will OpenAI use?"]);
    expect(parsed[1]!.abstained).toBe(true);
    expect(parsed[2]!.error).toMatch(/type a question/);
  });

  it("prints readable answers without --json", async () => {
    const text = (await cli(["ask", "Which", "AWS", "chips", "will", "OpenAI", "use?"])).join("\n");
    expect(text).toContain("Trainium");
    expect(text).toMatch(/¶\d+/);
  });
});

describe("cli bad input", () => {
  it.each([
    [["ask"], /type a question/],
    [["ask", "   "], /type a question/],
    [["frobnicate"], /unknown command/],
    [[], /usage/],
    [["ask", "a".repeat(10_000)], /too long/],
    [["ask", "what\u0000is\u0001this"], /control characters/],
    [["positions", "Google"], /unknown party/],
    [["status", "extra"], /takes no arguments/],
  ])("%j is refused with a one-line error", async (args, message) => {
    await expect(cli(args as string[])).rejects.toThrow(UsageError);
    await expect(cli(args as string[])).rejects.toThrow(message);
  });

  it("exits non-zero with one line on stderr and no stack trace", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "ask", "\u0001\u0002\u0003"], { cwd: root, encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^error: /);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it("answers from stdin in a real process", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "ask", "--stdin", "--json"], { cwd: root, encoding: "utf8", input: "is there a lawsuit yet\nwho won the world cup\n" });
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as { abstained: boolean });
    expect(lines.map((l) => l.abstained)).toEqual([false, true]);
  });
});
