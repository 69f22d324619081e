/** Longest question or claim accepted, in characters. */
export const MAX_QUERY_CHARS = 500;

/**
 * Invisible characters that can disguise echoed text: bidirectional controls (U+202A–202E,
 * U+2066–2069, U+200E/U+200F) and zero-width characters (U+200B–200D, U+2060, U+FEFF).
 */
const INVISIBLE = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u200b-\u200d\u2060\ufeff]/g;

/** Removes bidirectional controls and zero-width characters from text a user typed, before it is echoed back. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, "");
}

/** A checked question, or why it was refused. */
export type QueryCheck =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: "empty" | "too-long" | "binary"; readonly message: string };

/**
 * Checks a question or claim typed by a user: drops invisible characters ({@link stripInvisible}), trims it, refuses empty text, text over
 * {@link MAX_QUERY_CHARS} characters and text with control characters or undecodable bytes.
 */
export function checkQuery(typed: string): QueryCheck {
  const raw = stripInvisible(typed);
  const text = raw.replace(/\s+/g, " ").trim();
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd\ufffe\uffff]/.test(raw)) {
    return { ok: false, reason: "binary", message: "That text has control characters or bytes that are not text; please type a plain question." };
  }
  if (text === "" || !/[\p{L}\p{N}]/u.test(text)) {
    return { ok: false, reason: "empty", message: "Please type a question (for example: “Is there a lawsuit yet?”)." };
  }
  if (text.length > MAX_QUERY_CHARS) {
    return { ok: false, reason: "too-long", message: `That is too long (${text.length} characters); please keep it under ${MAX_QUERY_CHARS}.` };
  }
  return { ok: true, text };
}
