/**
 * Text helpers for Slack's message markup. Slack treats `&`, `<` and `>` as control characters in
 * every text field (`<!channel>` pings, `<@U123>` mentions, `<url|label>` links), so all text that
 * comes from seeds or users is escaped before it goes into a message.
 */

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes control characters (keeping newlines and tabs) and broken surrogate halves. */
export function sanitize(raw: string): string {
  return raw.replace(/\r\n?/g, "\n").replace(CONTROL, "").replace(LONE_SURROGATE, "\uFFFD");
}

/** Escapes text for any Slack text field, so it shows literally and can never ping or link. */
export function escapeText(raw: string): string {
  return sanitize(raw).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Undoes {@link escapeText}: what a Slack user reads. */
export function unescapeText(escaped: string): string {
  return escaped.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** How many characters `text` takes inside a JSON string (without the quotes). */
export function jsonLength(text: string): number {
  return JSON.stringify(text).length - 2;
}

/** Limits for {@link cut}: characters, and characters once encoded as a JSON string. */
export interface CutLimits {
  readonly maxChars: number;
  readonly maxJson?: number;
}

const JSON_ESCAPED = new Set(['"', "\\", "\n", "\t"]);

/**
 * Shortens already-escaped text to the limits, ending it with "…". Never splits an entity
 * (`&amp;`) or a surrogate pair. Text within the limits is returned unchanged.
 */
export function cut(escaped: string, limits: CutLimits): string {
  const maxJson = limits.maxJson ?? Number.POSITIVE_INFINITY;
  if (escaped.length <= limits.maxChars && jsonLength(escaped) <= maxJson) return escaped;
  let end = 0;
  let json = 0;
  while (end < escaped.length && end < limits.maxChars - 1) {
    const cost = JSON_ESCAPED.has(escaped[end] ?? "") ? 2 : 1;
    if (json + cost > maxJson - 1) break;
    json += cost;
    end += 1;
  }
  let kept = escaped.slice(0, end);
  if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1);
  // never end inside an escape sequence or on a bare block-quote marker
  kept = kept.replace(/&[a-z]*$/, "").replace(/\s+$/, "").replace(/(^|\n)>$/, "$1").replace(/\s+$/, "");
  return `${kept}…`;
}

/** Prefixes every line with "> " so Slack shows it as a block quote. Expects escaped text. */
export function blockquote(escaped: string): string {
  return escaped
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");
}

const SAFE_URL = /^https?:\/\/[^\s<>|"]+$/;

/** A link `<url|label>` when the URL is a plain http(s) URL, else just the escaped label. */
export function link(url: string | null, label: string): string {
  const text = escapeText(label);
  if (url === null || !SAFE_URL.test(url)) return text;
  return `<${url.replace(/&/g, "&amp;")}|${text}>`;
}
