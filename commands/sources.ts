import type { Reply } from "../src/reply/reply.js";
import { UserError } from "./errors.js";
import type { Command, CommandContext, CommandDefinition } from "./types.js";

export const sourcesDefinition = {
  name: "sources",
  description: "What the bot knows: the source articles, their outlets, dates and coverage",
  usage: "sources [add <url> | remove <document|url>]",
  options: [
    {
      name: "action",
      description: "Admins: add an article by its URL, or remove one that was added",
      type: "string",
      kind: "text",
      required: false,
      maxLength: 10,
      choices: [
        { name: "add", value: "add" },
        { name: "remove", value: "remove" },
      ],
    },
    {
      name: "target",
      description: "The article's URL (add), or the document or URL of an added article (remove)",
      type: "string",
      kind: "text",
      required: false,
      maxLength: 2000,
    },
  ],
  preconditions: ["rate-limit"],
} as const satisfies CommandDefinition;

/** The list of sources, open to everyone. */
function listing({ knowledge }: CommandContext): Reply {
  const list = knowledge().sources();
  const lines = list.map((s) => {
    const who = [s.outlet, s.author ? `by ${s.author}` : null].filter(Boolean).join(" ") || "outlet not shown";
    const covers = s.sections.length > 0 ? ` Covers: ${s.sections.slice(0, 4).join("; ")}.` : "";
    const how = s.addedVia === "seed" ? "" : ` Added ${s.addedVia === "url" ? "by URL" : "from a feed"}${s.addedAt ? ` on ${s.addedAt.slice(0, 10)}` : ""}.`;
    return `• “${s.title}” — ${who}, ${s.published ?? "date not shown"}, ${s.paragraphs} paragraphs.${covers}${how}`;
  });
  return {
    kind: "info",
    title: `${list.length} source article${list.length === 1 ? "" : "s"}`,
    text: lines.join("\n"),
    groups: [],
    notes: [],
    actions: [],
    ephemeral: true,
    data: { type: "sources", sources: list },
  };
}

const confirmation = (title: string, text: string): Reply => ({ kind: "info", title, text, groups: [], notes: [], actions: [], ephemeral: true });

/**
 * `/dispute sources`: every source article with outlet, date and paragraph count, and how it came
 * in. Admins may also `add <url>` (fetched under the safety rules, stored, answerable at once) and
 * `remove <document|url>` an added article.
 */
export const sources: Command<typeof sourcesDefinition> = {
  definition: sourcesDefinition,
  async handle({ action, target }, context) {
    if (action === undefined) return listing(context);
    context.requireAdmin();
    if (!context.sources) throw new UserError("sources-unavailable");
    if (target === undefined) throw new UserError("usage", { option: "target", detail: `Please give the ${action === "add" ? "article's URL" : "document or URL"}.` });
    if (action === "add") {
      if (!/^https?:\/\/\S+$/i.test(target)) throw new UserError("bad-url", { option: "target", input: target });
      let result;
      try {
        result = await context.sources.add(target);
      } catch (error) {
        throw new UserError("source-failed", { detail: (error as Error).message.slice(0, 300) });
      }
      if ("duplicate" in result) return confirmation("Already known", `That article is already served (${result.duplicate.document}); nothing was added.`);
      const a = result.added;
      const where = [a.outlet, a.published].filter(Boolean).join(", ");
      return confirmation("Source added", `“${a.title}”${where ? ` (${where})` : ""}: ${a.paragraphs} paragraphs, answerable now.`);
    }
    if (action === "remove") {
      const removed = context.sources.remove(target);
      if (!removed) throw new UserError("unknown-source", { input: target });
      return confirmation("Source removed", `“${removed.title}” is no longer served.`);
    }
    throw new UserError("usage", { option: "action" });
  },
};
