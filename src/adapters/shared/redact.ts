/** The parts of an error that are safe to log, from either chat platform's clients. */
export interface SafeError {
  /** The error's name; also as `type`, since pino's error serializer overwrites `type` with "Object". */
  readonly name: string;
  readonly type: string;
  readonly message: string;
  /** A platform or network code, e.g. `slack_webapi_request_error`, `ECONNRESET`, Discord's 50001. */
  readonly code?: string | number;
  /** The HTTP status, when there was one. */
  readonly status?: number;
  /** Slack's error code (`channel_not_found`). */
  readonly slackError?: string;
  readonly method?: string;
  readonly retryAfterMs?: number;
  readonly stack?: string;
}

/** Things that work as credentials wherever they appear in a message or stack. */
const CREDENTIALS: readonly [RegExp, string][] = [
  [/xox[a-z]-[\w-]+|xapp-[\w-]+/g, "[redacted]"],
  [/https:\/\/hooks\.slack\.com\/[^\s"'<>]+/g, "https://hooks.slack.com/[response-url]"],
  [/\/(interactions\/\d+|webhooks\/\d+)\/[^/\s?]+/g, "/$1/[token]"],
];

/**
 * Error details safe to log, for Slack and Discord alike. Client errors can carry the request they
 * came from (tokens in headers, response URLs, interaction tokens in paths), so only the name,
 * message, code, status and a few platform fields are kept, and bot/app tokens, Slack response
 * URLs, Discord interaction and webhook tokens and every string in `secrets` are masked.
 */
export function safeError(error: unknown, secrets: readonly string[] = []): SafeError {
  const scrub = (text: string): string => {
    let out = text;
    for (const [pattern, replacement] of CREDENTIALS) out = out.replace(pattern, replacement);
    for (const secret of secrets) if (secret !== "") out = out.split(secret).join("[redacted]");
    return out;
  };
  if (!(error instanceof Error)) return { name: "Error", type: "Error", message: scrub(String(error)) };
  const e = error as Error & { code?: unknown; status?: unknown; statusCode?: unknown; method?: unknown; retryAfter?: unknown; data?: { error?: unknown } };
  const status = typeof e.statusCode === "number" ? e.statusCode : typeof e.status === "number" ? e.status : undefined;
  return {
    name: e.name,
    type: e.name,
    message: scrub(e.message),
    ...(typeof e.code === "string" || typeof e.code === "number" ? { code: e.code } : {}),
    ...(status !== undefined ? { status } : {}),
    ...(typeof e.data?.error === "string" ? { slackError: e.data.error } : {}),
    ...(typeof e.method === "string" ? { method: e.method } : {}),
    ...(typeof e.retryAfter === "number" ? { retryAfterMs: e.retryAfter } : {}),
    ...(e.stack ? { stack: scrub(e.stack) } : {}),
  };
}
