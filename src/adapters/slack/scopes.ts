/**
 * The bot scopes the app asks for, as in `manifest.json`: `commands` for /dispute; `chat:write` for
 * answers in threads and digests; `app_mentions:read` and `im:history` for mentions and direct
 * messages; `channels:history` and `groups:history` so a digest taken over after a crash can look
 * for its earlier post.
 */
export const BOT_SCOPES = ["app_mentions:read", "channels:history", "chat:write", "commands", "groups:history", "im:history"] as const;
