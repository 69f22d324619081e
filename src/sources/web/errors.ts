/** Why fetching a web source failed. */
export type FetchErrorCode =
  | "bad-url"
  | "blocked-address"
  | "timeout"
  | "too-large"
  | "too-many-redirects"
  | "bad-content-type"
  | "http-status"
  | "network";

/** A fetch that failed for a known reason: a code and a one-line message naming the URL. */
export class FetchError extends Error {
  override name = "FetchError";
  constructor(
    readonly code: FetchErrorCode,
    message: string,
    /** The URL of the request that failed (after redirects, the hop that failed). */
    readonly url: string,
    /** The HTTP status, for `http-status`. */
    readonly status?: number,
  ) {
    super(message.replace(/[\r\n]+/g, " "));
  }
}

/** Why a page or a feed could not be read. */
export type ParseErrorCode = "no-article" | "bad-feed";

/** A page without an article, or a body that is not a feed: a code and a one-line message. */
export class SourceParseError extends Error {
  override name = "SourceParseError";
  constructor(
    readonly code: ParseErrorCode,
    message: string,
  ) {
    super(message.replace(/[\r\n]+/g, " "));
  }
}
