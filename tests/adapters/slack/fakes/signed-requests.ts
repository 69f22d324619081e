import { createHmac, randomUUID } from "node:crypto";

/** The signing secret the tests configure. */
export const SIGNING_SECRET = "test-signing-secret";

/** Slack's request signature: `v0=` + HMAC-SHA256 of `v0:{timestamp}:{body}`. */
export function signature(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

/** How to send one request. */
export interface SendOptions {
  readonly timestamp?: number;
  /** Overrides the computed signature (for forged requests). */
  readonly signature?: string;
  readonly retryNum?: number;
  readonly secret?: string;
}

/** POSTs a signed body to the adapter's events URL, as Slack does; resolves with the HTTP status and body. */
export async function postSigned(url: string, body: string, contentType: string, options: SendOptions = {}): Promise<{ status: number; text: string }> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    "content-type": contentType,
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": options.signature ?? signature(body, timestamp, options.secret),
  };
  if (options.retryNum !== undefined) {
    headers["x-slack-retry-num"] = String(options.retryNum);
    headers["x-slack-retry-reason"] = "http_timeout";
  }
  const response = await fetch(url, { method: "POST", headers, body });
  return { status: response.status, text: await response.text() };
}

/** The fields of a `/dispute` slash command, as Slack sends them. */
export function slashCommandFields(text: string, responseUrl: string, fields: Record<string, string> = {}): Record<string, string> {
  return {
    token: "legacy-verification-token",
    team_id: "T0001",
    team_domain: "fake",
    channel_id: "C0001",
    channel_name: "general",
    user_id: "U0001",
    user_name: "ana",
    command: "/dispute",
    text,
    api_app_id: "A0001",
    response_url: responseUrl,
    trigger_id: `trigger-${randomUUID()}`,
    ...fields,
  };
}

/** The form body of a `/dispute` slash command (HTTP mode). */
export function slashCommandBody(text: string, responseUrl: string, fields: Record<string, string> = {}): string {
  return new URLSearchParams(slashCommandFields(text, responseUrl, fields)).toString();
}

/** The form body of an interactivity request (`payload=<json>`). */
export function interactionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A "Find sources" message shortcut payload for a message with this text. */
export function messageShortcut(text: string, responseUrl: string, message: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: "message_action",
    token: "legacy-verification-token",
    action_ts: "1700000000.000001",
    team: { id: "T0001", domain: "fake" },
    user: { id: "U0001", username: "ana", name: "ana", team_id: "T0001" },
    channel: { id: "C0001", name: "general" },
    callback_id: "find_sources",
    trigger_id: `trigger-${randomUUID()}`,
    message_ts: "1700000000.000100",
    response_url: responseUrl,
    message: { type: "message", user: "U0002", ts: "1700000000.000100", text, ...message },
  };
}

/** Who clicks a button. */
export interface Clicker {
  readonly id: string;
  readonly username: string;
  readonly name: string;
}

/** A click on a button `actionId` carrying `value`, under a message in #general. */
export function buttonClick(actionId: string, value: string, responseUrl: string, user: Clicker = { id: "U0001", username: "ana", name: "ana" }, messageTs = "1700000000.000200"): Record<string, unknown> {
  return {
    type: "block_actions",
    token: "legacy-verification-token",
    api_app_id: "A0001",
    team: { id: "T0001", domain: "fake" },
    user: { ...user, team_id: "T0001" },
    channel: { id: "C0001", name: "general" },
    container: { type: "message", message_ts: messageTs, channel_id: "C0001", is_ephemeral: true },
    trigger_id: `trigger-${randomUUID()}`,
    response_url: responseUrl,
    actions: [{ type: "button", action_id: actionId, block_id: actionId, value, action_ts: "1700000000.000300", text: { type: "plain_text", text: actionId } }],
  };
}

/** A click on the "Share in channel" button carrying `value`. */
export function shareClick(value: string, responseUrl: string, user?: Clicker): Record<string, unknown> {
  return buttonClick("dispute_share", value, responseUrl, user);
}

/** An Events API request body (`event_callback`) around `event`, as Slack posts it; `eventId` is what a retry repeats. */
export function eventEnvelope(event: Record<string, unknown>, eventId = `Ev${randomUUID().replace(/-/g, "").slice(0, 12).toUpperCase()}`): Record<string, unknown> {
  return {
    token: "legacy-verification-token",
    team_id: "T0001",
    api_app_id: "A0001",
    event,
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: "T0001", user_id: "UBOT", is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: `4-${randomUUID()}`,
  };
}

let nextTs = 100;
/** A fresh message timestamp, as Slack gives every message. */
export function messageTs(): string {
  nextTs += 1;
  return `1700000${String(nextTs).padStart(3, "0")}.000100`;
}

/** An `app_mention` event: `text` as typed (with `<@UBOT>`), in #general; `thread_ts` when it was written in a thread. */
export function appMention(text: string, fields: { ts?: string; thread_ts?: string; user?: string } = {}): Record<string, unknown> {
  const ts = fields.ts ?? messageTs();
  return { type: "app_mention", client_msg_id: randomUUID(), text, user: "U0001", ts, team: "T0001", channel: "C0001", event_ts: ts, ...fields };
}

/** A `message` event in the direct message channel D0001 (`channel_type: "im"`); extra fields set a subtype, a bot id or a thread. */
export function directMessage(text: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  const ts = messageTs();
  return { type: "message", client_msg_id: randomUUID(), text, user: "U0001", ts, team: "T0001", channel: "D0001", event_ts: ts, channel_type: "im", ...fields };
}

/** JSON content type (Events API). */
export const JSON_TYPE = "application/json";

/** Form content type. */
export const FORM = "application/x-www-form-urlencoded";
