import { lookup as dnsLookup } from "node:dns/promises";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { Readable } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { blockedAddressReason, isAllowedHost, parseAllowList, type AllowEntry } from "./address.js";
import { FetchError } from "./errors.js";

/** One resolved address of a host. */
export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/** Resolves a host name to all its addresses (the default uses `node:dns` `lookup` with `all: true`). */
export type Resolver = (host: string) => Promise<readonly ResolvedAddress[]>;

/** Media types accepted for `accept: "html"`. */
export const HTML_TYPES: readonly string[] = ["text/html", "application/xhtml+xml"];
/** Media types accepted for `accept: "feed"`: RSS, Atom, RDF and JSON Feed. */
export const FEED_TYPES: readonly string[] = [
  "application/rss+xml",
  "application/atom+xml",
  "application/rdf+xml",
  "application/xml",
  "text/xml",
  "application/feed+json",
  "application/json",
];

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
export const DEFAULT_TIMEOUT_MS = 20_000;

/** How {@link safeFetch} fetches. */
export interface SafeFetchOptions {
  /** Which content types are accepted: articles (`"html"`), feeds (`"feed"`) or a list of media types. */
  readonly accept: "html" | "feed" | readonly string[];
  /**
   * Hosts that may be fetched even though they resolve to a refused address, in `FETCH_ALLOW_HOSTS`
   * form: comma-separated `host` or `host:port` (a string or a list of them).
   */
  readonly allowHosts?: string | readonly string[];
  /** ETag of the copy already held: sent as `If-None-Match`. */
  readonly etag?: string | null;
  /** Last-Modified of the copy already held: sent as `If-Modified-Since`. */
  readonly lastModified?: string | null;
  /** Time to open each connection (TCP and TLS), in ms (default 5 000). */
  readonly connectTimeoutMs?: number;
  /** Time for the whole fetch, redirects and body included, in ms (default 20 000). */
  readonly timeoutMs?: number;
  /** Bodies over this many bytes (after decompression) are refused (default 5 MiB). */
  readonly maxBytes?: number;
  /** Redirects followed at most (default 5). */
  readonly maxRedirects?: number;
  readonly userAgent?: string;
  /** DNS resolution (default `node:dns` lookup of all addresses); tests pass their own. */
  readonly resolve?: Resolver;
  /** Aborts the fetch; it then fails with code `network`. */
  readonly signal?: AbortSignal;
}

/** Fields every fetch result has. */
interface FetchResultBase {
  /** The URL asked for. */
  readonly requestedUrl: string;
  /** The URL of the last hop, after redirects. */
  readonly url: string;
  /** Every redirect target followed, in order. */
  readonly redirects: readonly string[];
  readonly etag: string | null;
  readonly lastModified: string | null;
}

/** A fetched body. */
export interface FetchedBody extends FetchResultBase {
  readonly kind: "ok";
  readonly status: number;
  /** The media type, lower-case, without parameters (e.g. `text/html`). */
  readonly contentType: string;
  /** The body decoded to text (charset from the header, the document, or UTF-8). */
  readonly body: string;
  readonly bytes: number;
}

/** The server said the held copy is current (HTTP 304). */
export interface NotModified extends FetchResultBase {
  readonly kind: "not-modified";
  readonly status: 304;
}

export type SafeFetchResult = FetchedBody | NotModified;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const defaultResolver: Resolver = async (host) => {
  const found = await dnsLookup(host, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/** Parses and checks a URL: http or https, a host, no credentials. */
function parseTarget(raw: string | URL, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new FetchError("bad-url", `not a valid URL: ${String(raw).slice(0, 200)}`, String(raw));
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchError("bad-url", `only http and https URLs are fetched, not ${url.protocol}`, url.href);
  }
  if (url.hostname === "") throw new FetchError("bad-url", `URL has no host: ${url.href}`, url.href);
  if (url.username !== "" || url.password !== "") {
    throw new FetchError("bad-url", `URLs with credentials are not fetched: ${url.host}`, url.href);
  }
  return url;
}

function portOf(url: URL): number {
  return url.port !== "" ? Number(url.port) : url.protocol === "https:" ? 443 : 80;
}

/** Resolves the URL's host and checks every address; returns the one address to connect to. */
async function checkedAddress(url: URL, allow: readonly AllowEntry[], resolve: Resolver): Promise<ResolvedAddress> {
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const literal = isIP(host);
  let addresses: readonly ResolvedAddress[];
  if (literal !== 0) {
    addresses = [{ address: host, family: literal === 6 ? 6 : 4 }];
  } else {
    try {
      addresses = await resolve(host);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new FetchError("network", `cannot resolve ${host} (${code})`, url.href);
    }
    if (addresses.length === 0) throw new FetchError("network", `cannot resolve ${host} (no addresses)`, url.href);
  }
  if (!isAllowedHost(allow, host, portOf(url))) {
    for (const a of addresses) {
      const reason = blockedAddressReason(a.address);
      if (reason !== null) {
        const via = literal !== 0 ? "" : ` resolves to ${a.address} and`;
        throw new FetchError("blocked-address", `${host}${via} is a ${reason} address; not fetched`, url.href);
      }
    }
  }
  return addresses[0]!;
}

/** The media type and charset of a Content-Type header. */
function parseContentType(header: string | undefined): { type: string; charset: string | null } {
  if (!header) return { type: "", charset: null };
  const [type = "", ...params] = header.split(";");
  let charset: string | null = null;
  for (const p of params) {
    const m = /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(p);
    if (m) charset = m[1]!.toLowerCase();
  }
  return { type: type.trim().toLowerCase(), charset };
}

function acceptedTypes(accept: SafeFetchOptions["accept"]): readonly string[] {
  if (accept === "html") return HTML_TYPES;
  if (accept === "feed") return FEED_TYPES;
  return accept.map((t) => t.toLowerCase());
}

/** The charset a document declares in its first bytes (`<meta charset>`, http-equiv, or `<?xml encoding>`). */
function sniffCharset(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 2048).toString("latin1");
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

function decodeBody(bytes: Buffer, charset: string | null): string {
  for (const label of [charset, sniffCharset(bytes), "utf-8"]) {
    if (!label) continue;
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // unknown label: try the next
    }
  }
  return bytes.toString("utf8");
}

