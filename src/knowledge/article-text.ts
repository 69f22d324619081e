/** Largest article (`.txt`) indexed unless configured otherwise (`MAX_ARTICLE_BYTES`): 2 MiB. */
export const DEFAULT_MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

/** An article's text, or why it cannot be served. */
export type ArticleText = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Decodes an article file's bytes as UTF-8 (a UTF-8 byte-order mark is dropped). Refuses what
 * would be served as mojibake or nothing: UTF-16 (with or without a byte-order mark, told by its
 * NUL bytes), other binary data, bytes that are not UTF-8 (such as Latin-1), and files with no text.
 */
export function decodeArticle(bytes: Uint8Array): ArticleText {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { ok: false, reason: "is UTF-16; save it as UTF-8" };
  }
  if (bytes.includes(0)) return { ok: false, reason: "contains NUL bytes (binary data, or UTF-16 without a byte-order mark); save it as UTF-8 text" };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, reason: "is not valid UTF-8 (Latin-1 or another encoding?); save it as UTF-8" };
  }
  if (text.startsWith("\uFEFF")) text = text.slice(1);
  if (text.trim() === "") return { ok: false, reason: "is empty" };
  return { ok: true, text };
}
