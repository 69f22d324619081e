import { unescapeText } from "../../../../src/adapters/slack/mrkdwn.js";

interface TextObject {
  readonly text?: string;
}
interface LooseElement {
  readonly type: string;
  /** A string for mrkdwn and plain_text elements, a text object for buttons. */
  readonly text?: string | TextObject;
}
interface LooseBlock {
  readonly type: string;
  readonly text?: TextObject;
  readonly elements?: readonly LooseElement[];
}

/** Undoes Slack markup in one text: `<url|label>` → label, block-quote markers, then the escaping. */
export function plain(text: string): string {
  return unescapeText(
    text
      .replace(/<[^<>|]+\|([^<>]*)>/g, "$1")
      .split("\n")
      .map((line) => line.replace(/^> ?/, ""))
      .join("\n"),
  );
}

/** What a Slack user sees in a message (blocks, or the text when there are none), as plain text. */
export function flattenMessage(message: { text?: unknown; blocks?: unknown }): string {
  const blocks = (Array.isArray(message.blocks) ? message.blocks : []) as LooseBlock[];
  if (blocks.length === 0) return typeof message.text === "string" ? plain(message.text) : "";
  const lines: string[] = [];
  for (const block of blocks) {
    if (block.text?.text) lines.push(plain(block.text.text));
    for (const element of block.elements ?? []) {
      if (typeof element.text === "string") lines.push(plain(element.text));
      else if (element.type === "button") lines.push(`[${plain(element.text?.text ?? "")}]`);
    }
  }
  return lines.join("\n");
}