const ignore = (): void => {};

interface Hop {
  readonly res: IncomingMessage;
  readonly close: () => void;
}

/** Sends one GET to the pinned address; resolves with the response once its headers are in. */
function requestOnce(
  url: URL,
  pinned: ResolvedAddress,
  headers: Record<string, string>,
  connectTimeoutMs: number,
  signal: AbortSignal,
): Promise<Hop> {
  const lookup = ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  }) as unknown as LookupFunction;
  const client = url.protocol === "https:" ? https : http;
  return new Promise<Hop>((resolve, reject) => {
    const req = client.request({
      protocol: url.protocol,
      hostname: url.hostname.replace(/^\[(.*)\]$/, "$1"),
      port: portOf(url),
      path: `${url.pathname}${url.search}`,
      method: "GET",
      headers,
      lookup,
      agent: false,
      signal,
    });
    let connectTimer: NodeJS.Timeout | undefined;
    req.on("socket", (socket) => {
      connectTimer = setTimeout(() => {
        req.destroy(new FetchError("timeout", `no connection to ${url.host} within ${connectTimeoutMs} ms`, url.href));
      }, connectTimeoutMs);
      socket.once(url.protocol === "https:" ? "secureConnect" : "connect", () => clearTimeout(connectTimer));
      socket.once("close", () => clearTimeout(connectTimer));
    });
    req.once("error", (error) => {
      clearTimeout(connectTimer);
      reject(error);
    });
    req.once("response", (res) => {
      clearTimeout(connectTimer);
      const close = (): void => {
        // Errors after the response (a body cut short on purpose) have nobody left to tell.
        req.on("error", ignore);
        res.on("error", ignore);
        req.destroy();
      };
      resolve({ res, close });
    });
    req.end();
  });
}

/** Reads the (decompressed) body, refusing it as soon as it passes `maxBytes`. */
async function readBody(url: URL, res: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(res.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new FetchError("too-large", `${url.href} is ${declared} bytes, over the ${maxBytes}-byte limit`, url.href);
  }
  const encoding = (res.headers["content-encoding"] ?? "identity").toLowerCase().trim();
  let stream: Readable = res;
  if (encoding === "gzip" || encoding === "x-gzip") stream = res.pipe(createGunzip());
  else if (encoding === "deflate") stream = res.pipe(createInflate());
  else if (encoding === "br") stream = res.pipe(createBrotliDecompress());
  else if (encoding !== "identity" && encoding !== "") {
    throw new FetchError("network", `unsupported content-encoding ${encoding} from ${url.href}`, url.href);
  }
  if (stream !== res) res.once("error", (error) => stream.destroy(error));
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf = chunk as Buffer;
    total += buf.length;
    if (total > maxBytes) {
      stream.destroy();
      res.destroy();
      throw new FetchError("too-large", `${url.href} is over the ${maxBytes}-byte limit`, url.href);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks, total);
}

function header(res: IncomingMessage, name: string): string | null {
  const value = res.headers[name];
  return typeof value === "string" && value !== "" ? value : null;
}

