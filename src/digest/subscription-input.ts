import type { DigestMode } from "./service.js";
import { parseLocalTime, resolveTimeZone } from "./time.js";

/** Why a digest subscription request was refused. Front ends word each code once (their message catalogue). */
export type SubscriptionErrorCode = "bad-time" | "unknown-time-zone" | "bad-mode";

/** A refused field: the code and what was typed (untrimmed, uncut: front ends cut it for display). */
export interface SubscriptionError {
  readonly code: SubscriptionErrorCode;
  readonly input: string;
}

/** A parsed field or subscription, or the coded reason it was refused. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: SubscriptionError };

/** The time zone a subscription gets when none is given. */
export const DEFAULT_TIME_ZONE = "UTC";
/** The mode a subscription gets when none is given. */
export const DEFAULT_MODE: DigestMode = "changes";
/** Every mode, in the order they are offered. */
export const DIGEST_MODES: readonly DigestMode[] = ["changes", "daily"];

const fail = (code: SubscriptionErrorCode, input: string): { ok: false; error: SubscriptionError } => ({ ok: false, error: { code, input } });

/** A local time of day, `HH:MM` or `H:MM` (24-hour) → `HH:MM`. */
export function parseDigestTime(text: string): Parsed<string> {
  const time = parseLocalTime(text);
  return time ? { ok: true, value: time.text } : fail("bad-time", text);
}

/** An IANA time zone in any capitalisation → its canonical name; empty means {@link DEFAULT_TIME_ZONE}. */
export function parseDigestTimeZone(text: string | undefined): Parsed<string> {
  const typed = text?.trim() || DEFAULT_TIME_ZONE;
  const zone = resolveTimeZone(typed);
  return zone ? { ok: true, value: zone } : fail("unknown-time-zone", typed);
}

/** `changes` or `daily` (any capitalisation); empty means {@link DEFAULT_MODE}. */
export function parseDigestMode(text: string | undefined): Parsed<DigestMode> {
  const typed = text?.trim() || DEFAULT_MODE;
  const mode = DIGEST_MODES.find((m) => m === typed.toLowerCase());
  return mode ? { ok: true, value: mode } : fail("bad-mode", typed);
}

/** What a subscription request says, as typed. */
export interface SubscriptionRequest {
  readonly time: string;
  readonly timeZone?: string | undefined;
  readonly mode?: string | undefined;
}

/** A subscription request, checked: time, zone and mode in canonical form. */
export interface ParsedSubscription {
  readonly time: string;
  readonly timeZone: string;
  readonly mode: DigestMode;
}

/**
 * The one parser of digest subscription requests (chat commands, the service, the CLI): checks
 * time, then zone, then mode, and returns the canonical values or the first refusal, coded.
 */
export function parseSubscription(request: SubscriptionRequest): Parsed<ParsedSubscription> {
  const time = parseDigestTime(request.time);
  if (!time.ok) return time;
  const timeZone = parseDigestTimeZone(request.timeZone);
  if (!timeZone.ok) return timeZone;
  const mode = parseDigestMode(request.mode);
  if (!mode.ok) return mode;
  return { ok: true, value: { time: time.value, timeZone: timeZone.value, mode: mode.value } };
}
