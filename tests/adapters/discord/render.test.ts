import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { notice, type Reply, type ReplyQuote } from "../../../src/reply/reply.js";
import type { Citation } from "../../../src/knowledge/types.js";
import { choicesOf } from "../../../src/adapters/discord/choices.js";
import { DISCORD_LIMITS as L } from "../../../src/adapters/discord/limits.js";
import { renderReply, shareCustomId, shareKeyOf, type DiscordMessage } from "../../../src/adapters/discord/render.js";
import { cutText, neutraliseMentions } from "../../../src/adapters/discord/text.js";
import { flattenMessage } from "./flatten.js";

const citation = (over: Partial<Citation> = {}): Citation => ({
  document: "neowin",
  title: "Microsoft weighs legal action",
  outlet: "Neowin",
  published: "2026-03-19",
  paragraph: 3,
  url: "https://www.neowin.net/news/example/",
  section: null,
  leadIn: null,
  line: 12,
  sentences: { start: 0, end: 10 },
  ...over,
});

const quote = (text: string, over: Partial<ReplyQuote> = {}): ReplyQuote => ({ text, citation: citation(), label: "Neowin, 2026-03-19, ¶3", ...over });

const answer = (over: Partial<Reply> = {}): Reply => ({
  kind: "answer",
  title: "“Is there a lawsuit?”",
  groups: [{ quotes: [quote("Microsoft is weighing legal action.")] }],
  notes: [],
  actions: ["share"],
  ephemeral: true,
  ...over,
});

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Every Discord limit the message breaks (empty when it would be accepted). */
function violations(message: DiscordMessage): string[] {
  const found: string[] = [];
  const texts: string[] = [];
  const check = (what: string, text: string | undefined, max: number): void => {
    if (text === undefined) return;
    texts.push(text);
    if (text.length > max) found.push(`${what} is ${text.length} > ${max}`);
    if (text.trim() === "") found.push(`${what} is blank`);
  };
  if (JSON.stringify(message.allowed_mentions) !== JSON.stringify({ parse: [] })) found.push("allowed_mentions is not { parse: [] }");
  check("content", message.content, L.content);
  if (message.embeds.length === 0 && !message.content) found.push("message is empty");
  if (message.embeds.length > L.embeds) found.push(`${message.embeds.length} embeds`);
  let total = 0;
  message.embeds.forEach((embed, i) => {
    check(`embed ${i} title`, embed.title, L.embedTitle);
    check(`embed ${i} description`, embed.description, L.embedDescription);
    check(`embed ${i} footer`, embed.footer?.text, L.footer);
    if ((embed.fields?.length ?? 0) > L.embedFields) found.push(`embed ${i} has too many fields`);
    for (const field of embed.fields ?? []) {
      check(`embed ${i} field name`, field.name, L.fieldName);
      check(`embed ${i} field value`, field.value, L.fieldValue);
    }
    if (!embed.title && !embed.description) found.push(`embed ${i} is empty`);
    total += (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0);
    total += (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0);
  });
  if (total > L.embedTotal) found.push(`embeds total ${total} > ${L.embedTotal}`);
  for (const row of message.components) {
    for (const button of row.components) if (button.custom_id.length > L.customId) found.push("custom_id too long");
  }
  for (const text of texts) {
    if (/@(everyone|here)/i.test(text)) found.push(`mass mention in ${JSON.stringify(text.slice(0, 60))}`);
    if (LONE_SURROGATE.test(text)) found.push("a surrogate pair was split");
  }
  return found;
}

