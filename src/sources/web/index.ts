/**
 * Reading articles and feeds from the web: safe fetching, article extraction into seed text and
 * metadata, feeds, canonical URLs, near-duplicates and relevance to the story. A library only:
 * nothing here reads configuration or writes anywhere.
 */
export { blockedAddressReason, isAllowedHost, parseAllowList, type AllowEntry } from "./address.js";
export { publicationDate, type PublicationDate } from "./dates.js";
export { nearDuplicate, similarity, NEAR_DUPLICATE_THRESHOLD, SHINGLE_WORDS } from "./duplicate.js";
export { FetchError, SourceParseError, type FetchErrorCode, type ParseErrorCode } from "./errors.js";
export { extractArticle, type ExtractedArticle } from "./extract.js";
export { parseFeed, type FeedEntry, type ParsedFeed } from "./feed.js";
export {
  safeFetch,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_REDIRECTS,
  DEFAULT_TIMEOUT_MS,
  FEED_TYPES,
  HTML_TYPES,
  type FetchedBody,
  type NotModified,
  type ResolvedAddress,
  type Resolver,
  type SafeFetchOptions,
  type SafeFetchResult,
} from "./fetch.js";
export { aboutTheStory, MIN_PARTIES, MIN_PARTY_MENTIONS, MIN_TERMS, type Relevance } from "./relevance.js";
export { canonicalUrl } from "./url.js";
