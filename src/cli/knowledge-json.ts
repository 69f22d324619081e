import type { Knowledge } from "../knowledge/knowledge.js";
import type { Answer, AnswerItem } from "../knowledge/types.js";

/** The JSON shape of an item: verbatim text and its citation. */
function itemJson(item: AnswerItem): unknown {
  return { text: item.text, citation: item.citation };
}

/** `ask`/`cite` as JSON: `{ query, abstained, items, notes }`. */
export function answerJson(answer: Answer): unknown {
  return { query: answer.query, abstained: answer.abstained, items: answer.items.map(itemJson), notes: answer.notes };
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
