import { unescapeText } from "./mrkdwn.js";

/**
 * Turns text as Slack sends it (slash command text, a message's `text`) into plain text:
 * `<@U123|ana>` → `@ana`, `<!channel>` → `@channel`, `<#C1|general>` → `#general`,
 * `<https://x|label>` → `label`, and `&lt;` `&gt;` `&amp;` back to `<` `>` `&`.
 */
export function fromSlackText(text: string): string {
  const plain = text.replace(/<([^<>]*)>/g, (_token, inner: string) => {
    const bar = inner.indexOf("|");
    const target = bar >= 0 ? inner.slice(0, bar) : inner;
    const label = bar >= 0 ? inner.slice(bar + 1) : "";
    if (target.startsWith("@")) return label ? `@${label.replace(/^@/, "")}` : target;
    if (target.startsWith("#")) return label ? `#${label.replace(/^#/, "")}` : target;
    if (target.startsWith("!")) {
      if (label) return label;
      return `@${target.slice(1).split("^")[0] ?? ""}`;
    }
    return label || target;
  });
  return unescapeText(plain);
}
