import type { Reply } from "../../reply/reply.js";

/** Renders a reply as plain text for a terminal: title, quotes with citations, notes. */
export function renderText(reply: Reply): string {
  const out: string[] = [reply.title];
  if (reply.text) out.push(reply.text);
  for (const group of reply.groups) {
    if (group.heading) out.push("", `== ${group.heading} ==`);
    if (group.quotes.length === 0 && group.empty) out.push(group.empty);
    group.quotes.forEach((q, i) => {
      out.push("", `${i + 1}. ${q.context ? `[${q.context}] ` : ""}“${q.text}”`, `   — ${q.label}${q.citation.url ? ` ${q.citation.url}` : ""}`);
    });
  }
  if (reply.notes.length > 0) out.push("", ...reply.notes.map((n) => `Note: ${n}`));
  return out.join("\n");
}
