import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractDates, extractFigures } from "../../src/knowledge/facts.js";
import { checkQuery, MAX_QUERY_CHARS } from "../../src/knowledge/input.js";
import { parseSeed } from "../../src/knowledge/parse.js";
import { splitSentences } from "../../src/knowledge/sentences.js";
import { seedKnowledge } from "../support/knowledge.js";

/** Lines that look like captures: prose, headings, bullets, table rows, furniture, blanks. */
const line = fc.oneof(
  fc.string({ maxLength: 120 }),
  fc.constantFrom("", "   ", "\u00a0", "Share", "• 206 views", "Related Article: X", "Sources", "Table of Contents", "Posted Thursday 19 March 2026"),
  fc.string({ maxLength: 60 }).map((s) => `- ${s}`),
  fc.array(fc.string({ maxLength: 20 }), { minLength: 1, maxLength: 4 }).map((cells) => `| ${cells.join(" | ")} |`),
  fc.string({ maxLength: 40 }).map((s) => `— ${s}`),
  fc.lorem({ maxCount: 30 }).map((s) => `    ${s}.`),
);
const capture = fc.array(line, { maxLength: 60 }).map((lines) => lines.join("\n"));

describe("parsing arbitrary text", () => {
  it("never throws and never emits an empty passage; spans stay inside their passage", () => {
    fc.assert(
      fc.property(capture, fc.string({ maxLength: 40 }), (raw, title) => {
        const { passages } = parseSeed("doc", raw, title);
        passages.forEach((p, i) => {
          expect(p.text.trim().length).toBeGreaterThan(0);
          expect(p.paragraph).toBe(i + 1);
          for (const s of p.sentences) {
            expect(s.start).toBeGreaterThanOrEqual(0);
            expect(s.end).toBeLessThanOrEqual(p.text.length);
            expect(s.end).toBeGreaterThan(s.start);
          }
        });
      }),
      { numRuns: 400 },
    );
  });

  it("sentence spans are ordered, non-overlapping and never blank", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        let last = 0;
        for (const s of splitSentences(text)) {
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(text.slice(s.start, s.end).trim()).not.toBe("");
          last = s.end;
        }
      }),
      { numRuns: 500 },
    );
  });

  it("figure and date extraction never throws and returns well-formed values", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.option(fc.constant("2026-03-19")), (text, published) => {
        for (const f of extractFigures(text)) expect(f.key).toMatch(/^(usd|gw):[\d.e+]+$/);
        for (const d of extractDates(text, published)) expect(d.date).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      }),
      { numRuns: 500 },
    );
  });
});

describe("questions from users", () => {
  const k = seedKnowledge();

  it("checkQuery accepts or refuses any text without throwing, and never lets long text through", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 700 }), (raw) => {
        const checked = checkQuery(raw);
        if (checked.ok) expect(checked.text.length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
        else expect(checked.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it("any accepted question gets an answer or an abstention, with verbatim items only", () => {
    const texts = new Map(k.corpus.documents.map((d) => [d.id, d.passages.map((p) => p.text).join("\n")]));
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (raw) => {
        const checked = checkQuery(raw);
        if (!checked.ok) return;
        const answer = k.ask(checked.text);
        expect(answer.abstained).toBe(answer.items.length === 0);
        for (const item of answer.items) {
          for (const part of item.text.split("…").map((s) => s.trim()).filter(Boolean)) expect(texts.get(item.citation.document)).toContain(part);
        }
      }),
      { numRuns: 200 },
    );
  });
});
