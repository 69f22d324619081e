import type { AnswerItem } from "../knowledge/types.js";
import type { ReplyData } from "./data.js";
import type { Reply } from "./reply.js";

/** The JSON shape of an item: verbatim text and its citation. */
function itemJson(item: AnswerItem): unknown {
  return { text: item.text, citation: item.citation };
}

/**
 * The JSON form of a reply's data (README → CLI):
 * - `ask`: `{ query, abstained, confidence, items, notes }`; `cite` adds `verdict` and `reason`;
 * - `positions`: `{ parties: [{ party, items }] }`;
 * - `status`: `{ asOf, items, notes }`;
 * - `timeline`: `{ items: [{ date, approximate, text, citation }] }`;
 * - `sources`: `{ items: [{ document, title, outlet, published, url, paragraphs, … }] }`;
 * - `feedback`: `{ total: { up, down }, questions: [{ question, up, down, passages }] }`, worst first.
 */
export function dataJson(data: ReplyData): unknown {
  switch (data.type) {
    case "answer": {
      const a = data.answer;
      const base = { query: a.query, abstained: a.abstained, confidence: a.confidence, items: a.items.map(itemJson), notes: a.notes };
      return "verdict" in a ? { ...base, verdict: a.verdict, reason: a.reason } : base;
    }
    case "positions":
      return { parties: data.parties.map((p) => ({ party: p.party, items: p.items.map(itemJson) })) };
    case "status":
      return { asOf: data.status.asOf, items: data.status.items.map(itemJson), notes: data.status.notes };
    case "timeline":
      return { items: data.events.map((e) => ({ date: e.date, approximate: e.approximate, text: e.text, citation: e.citation })) };
    case "sources":
      return { items: data.sources };
    case "feedback":
      return { total: data.report.total, questions: data.report.questions };
  }
}

/**
 * Renders a reply as JSON: its data in the documented shape when it has data, otherwise its
 * kind, title and text (a notice, a confirmation or a refusal: `{ kind, title, text, notes }`).
 */
export function renderJson(reply: Reply): unknown {
  if (reply.data) return dataJson(reply.data);
  return { kind: reply.kind, title: reply.title, text: reply.text ?? null, notes: reply.notes };
}
