/**
 * The parts of an error that are safe to log. Errors from the Slack clients can carry the request
 * they came from (with the bot token in its headers, or a response URL), so only the name, message,
 * code, HTTP status and Slack's error code are kept.
 */
export function safeError(error: unknown): { name: string; message: string; code?: string; status?: number; slackError?: string } {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  const e = error as Error & { code?: unknown; statusCode?: unknown; data?: { error?: unknown } };
  return {
    name: e.name,
    message: e.message.replace(/xox[a-z]-[\w-]+|xapp-[\w-]+/g, "[redacted]"),
    ...(typeof e.code === "string" ? { code: e.code } : {}),
    ...(typeof e.statusCode === "number" ? { status: e.statusCode } : {}),
    ...(typeof e.data?.error === "string" ? { slackError: e.data.error } : {}),
  };
}
