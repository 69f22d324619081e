import type { SeenMessage } from "./fake-discord.js";

/** Undoes Discord markdown escaping, zero-width mention breakers and masked links: what a reader sees. */
export function unescapeDiscord(text: string): string {
  return text
    .replace(/\u200b/g, "")
    .replace(/(?<!\\)\[((?:[^\]\\]|\\.)*)]\((https?:\/\/[^)\s]+)\)/g, "$1 ($2)")
    .replace(/\\([^0-9A-Za-z\s])/g, "$1");
}

/** Everything a message shows, as plain text: content, embed titles, descriptions, fields and footers. */
export function flattenMessage(message: SeenMessage): string {
  const parts: string[] = [];
  if (message.content) parts.push(message.content);
  for (const embed of message.embeds ?? []) {
    if (embed.title) parts.push(embed.title);
    if (embed.description) parts.push(embed.description);
    for (const field of embed.fields ?? []) parts.push(field.name, field.value);
    if (embed.footer?.text) parts.push(embed.footer.text);
  }
  return unescapeDiscord(parts.join("\n"));
}
