import type { Knowledge } from "../knowledge/knowledge.js";
import type { Answer, AnswerItem, ClaimCheck } from "../knowledge/types.js";

/** The JSON shape of an item: verbatim text and its citation. */
function itemJson(item: AnswerItem): unknown {
  return { text: item.text, citation: item.citation };
}

/** `ask` as JSON: `{ query, abstained, confidence, items, notes }`; `cite` adds `verdict` and `reason`. */
export function answerJson(answer: Answer | ClaimCheck): unknown {
  const base = { query: answer.query, abstained: answer.abstained, confidence: answer.confidence, items: answer.items.map(itemJson), notes: answer.notes };
  return "verdict" in answer ? { ...base, verdict: answer.verdict, reason: answer.reason } : base;
}

/** `positions` as JSON: `{ parties: [{ party, items }] }`, or null for an unknown party. */
export function positionsJson(knowledge: Knowledge, party?: string): unknown {
  const found = knowledge.positions(party);
  return found === null ? null : { parties: found.map((p) => ({ party: p.party, items: p.items.map(itemJson) })) };
}

/** `status` as JSON: `{ asOf, items, notes }`. */
export function statusJson(knowledge: Knowledge): unknown {
  const s = knowledge.status();
  return { asOf: s.asOf, items: s.items.map(itemJson), notes: s.notes };
}

/** `timeline` as JSON: `{ items: [{ date, approximate, text, citation }] }`. */
export function timelineJson(knowledge: Knowledge): unknown {
  return { items: knowledge.timeline().map((e) => ({ date: e.date, approximate: e.approximate, text: e.text, citation: e.citation })) };
}

/** `sources` as JSON: `{ items: [{ document, title, outlet, published, url, paragraphs }] }`. */
export function sourcesJson(knowledge: Knowledge): unknown {
  return { items: knowledge.sources() };
}
