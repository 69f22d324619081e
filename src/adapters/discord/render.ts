import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponentWithCustomId, type APIEmbed } from "discord.js";
import { FEEDBACK_MESSAGES } from "../../../commands/messages.js";
import type { Reply, ReplyQuote } from "../../reply/reply.js";
import { FEEDBACK_DOWN_ID, FEEDBACK_UP_ID } from "../shared/feedback.js";
import { DISCORD_LIMITS as L } from "./limits.js";
import { cutText, isBlank, literalText, neutraliseMentions } from "./text.js";

/** A message body in Discord API shape, already within every Discord limit. */
export interface DiscordMessage {
  readonly content?: string;
  readonly embeds: APIEmbed[];
  readonly components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  readonly allowed_mentions: { readonly parse: [] };
}

/** How to render a reply beyond its own content. */
export interface RenderOptions {
  /** Adds a "Share" button carrying this key, when the reply offers the share action. */
  readonly shareKey?: string;
  /** For an answer posted visibly: the display name of the member who shared it. */
  readonly sharedBy?: string;
  /** Adds 👍 / 👎 buttons (custom_id `feedback_up`, `feedback_down`), when the reply offers feedback. */
  readonly feedback?: boolean;
}

const SHARE_PREFIX = "dispute:share:";
const NOTES_MAX = 1500;
const FALLBACK_TITLE = "dispute-bot";
const COLORS: Record<Reply["kind"], number> = { answer: 0x5865f2, info: 0x4f545c, notice: 0xfee75c, error: 0xed4245 };

/** The custom_id of the Share button for a cached answer. */
export function shareCustomId(key: string): string {
  const id = `${SHARE_PREFIX}${key}`;
  if (id.length > L.customId) throw new RangeError("share key too long for a custom_id");
  return id;
}

/** The cache key in a Share button's custom_id, or null when the id is not a Share button. */
export function shareKeyOf(customId: string): string | null {
  return customId.startsWith(SHARE_PREFIX) ? customId.slice(SHARE_PREFIX.length) : null;
}

/** The feedback key of the answer on a message: its id, known once the message is posted (custom_ids are fixed). */
export function feedbackKeyOf(messageId: string): string {
  return `discord:${messageId}`;
}

/** A piece of an embed description that can shrink to fit the space left. */
interface Block {
  readonly text: string;
  fit(max: number): string;
}

interface Section {
  readonly title: string;
  readonly blocks: readonly Block[];
}

const plainBlock = (text: string): Block => ({ text, fit: (max) => cutText(text, max) });

function quoteBlock(quote: ReplyQuote): Block {
  const context = isBlank(quote.context) ? "" : `*${literalText(quote.context!.replace(/\s+/g, " ").trim())}* `;
  const label = literalText(quote.label.replace(/\[/g, "(").replace(/]/g, ")"));
  const url = quote.citation.url;
  const cite = url && /^https?:\/\/\S+$/.test(url) ? `[${label}](${url.replace(/\(/g, "%28").replace(/\)/g, "%29")})` : label;
  const quoted = literalText(quote.text).replace(/\n/g, "\n> ");
  const build = (body: string): string => `> ${context}“${body}”\n— ${cite}`;
  const text = build(quoted);
  return {
    text,
    fit(max) {
      if (text.length <= max) return text;
      const room = max - (text.length - quoted.length);
      return room >= 16 ? build(cutText(quoted, room)) : cutText(text, max);
    },
  };
}

function sectionsOf(reply: Reply): Section[] {
  const main: Block[] = isBlank(reply.text) ? [] : [plainBlock(neutraliseMentions(reply.text!))];
  const sections: Section[] = [{ title: reply.title, blocks: main }];
  for (const group of reply.groups) {
    const blocks = group.quotes.length > 0 ? group.quotes.map(quoteBlock) : isBlank(group.empty) ? [] : [plainBlock(literalText(group.empty!))];
    if (isBlank(group.heading)) main.push(...blocks);
    else sections.push({ title: group.heading!, blocks });
  }
  return sections.filter((s, i) => i === 0 || !isBlank(s.title) || s.blocks.length > 0);
}

