const ELLIPSIS = "…";

/**
 * Cuts `text` to at most `max` UTF-16 units, ending in "…" when something was cut.
 * Never splits a surrogate pair or leaves a dangling escape backslash.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return "";
  let end = max - ELLIPSIS.length;
  if (end > 0 && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  let head = text.slice(0, Math.max(0, end)).trimEnd();
  const trailingSlashes = /\\+$/.exec(head)?.[0].length ?? 0;
  if (trailingSlashes % 2 === 1) head = head.slice(0, -1);
  return `${head}${ELLIPSIS}`;
}

/** Cuts `text` to at most `max` UTF-16 units without adding anything (for values a user submits). */
export function cutPlain(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  if (end > 0 && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return text.slice(0, end);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Breaks `@everyone` and `@here` with a zero-width space, so they never read as mass mentions. */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, "@\u200b$1");
}

const URL_PART = /(https?:\/\/[^\s<>]+)/;

/**
 * Escapes Discord markdown with backslashes so text shows literally: emphasis, code, spoilers,
 * link brackets, and block quotes, headings and lists at line starts. URLs stay intact.
 * Linear time, unlike regex-lookbehind escapers, so long text stays cheap.
 */
export function escapeMarkdownText(text: string): string {
  return text
    .split(URL_PART)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/[\\*_~`|[\]]/g, "\\$&")
            .replace(/^([ \t]*\d+)\./gm, "$1\\.")
            .replace(/^([ \t]*)([>#+-])/gm, "$1\\$2"),
    )
    .join("");
}

/** Text from sources or users, made safe for Discord markdown: shown literally, never pinging. */
export function literalText(text: string): string {
  return neutraliseMentions(escapeMarkdownText(text));
}

/** True when the text shows nothing (Discord rejects blank embed parts). */
export function isBlank(text: string | undefined | null): boolean {
  return text === undefined || text === null || text.trim() === "";
}
