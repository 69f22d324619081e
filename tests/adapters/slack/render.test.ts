import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Reply, ReplyQuote } from "../../../src/reply/reply.js";
import type { Citation } from "../../../src/knowledge/types.js";
import { LIMITS, renderReply, SHARE_ACTION_ID, type SlackMessage } from "../../../src/adapters/slack/render.js";
import { flattenMessage } from "./fakes/flatten.js";

const MENTIONS = ["<!channel>", "<!here>", "<!everyone>", "<@U1>", "<@U123|ana>", "<#C1|general>", "<!subteam^S1|@team>", "<https://evil.test|click>", "&", "&amp;", "&lt;", "a > b", "\n> quoted", "*bold*", "\u0001", "\uD800", "👍🏽", "“quoted”"];

/** Text made of random strings, mention-like markup and, sometimes, very long runs. */
const text = (maxPieces = 8): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        { weight: 4, arbitrary: fc.string({ maxLength: 60 }) },
        { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
        { weight: 3, arbitrary: fc.constantFrom(...MENTIONS) },
        { weight: 1, arbitrary: fc.integer({ min: 500, max: 4000 }).map((n) => "<!channel> & ".repeat(Math.ceil(n / 13)).slice(0, n)) },
      ),
      { maxLength: maxPieces },
    )
    .map((pieces) => pieces.join(""));

const citation: fc.Arbitrary<Citation> = fc.record({
  document: fc.string({ maxLength: 20 }),
  title: text(3),
  outlet: fc.option(text(2)),
  published: fc.option(fc.constant("2026-03-19")),
  paragraph: fc.integer({ min: 1, max: 99 }),
  url: fc.option(fc.oneof(fc.webUrl(), text(2), fc.constant("https://ok.test/a?b=1&c=<2>"))),
  section: fc.option(text(2)),
  leadIn: fc.option(text(2)),
  line: fc.integer({ min: 1, max: 500 }),
  sentences: fc.record({ start: fc.nat(), end: fc.nat() }),
});

const quote: fc.Arbitrary<ReplyQuote> = fc.record(
  { text: text(), citation, label: text(3), context: text(2) },
  { requiredKeys: ["text", "citation", "label"] },
);

const reply: fc.Arbitrary<Reply> = fc.record(
  {
    kind: fc.constantFrom("answer", "info", "notice", "error"),
    title: text(4),
    text: text(),
    groups: fc.array(fc.record({ heading: text(2), quotes: fc.array(quote, { maxLength: 40 }), empty: text(2) }, { requiredKeys: ["quotes"] }), { maxLength: 6 }),
    notes: fc.array(text(3), { maxLength: 12 }),
    actions: fc.constantFrom([], ["share"] as const, ["share", "feedback"] as const, ["feedback"] as const),
    ephemeral: fc.boolean(),
  },
  { requiredKeys: ["kind", "title", "groups", "notes", "actions", "ephemeral"] },
);

interface TextField {
  readonly text: string;
  readonly type: string;
}

/** Every text object in the message, with the block type it sits in. */
function texts(message: SlackMessage): { block: string; field: TextField }[] {
  const out: { block: string; field: TextField }[] = [];
  for (const block of message.blocks) {
    const b = block as { type: string; text?: TextField; elements?: ({ type: string; text?: TextField | string } & Partial<TextField>)[] };
    if (b.text) out.push({ block: b.type, field: b.text });
    for (const element of b.elements ?? []) {
      if (typeof element.text === "string") out.push({ block: b.type, field: element as TextField });
      else if (element.text) out.push({ block: b.type, field: element.text });
    }
  }
  return out;
}