/** Turns whatever a hop threw into a FetchError. */
function asFetchError(error: unknown, url: URL, deadline: AbortController): FetchError {
  if (deadline.signal.aborted && deadline.signal.reason instanceof FetchError) return deadline.signal.reason;
  if (error instanceof FetchError) return error;
  const e = error as NodeJS.ErrnoException;
  if (e?.name === "AbortError") return new FetchError("network", `fetch of ${url.href} was aborted`, url.href);
  if (e?.code === "Z_DATA_ERROR" || e?.code === "Z_BUF_ERROR" || e?.code?.startsWith?.("ERR__")) {
    return new FetchError("network", `bad compressed body from ${url.href}`, url.href);
  }
  return new FetchError("network", `${e?.code ?? "error"} fetching ${url.href}: ${e?.message ?? String(error)}`, url.href);
}

/**
 * Fetches one http(s) URL safely for reading articles and feeds.
 *
 * - Only `http:` and `https:` URLs without credentials (`bad-url`).
 * - The host is resolved here (all its addresses); if any address is loopback, private, link-local,
 *   multicast, unspecified, carrier-grade NAT or reserved (IPv4-mapped IPv6 forms included) the fetch
 *   is refused (`blocked-address`) unless `allowHosts` names the host (or `host:port`). The connection
 *   then goes to that checked address (pinned), so a second, rebound DNS answer is never used.
 * - Redirects are followed by hand, each target checked the same way; more than `maxRedirects` (5)
 *   fails (`too-many-redirects`).
 * - Connect (`connectTimeoutMs`) and total (`timeoutMs`) time limits (`timeout`); bodies over
 *   `maxBytes` (5 MiB) are refused without reading further (`too-large`).
 * - The content type must be one `accept` allows (`bad-content-type`); a status other than
 *   2xx, 304 or a redirect fails (`http-status`); anything else (DNS, reset, bad encoding) is `network`.
 * - With `etag` / `lastModified` the request is conditional; a 304 comes back as `kind: "not-modified"`.
 *
 * @throws FetchError with a code and a one-line message
 */
export async function safeFetch(rawUrl: string | URL, options: SafeFetchOptions): Promise<SafeFetchResult> {
  const allow = parseAllowList(options.allowHosts);
  const resolve = options.resolve ?? defaultResolver;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const types = acceptedTypes(options.accept);
  const requested = parseTarget(rawUrl);

  const deadline = new AbortController();
  const timer = setTimeout(() => {
    deadline.abort(new FetchError("timeout", `${requested.href} took over ${timeoutMs} ms`, requested.href));
  }, timeoutMs);
  const onAbort = (): void => deadline.abort(new FetchError("network", `fetch of ${requested.href} was aborted`, requested.href));
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener("abort", onAbort, { once: true });

  const headers: Record<string, string> = {
    "user-agent": options.userAgent ?? "dispute-bot/0.1 (+article reader)",
    accept: `${types.join(", ")}, */*;q=0.1`,
    "accept-encoding": "gzip, deflate, br",
  };
  if (options.etag) headers["if-none-match"] = options.etag;
  if (options.lastModified) headers["if-modified-since"] = options.lastModified;

  const redirects: string[] = [];
  let url = requested;
  try {
    for (;;) {
      let hop: Hop | undefined;
      try {
        const pinned = await abortable(checkedAddress(url, allow, resolve), deadline.signal);
        hop = await requestOnce(url, pinned, headers, connectTimeoutMs, deadline.signal);
        const { res } = hop;
        const status = res.statusCode ?? 0;
        const etag = header(res, "etag");
        const lastModified = header(res, "last-modified");
        const base = { requestedUrl: requested.href, url: url.href, redirects, etag, lastModified };

        if (REDIRECTS.has(status) && header(res, "location") !== null) {
          const next = parseTarget(header(res, "location")!, url);
          hop.close();
          if (redirects.length >= maxRedirects) {
            throw new FetchError("too-many-redirects", `${requested.href} redirects more than ${maxRedirects} times`, next.href);
          }
          redirects.push(next.href);
          url = next;
          continue;
        }
        if (status === 304) {
          hop.close();
          return { kind: "not-modified", status: 304, ...base };
        }
        if (status < 200 || status > 299) {
          hop.close();
          throw new FetchError("http-status", `HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ""} from ${url.href}`, url.href, status);
        }
        const { type, charset } = parseContentType(res.headers["content-type"]);
        if (!types.includes(type)) {
          hop.close();
          throw new FetchError("bad-content-type", `${url.href} is ${type || "of no stated type"}, not ${types.join(" or ")}`, url.href);
        }
        const bytes = await readBody(url, res, maxBytes);
        hop.close();
        return { kind: "ok", status, contentType: type, body: decodeBody(bytes, charset), bytes: bytes.length, ...base };
      } catch (error) {
        hop?.close();
        throw asFetchError(error, url, deadline);
      }
    }
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onAbort);
  }
}

/** Rejects with the signal's reason when it aborts first. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as Error);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error as Error);
      },
    );
  });
}
