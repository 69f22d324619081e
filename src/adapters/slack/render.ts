import type { types } from "@slack/bolt";
import { citationLabel } from "../../knowledge/excerpt.js";
import type { Citation } from "../../knowledge/types.js";
import { FEEDBACK_MESSAGES } from "../../../commands/messages.js";
import type { Reply, ReplyQuote } from "../../reply/reply.js";
import { FEEDBACK_DOWN_ID, FEEDBACK_UP_ID } from "../shared/feedback.js";
import { blockquote, cut, escapeText, jsonLength, link } from "./mrkdwn.js";

/** The blocks this renderer produces. */
export type SlackBlock = types.HeaderBlock | types.SectionBlock | types.ContextBlock | types.ActionsBlock;

/** A message ready for `respond()` or `chat.postMessage`: fallback text plus Block Kit blocks. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: SlackBlock[];
}

/** Options of {@link renderReply}. */
export interface RenderOptions {
  /** Key of the stored reply: adds a "Share in channel" button carrying it. */
  readonly shareId?: string;
  /** Display name of the person who shared the reply, shown as plain text (never a mention). */
  readonly sharedBy?: string;
  /** Key of the kept answer: adds 👍 / 👎 buttons carrying it, when the reply offers feedback. */
  readonly feedbackKey?: string;
}

/** Slack's and our own limits; totals stay well below Slack's 12,000-character message limit. */
export const LIMITS = {
  blocks: 50,
  sectionChars: 3000,
  headerChars: 150,
  fallbackChars: 500,
  labelChars: 300,
  textChars: 2000,
  notesChars: 1500,
  messageJson: 11_000,
} as const;

/** Links and media in posted answers are never unfurled. */
export const NO_UNFURL = { unfurl_links: false, unfurl_media: false } as const;

/** The action id of the "Share in channel" button. */
export const SHARE_ACTION_ID = "dispute_share";

const mrkdwn = (text: string): types.MrkdwnElement => ({ type: "mrkdwn", text, verbatim: true });
const section = (text: string): types.SectionBlock => ({ type: "section", text: mrkdwn(text) });
const context = (text: string): types.ContextBlock => ({ type: "context", elements: [mrkdwn(text)] });
const nonEmpty = (text: string, fallback: string): string => (text.trim() === "" ? fallback : text);

function quoteBlocks(quote: ReplyQuote, maxJson?: number): SlackBlock[] {
  const lead = quote.context ? `_${escapeText(quote.context)}_\n` : "";
  const body = lead + blockquote(escapeText(quote.text));
  const label = link(quote.citation.url, quote.label.slice(0, LIMITS.labelChars));
  return [
    section(cut(nonEmpty(body, "> …"), { maxChars: LIMITS.sectionChars, ...(maxJson !== undefined ? { maxJson } : {}) })),
    context(nonEmpty(label, "(no citation)")),
  ];
}

const blocksJson = (blocks: readonly SlackBlock[]): number => blocks.reduce((sum, b) => sum + JSON.stringify(b).length + 1, 0);

/** The buttons under a reply: "Share in channel", then 👍 Helpful and 👎 Not helpful; null when there are none. */
function buttonsBlock(reply: Reply, options: RenderOptions): types.ActionsBlock | null {
  const elements: types.Button[] = [];
  if (options.shareId !== undefined && reply.actions.includes("share")) {
    elements.push({ type: "button", action_id: SHARE_ACTION_ID, text: { type: "plain_text", text: "Share in channel" }, value: options.shareId });
  }
  if (options.feedbackKey !== undefined && reply.actions.includes("feedback")) {
    for (const [id, label] of [[FEEDBACK_UP_ID, FEEDBACK_MESSAGES.up], [FEEDBACK_DOWN_ID, FEEDBACK_MESSAGES.down]] as const) {
      elements.push({ type: "button", action_id: id, text: { type: "plain_text", text: label, emoji: true }, value: options.feedbackKey });
    }
  }
  return elements.length === 0 ? null : { type: "actions", block_id: elements[0]!.action_id === SHARE_ACTION_ID ? SHARE_ACTION_ID : FEEDBACK_UP_ID, elements };
}

function omittedNote(count: number): types.ContextBlock {
  const what = count === 1 ? "1 more quote was" : count > 1 ? `${count} more quotes were` : "Some of the answer was";
  return context(`… ${what} left out to fit Slack's message size; ask a narrower question to see more.`);
}