/** `<` and `>` that are not ours: our links `<http…|label>` and block-quote markers at line starts are removed first. */
function strayBrackets(mrkdwn: string): boolean {
  const withoutOurs = mrkdwn
    .replace(/<https?:\/\/[^\s<>|"]+\|[^<>]*>/g, "")
    .split("\n")
    .map((line) => line.replace(/^> /, ""))
    .join("\n");
  return /[<>]/.test(withoutOurs);
}

function checkLimits(message: SlackMessage): void {
  expect(message.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
  expect(JSON.stringify(message).length).toBeLessThan(12_000);
  expect(message.text.length).toBeGreaterThan(0);
  expect(message.text.length).toBeLessThanOrEqual(LIMITS.fallbackChars);
  expect(/[<>]/.test(message.text)).toBe(false);
  for (const { block, field } of texts(message)) {
    expect(field.text.trim().length).toBeGreaterThan(0);
    expect(field.text.length).toBeLessThanOrEqual(block === "header" ? LIMITS.headerChars : LIMITS.sectionChars);
    expect(/&(?!amp;|lt;|gt;)/.test(field.text)).toBe(false);
    expect(field.type === "mrkdwn" ? strayBrackets(field.text) : /[<>]/.test(field.text)).toBe(false);
  }
  for (const block of message.blocks) {
    if (block.type === "context") expect(block.elements.length).toBeLessThanOrEqual(10);
  }
}

const citationOf = (url: string | null = "https://www.neowin.net/a"): Citation => ({
  document: "neowin",
  title: "Microsoft weighs legal action",
  outlet: "Neowin",
  published: "2026-03-19",
  paragraph: 3,
  url,
  section: null,
  leadIn: null,
  line: 12,
  sentences: { start: 0, end: 10 },
});

const answer = (quotes: ReplyQuote[], extra: Partial<Reply> = {}): Reply => ({
  kind: "answer",
  title: "How much did Amazon invest?",
  groups: [{ quotes }],
  notes: [],
  actions: ["share"],
  ephemeral: true,
  ...extra,
});

describe("renderReply", () => {
  it("shows the title as a header, each quote as a block quote and its citation in a context line", () => {
    const message = renderReply(answer([{ text: "Amazon will invest $50 billion.", citation: citationOf(), label: "Neowin, 2026-03-19, ¶3" }]), { shareId: "abc" });
    expect(message.blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: "How much did Amazon invest?" } });
    expect(message.blocks[1]).toMatchObject({ type: "section", text: { type: "mrkdwn", text: "> Amazon will invest $50 billion.", verbatim: true } });
    expect(message.blocks[2]).toMatchObject({ type: "context", elements: [{ type: "mrkdwn", text: "<https://www.neowin.net/a|Neowin, 2026-03-19, ¶3>" }] });
    expect(message.blocks[3]).toMatchObject({ type: "actions", elements: [{ type: "button", action_id: SHARE_ACTION_ID, value: "abc" }] });
  });

  it("escapes mentions in every part of the reply", () => {
    const evil = "<!channel> <@U123> & <!here>";
    const message = renderReply({
      kind: "answer",
      title: `Sources for: ${evil}`,
      text: evil,
      groups: [{ heading: evil, quotes: [{ text: evil, citation: citationOf(evil), label: evil, context: evil }], empty: evil }],
      notes: [evil],
      actions: [],
      ephemeral: true,
    });
    const json = JSON.stringify(message);
    for (const raw of ["<!channel>", "<@U123>", "<!here>"]) expect(json).not.toContain(raw);
    expect(json).toContain("&lt;!channel&gt; &lt;@U123&gt; &amp; &lt;!here&gt;");
    expect(flattenMessage(message)).toContain(evil);
  });

  it("adds the share button only when asked and allowed", () => {
    const hasButton = (m: SlackMessage): boolean => m.blocks.some((b) => b.type === "actions");
    expect(hasButton(renderReply(answer([]), { shareId: "x" }))).toBe(true);
    expect(hasButton(renderReply(answer([])))).toBe(false);
    expect(hasButton(renderReply(answer([], { actions: [] }), { shareId: "x" }))).toBe(false);
  });

  it("adds 👍 / 👎 buttons carrying the answer's key after Share, only for replies offering feedback", () => {
    const buttons = (m: SlackMessage) => m.blocks.filter((b) => b.type === "actions").flatMap((b) => (b.type === "actions" ? b.elements : []));
    const both = buttons(renderReply(answer([], { actions: ["share", "feedback"] }), { shareId: "s1", feedbackKey: "f1" }));
    expect(both.map((b) => (b.type === "button" ? [b.action_id, b.value, b.text.text] : []))).toEqual([
      [SHARE_ACTION_ID, "s1", "Share in channel"],
      ["feedback_up", "f1", "👍 Helpful"],
      ["feedback_down", "f1", "👎 Not helpful"],
    ]);
    expect(buttons(renderReply(answer([], { actions: ["feedback"] }), { feedbackKey: "f1" })).map((b) => (b.type === "button" ? b.action_id : ""))).toEqual(["feedback_up", "feedback_down"]);
    expect(buttons(renderReply(answer([], { actions: ["share"] }), { feedbackKey: "f1" }))).toEqual([]);
    expect(buttons(renderReply(answer([], { actions: ["feedback"] })))).toEqual([]);
  });

  it("names who shared a reply as plain text, never as a mention", () => {
    const message = renderReply(answer([]), { sharedBy: "Ana <@U999>" });
    expect(JSON.stringify(message)).toContain("Shared by Ana &lt;@U999&gt;");
  });

  it("leaves out trailing quotes that do not fit and says how many", () => {
    const quotes = Array.from({ length: 60 }, (_, i) => ({ text: `Quote number ${i}. ${"words ".repeat(80)}`, citation: citationOf(), label: `Neowin, ¶${i}` }));
    const message = renderReply(answer(quotes), { shareId: "x" });
    checkLimits(message);
    const shown = message.blocks.filter((b) => b.type === "section" && b.text?.text.startsWith("> ")).length;
    expect(shown).toBeGreaterThan(3);
    expect(shown).toBeLessThan(60);
    expect(flattenMessage(message)).toContain(`${60 - shown} more quotes were left out`);
    expect(message.blocks.at(-1)?.type).toBe("actions");
  });

  it("cuts an over-long quote with an ellipsis instead of failing", () => {
    const message = renderReply(answer([{ text: "A".repeat(10_000), citation: citationOf(), label: "Neowin, ¶1" }]));
    checkLimits(message);
    const section = message.blocks[1];
    expect(section?.type === "section" && section.text?.text.endsWith("…")).toBe(true);
  });

  it("never cuts inside an escape sequence", () => {
    const message = renderReply({ ...answer([]), title: "&".repeat(400) });
    const header = message.blocks[0];
    expect(header?.type === "header" && /^(&amp;)+…$/.test(header.text.text)).toBe(true);
  });

  it("stays within every Slack limit and escapes all reply text, for any reply", () => {
    fc.assert(
      fc.property(reply, fc.option(fc.string({ minLength: 1, maxLength: 16 })), fc.option(text(2)), (r, shareId, sharedBy) => {
        const message = renderReply(r, { ...(shareId === null ? {} : { shareId, feedbackKey: shareId }), ...(sharedBy === null ? {} : { sharedBy }) });
        checkLimits(message);
        const json = JSON.stringify(message);
        for (const raw of ["<!channel>", "<!here>", "<!everyone>", "<@U1>", "<#C1|"]) expect(json).not.toContain(raw);
      }),
      // on a slow machine the runs stop after 20 s; a failure found is still reported, with the smallest case so far
      { numRuns: 300, interruptAfterTimeLimit: 20_000, markInterruptAsFailure: false },
    );
  });
});

describe("linked notes", () => {
  const cite = (paragraph: number, url: string | null): Citation => ({
    document: "d",
    title: "T",
    outlet: "Wire",
    published: "2026-12-01",
    paragraph,
    url,
    section: null,
    leadIn: null,
    line: 1,
    sentences: { start: 0, end: 1 },
  });

  it("turns each cited source's label in a note into a link to its article, whole labels only", () => {
    const reply: Reply = {
      kind: "answer",
      title: "t",
      groups: [],
      notes: ["2 sources report this: Wire, 2026-12-01, ¶12; Wire, 2026-12-01, ¶1 <!channel>."],
      noteCitations: [[cite(1, "https://wire.test/a"), cite(12, "https://wire.test/b")]],
      actions: [],
      ephemeral: true,
    };
    const json = JSON.stringify(renderReply(reply).blocks);
    expect(json).toContain("<https://wire.test/b|Wire, 2026-12-01, ¶12>");
    expect(json).toContain("<https://wire.test/a|Wire, 2026-12-01, ¶1>");
    expect(json).not.toContain("<!channel>");
  });

  it("leaves a label without a URL as text", () => {
    const reply: Reply = { kind: "answer", title: "t", groups: [], notes: ["See Wire, 2026-12-01, ¶3."], noteCitations: [[cite(3, null)]], actions: [], ephemeral: true };
    const json = JSON.stringify(renderReply(reply).blocks);
    expect(json).toContain("See Wire, 2026-12-01, ¶3.");
    expect(json).not.toContain("<http");
  });
});
