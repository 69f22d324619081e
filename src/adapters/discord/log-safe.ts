/**
 * Error details safe to log: interaction and webhook tokens in URLs and the bot token are masked.
 * pino's error serializer replaces `type` with the constructor's name ("Object" here), so the
 * error's name is also kept as `name`.
 */
export function safeError(error: unknown, secrets: readonly string[] = []): Record<string, unknown> {
  const scrub = (text: string): string => {
    let out = text.replace(/\/(interactions\/\d+|webhooks\/\d+)\/[^/\s?]+/g, "/$1/[token]");
    for (const secret of secrets) if (secret !== "") out = out.split(secret).join("[redacted]");
    return out;
  };
  if (!(error instanceof Error)) return { message: scrub(String(error)) };
  const extra = error as Error & { code?: unknown; status?: unknown; method?: unknown; retryAfter?: unknown };
  return {
    type: error.name,
    name: error.name,
    message: scrub(error.message),
    ...(extra.code !== undefined ? { code: extra.code } : {}),
    ...(typeof extra.status === "number" ? { status: extra.status } : {}),
    ...(typeof extra.method === "string" ? { method: extra.method } : {}),
    ...(typeof extra.retryAfter === "number" ? { retryAfterMs: extra.retryAfter } : {}),
    ...(error.stack ? { stack: scrub(error.stack) } : {}),
  };
}
