import type { Command, CommandDefinition } from "./types.js";

export const sourcesDefinition = {
  name: "sources",
  description: "What the bot knows: the source articles, their outlets, dates and coverage",
  usage: "sources",
  options: [],
  preconditions: ["rate-limit"],
} as const satisfies CommandDefinition;

/** `/dispute sources`: every source article with outlet, date and paragraph count. */
export const sources: Command<typeof sourcesDefinition> = {
  definition: sourcesDefinition,
  handle(_options, { knowledge }) {
    const list = knowledge().sources();
    const lines = list.map((s) => {
      const who = [s.outlet, s.author ? `by ${s.author}` : null].filter(Boolean).join(" ") || "outlet not shown";
      const covers = s.sections.length > 0 ? ` Covers: ${s.sections.slice(0, 4).join("; ")}.` : "";
      return `• “${s.title}” — ${who}, ${s.published ?? "date not shown"}, ${s.paragraphs} paragraphs.${covers}`;
    });
    return {
      kind: "info",
      title: `${list.length} source article${list.length === 1 ? "" : "s"}`,
      text: lines.join("\n"),
      groups: [],
      notes: [],
      actions: [],
      ephemeral: true,
    };
  },
};