/** A note, escaped, with each cited source's label turned into a link to the article where it has a URL. */
function linkedNote(note: string, citations: readonly Citation[]): string {
  const links = new Map<string, string>();
  for (const c of citations) if (c.url) links.set(escapeText(citationLabel(c)), link(c.url, citationLabel(c)));
  const escaped = escapeText(note);
  if (links.size === 0) return escaped;
  // one pass over whole labels ("…, ¶1" is not the start of "…, ¶12")
  const labels = [...links.keys()].sort((a, b) => b.length - a.length).map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return escaped.replace(new RegExp(`(?:${labels.join("|")})(?!\\d)`, "g"), (label) => links.get(label) ?? label);
}

/**
 * Renders a reply as a Slack message: a header with the title, the plain text, each group's
 * quotes as block quotes with the citation in a context line, the notes and, when asked, a
 * "Share in channel" button and 👍 / 👎 feedback buttons. All reply text is escaped (it can never ping `@channel` or mention
 * anyone) and the result always fits Slack's limits: at most 50 blocks, 3,000 characters per
 * section, 150 per header, and well under 12,000 characters in all. Trailing quotes that do not
 * fit are left out with a line saying how many.
 */
export function renderReply(reply: Reply, options: RenderOptions = {}): SlackMessage {
  const title = nonEmpty(escapeText(reply.title), "dispute-bot");
  const fallbackSource = reply.text ? `${title}: ${escapeText(reply.text)}` : title;
  const text = cut(fallbackSource, { maxChars: LIMITS.fallbackChars });

  const head: SlackBlock[] = [{ type: "header", text: { type: "plain_text", text: cut(title, { maxChars: LIMITS.headerChars }) } }];
  if (options.sharedBy !== undefined) head.push(context(`Shared by ${cut(nonEmpty(escapeText(options.sharedBy), "someone"), { maxChars: 200 })}`));
  const body = escapeText(reply.text ?? "");
  if (body.trim() !== "") head.push(section(cut(body, { maxChars: LIMITS.textChars })));

  const tail: SlackBlock[] = [];
  if (reply.notes.length > 0) {
    const notes = reply.notes.map((n, i) => `_Note:_ ${linkedNote(n, reply.noteCitations?.[i] ?? [])}`).join("\n");
    tail.push(section(cut(notes, { maxChars: LIMITS.notesChars })));
  }
  const buttons = buttonsBlock(reply, options);
  if (buttons) tail.push(buttons);

  const reserveJson = JSON.stringify(omittedNote(9999)).length + 1;
  let budget = LIMITS.messageJson - JSON.stringify({ text, blocks: [] }).length - blocksJson(head) - blocksJson(tail) - reserveJson;
  const maxMiddle = LIMITS.blocks - head.length - tail.length - 1;
  const middle: SlackBlock[] = [];
  const add = (blocks: SlackBlock[]): boolean => {
    const size = blocksJson(blocks);
    if (middle.length + blocks.length > maxMiddle || size > budget) return false;
    middle.push(...blocks);
    budget -= size;
    return true;
  };

  const totalQuotes = reply.groups.reduce((n, g) => n + g.quotes.length, 0);
  let shown = 0;
  let complete = true;
  outer: for (const group of reply.groups) {
    if (group.heading && !add([section(cut(`*${escapeText(group.heading)}*`, { maxChars: 300 }))])) {
      complete = false;
      break;
    }
    if (group.quotes.length === 0 && group.empty && !add([context(cut(`_${escapeText(group.empty)}_`, { maxChars: 500 }))])) {
      complete = false;
      break;
    }
    for (const quote of group.quotes) {
      if (add(quoteBlocks(quote))) {
        shown += 1;
        continue;
      }
      // Too big as a whole: show the start of it when there is room, then stop.
      const labelSize = blocksJson([quoteBlocks(quote)[1] as SlackBlock]);
      const room = budget - labelSize - 200;
      if (room >= 300 && add(quoteBlocks(quote, room))) shown += 1;
      complete = false;
      break outer;
    }
  }
  if (!complete || shown < totalQuotes) middle.push(omittedNote(totalQuotes - shown));
  return { text, blocks: [...head, ...middle, ...tail] };
}