describe("renderReply", () => {
  it("shows the title, the verbatim quote and its citation, with mentions off", () => {
    const message = renderReply(answer());
    expect(violations(message)).toEqual([]);
    expect(message.embeds[0]!.title).toBe("“Is there a lawsuit?”");
    expect(message.embeds[0]!.description).toContain("“Microsoft is weighing legal action.”");
    expect(message.embeds[0]!.description).toContain("[Neowin, 2026-03-19, ¶3](https://www.neowin.net/news/example/)");
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(message.content).toBeUndefined();
  });

  it("gives each headed group its own embed and puts notes in the footer", () => {
    const message = renderReply(
      answer({
        title: "Positions of the parties",
        groups: [
          { heading: "Microsoft", quotes: [quote("We will sue them if they breach it.", { context: "Microsoft argues:" })] },
          { heading: "Amazon", quotes: [], empty: "The sources attribute no position to Amazon." },
        ],
        notes: ["Sources differ on the figure."],
      }),
    );
    expect(message.embeds.map((e) => e.title)).toEqual(["Positions of the parties", "Microsoft", "Amazon"]);
    expect(message.embeds[1]!.description).toContain("*Microsoft argues:* “We will sue them if they breach it.”");
    expect(message.embeds[2]!.description).toBe("The sources attribute no position to Amazon.");
    expect(message.embeds[2]!.footer?.text).toBe("Sources differ on the figure.");
  });

  it("adds 👍 / 👎 buttons with the fixed custom_ids after Share, only when asked and offered", () => {
    const ids = (m: ReturnType<typeof renderReply>) => m.components.flatMap((row) => row.components.map((b) => [b.custom_id, b.label]));
    expect(ids(renderReply(answer({ actions: ["share", "feedback"] }), { shareKey: "k1", feedback: true }))).toEqual([
      [shareCustomId("k1"), "Share"],
      ["feedback_up", "👍 Helpful"],
      ["feedback_down", "👎 Not helpful"],
    ]);
    expect(ids(renderReply(answer({ actions: ["feedback"] })))).toEqual([]);
    expect(ids(renderReply(answer({ actions: ["share"] }), { feedback: true }))).toEqual([]);
  });

  it("adds a Share button only for shareable replies given a key", () => {
    const shareable = renderReply(answer(), { shareKey: "k1" });
    const button = shareable.components[0]!.components[0]!;
    expect(button.label).toBe("Share");
    expect(shareKeyOf(button.custom_id)).toBe("k1");
    expect(renderReply(answer()).components).toEqual([]);
    expect(renderReply(notice("Usage", "Please give the question."), { shareKey: "k2" }).components).toEqual([]);
    expect(shareKeyOf("something-else")).toBeNull();
    expect(() => shareCustomId("x".repeat(100))).toThrow(RangeError);
  });

  it("names who shared an answer as plain text, never as a mention", () => {
    expect(renderReply(answer(), { sharedBy: "Alice" }).content).toBe("Shared by Alice");
    const sneaky = renderReply(answer(), { sharedBy: "@everyone **boss**" }).content!;
    expect(sneaky).not.toMatch(/@everyone/);
    expect(flattenMessage({ content: sneaky })).toBe("Shared by @everyone **boss**");
  });

  it("breaks @everyone and @here everywhere, and keeps quotes readable once unescaped", () => {
    const message = renderReply(
      answer({ title: "“@everyone lawsuit?”", text: "ping @here", groups: [{ quotes: [quote("Tell @everyone: <@123> *said* so_so")] }], notes: ["@here note"] }),
    );
    expect(violations(message)).toEqual([]);
    const flat = flattenMessage(message);
    expect(flat).toContain("Tell @everyone: <@123> *said* so_so");
    expect(JSON.stringify(message)).not.toMatch(/@(everyone|here)/);
  });

  it("cuts an oversized reply with an ellipsis and says how much was left out", () => {
    const long = "The contract says a great many things about exclusivity and compute. ".repeat(120);
    const message = renderReply(answer({ title: "T".repeat(400), text: long, groups: [{ quotes: Array.from({ length: 40 }, (_, i) => quote(`${i} ${long}`)) }] }));
    expect(violations(message)).toEqual([]);
    expect(message.embeds[0]!.title).toMatch(/…$/);
    expect(message.embeds[0]!.description).toMatch(/more not shown/);
  });

  it("keeps at most 10 embeds", () => {
    const groups = Array.from({ length: 14 }, (_, i) => ({ heading: `Party ${i}`, quotes: [quote(`Quote ${i}`)] }));
    const message = renderReply(answer({ groups }));
    expect(message.embeds).toHaveLength(10);
    expect(flattenMessage(message)).toMatch(/5 more sections not shown/);
  });

  it("stays within every Discord limit for arbitrary replies", () => {
    const piece = fc.oneof(
      fc.string({ unit: "binary", maxLength: 40 }),
      fc.constantFrom("@everyone", "@here", "@EVERYONE", "<@123>", "<@&456>", "**", "__", "\\", "`", "```", "> ", "# ", "[x](https://e.com)", "😀", "\n"),
      fc.tuple(fc.string({ minLength: 1, maxLength: 6 }), fc.integer({ min: 50, max: 900 })).map(([s, n]) => s.repeat(n)),
    );
    const text = fc.array(piece, { maxLength: 10 }).map((parts) => parts.join(""));
    const quoteArb = fc.record({
      text,
      label: text,
      context: fc.option(text, { nil: undefined }),
      url: fc.option(fc.constantFrom("https://example.com/a(b)", "not a url", "https://example.com/x"), { nil: null }),
    });
    const replyArb = fc.record({
      kind: fc.constantFrom("answer", "info", "notice", "error"),
      title: text,
      text: fc.option(text, { nil: undefined }),
      groups: fc.array(
        fc.record({ heading: fc.option(text, { nil: undefined }), quotes: fc.array(quoteArb, { maxLength: 25 }), empty: fc.option(text, { nil: undefined }) }),
        { maxLength: 14 },
      ),
      notes: fc.array(text, { maxLength: 8 }),
      share: fc.boolean(),
      sharedBy: fc.option(text, { nil: undefined }),
    });
    fc.assert(
      fc.property(replyArb, (r) => {
        const reply: Reply = {
          kind: r.kind,
          title: r.title,
          ...(r.text !== undefined ? { text: r.text } : {}),
          groups: r.groups.map((g) => ({
            ...(g.heading !== undefined ? { heading: g.heading } : {}),
            ...(g.empty !== undefined ? { empty: g.empty } : {}),
            quotes: g.quotes.map((q) => ({ text: q.text, label: q.label, citation: citation({ url: q.url }), ...(q.context !== undefined ? { context: q.context } : {}) })),
          })),
          notes: r.notes,
          actions: r.share ? ["share", "feedback"] : [],
          ephemeral: true,
        };
        const message = renderReply(reply, { shareKey: "AbCdEfGh", feedback: true, ...(r.sharedBy !== undefined ? { sharedBy: r.sharedBy } : {}) });
        expect(violations(message)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe("text helpers", () => {
  it("cuts without splitting surrogate pairs or leaving a dangling escape", () => {
    expect(cutText("short", 10)).toBe("short");
    expect(cutText("😀😀😀", 4)).toBe("😀…");
    expect(cutText("abc\\*def", 5)).toBe("abc…");
    expect(cutText("anything", 0)).toBe("");
  });

  it("neutralises mass mentions in any case", () => {
    expect(neutraliseMentions("@everyone @Here @heretic")).toBe("@\u200beveryone @\u200bHere @\u200bheretic");
  });
});

describe("choicesOf", () => {
  it("returns at most 25 unique choices with names and values within 100 characters", () => {
    const suggestions = ["", "  ", "dup", "dup", ...Array.from({ length: 40 }, (_, i) => `${i} ${"long question ".repeat(12)}`)];
    const choices = choicesOf(suggestions);
    expect(choices.length).toBe(25);
    expect(new Set(choices.map((c) => c.value)).size).toBe(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeGreaterThan(0);
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeGreaterThan(0);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
    expect(choices[0]).toEqual({ name: "dup", value: "dup" });
  });
});