/** Packs whole blocks while they fit, shrinking the first one if none does; counts what was left out. */
function pack(blocks: readonly Block[], max: number): string {
  const parts: string[] = [];
  let length = 0;
  for (const block of blocks) {
    const added = (parts.length > 0 ? 2 : 0) + block.text.length;
    if (length + added > max) break;
    parts.push(block.text);
    length += added;
  }
  const moreLine = (left: number): string => `*…and ${left} more not shown.*`;
  if (parts.length === 0 && blocks[0]) {
    const more = blocks.length > 1 ? moreLine(blocks.length - 1) : "";
    const room = more === "" ? max : max - more.length - 2;
    const first = blocks[0].fit(Math.max(0, room));
    return more !== "" && room > 0 && !isBlank(first) ? `${first}\n\n${more}` : blocks[0].fit(max);
  }
  let left = blocks.length - parts.length;
  while (left > 0) {
    const more = moreLine(left);
    const joined = [...parts, more].join("\n\n");
    if (joined.length <= max) return joined;
    if (parts.length <= 1) break;
    parts.pop();
    left += 1;
  }
  return parts.join("\n\n");
}

function layout(sections: readonly Section[], footer: string, color: number): APIEmbed[] {
  const shown = sections.slice(0, L.embeds);
  const hidden = sections.length - shown.length;
  if (hidden > 0) {
    const last = shown[shown.length - 1]!;
    shown[shown.length - 1] = { ...last, blocks: [...last.blocks, plainBlock(`*…and ${hidden} more sections not shown.*`)] };
  }
  const titles = shown.map((s, i) => {
    const title = isBlank(s.title) ? (i === 0 ? FALLBACK_TITLE : "") : s.title.replace(/\s+/g, " ").trim();
    return title === "" ? "" : cutText(literalText(title), L.embedTitle);
  });
  // one character per embed stays in reserve for the "—" placeholder of an otherwise empty embed
  let budget = L.embedTotal - footer.length - titles.reduce((sum, t) => sum + t.length, 0) - shown.length;
  return shown.map((section, i) => {
    const share = Math.min(L.embedDescription, Math.floor(budget / (shown.length - i)));
    const description = pack(section.blocks, share);
    budget -= description.length;
    const embed: APIEmbed = { color };
    if (titles[i]) embed.title = titles[i];
    if (!isBlank(description)) embed.description = description;
    if (i === shown.length - 1 && footer !== "") embed.footer = { text: footer };
    if (!embed.title && !embed.description) embed.description = "—";
    return embed;
  });
}

/**
 * Renders a reply as a Discord message: a titled embed for the reply (and one per headed group),
 * each quote verbatim with its citation, notes in the footer, and optional Share and 👍 / 👎 buttons.
 * Pure; the result always fits Discord's limits (text is cut with "…") and never pings anyone.
 */
export function renderReply(reply: Reply, options: RenderOptions = {}): DiscordMessage {
  const notes = reply.notes.filter((n) => !isBlank(n)).map((n) => neutraliseMentions(n.trim()));
  const footer = cutText(notes.join("\n"), NOTES_MAX);
  const embeds = layout(sectionsOf(reply), isBlank(footer) ? "" : footer, COLORS[reply.kind]);
  const buttons: APIButtonComponentWithCustomId[] = [];
  if (options.shareKey !== undefined && reply.actions.includes("share")) {
    buttons.push({ type: ComponentType.Button, style: ButtonStyle.Secondary, label: "Share", custom_id: shareCustomId(options.shareKey) });
  }
  if (options.feedback === true && reply.actions.includes("feedback")) {
    buttons.push(
      { type: ComponentType.Button, style: ButtonStyle.Secondary, label: FEEDBACK_MESSAGES.up, custom_id: FEEDBACK_UP_ID },
      { type: ComponentType.Button, style: ButtonStyle.Secondary, label: FEEDBACK_MESSAGES.down, custom_id: FEEDBACK_DOWN_ID },
    );
  }
  const components: DiscordMessage["components"] = buttons.length === 0 ? [] : [{ type: ComponentType.ActionRow, components: buttons }];
  const message: DiscordMessage = { embeds, components, allowed_mentions: { parse: [] } };
  if (options.sharedBy === undefined) return message;
  const name = isBlank(options.sharedBy) ? "someone" : options.sharedBy.replace(/\s+/g, " ").trim();
  return { ...message, content: cutText(`Shared by ${literalText(name)}`, L.content) };
}
