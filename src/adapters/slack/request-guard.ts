import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { parse as parseQuery } from "node:querystring";
import { readLimited } from "../../http/read-body.js";
import { isFreshTimestamp, MAX_CLOCK_SKEW_SECONDS } from "../../http/request-timestamp.js";

/** Largest request body accepted at the events endpoint; Slack's own payloads are a few kilobytes. */
export const MAX_EVENT_BODY_BYTES = 1024 * 1024;
export { MAX_CLOCK_SKEW_SECONDS };

const FORM = "application/x-www-form-urlencoded";

/** Why a request was turned away before it reached Bolt. */
export interface Refusal {
  readonly status: 400 | 401 | 413;
  readonly reason: string;
}

/** Options of {@link guardSlackRequests}. */
export interface RequestGuardOptions {
  readonly signingSecret: string;
  /** The path Slack posts to; other requests pass through untouched. */
  readonly path: string;
  readonly maxBodyBytes?: number;
  /** Seconds since the epoch (default: the system clock). */
  readonly nowSeconds?: () => number;
  /** Called for every refused request (for logging). */
  readonly onRefused?: (refusal: Refusal, req: IncomingMessage) => void;
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Wraps Bolt's HTTP request listener so that a POST to the events path reaches Bolt only when
 * it is small (413 past `maxBodyBytes`, judged from Content-Length up front and counted while
 * streaming, so an oversized body is never buffered), signed with a timestamp within
 * ±{@link MAX_CLOCK_SKEW_SECONDS} (401), and a JSON object once parsed as Bolt parses it (400).
 * Bolt gets the body already read (`rawBody`), so it does not read it again. A URL Bolt could not
 * parse gets 400 (Bolt would answer 500). Slack's unsigned
 * `ssl_check=1` requests pass through as Bolt expects them.
 */
export function guardSlackRequests(inner: Listener, options: RequestGuardOptions): Listener {
  const maxBytes = options.maxBodyBytes ?? MAX_EVENT_BODY_BYTES;
  const nowSeconds = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  return (req, res) => {
    const refuse = (refusal: Refusal): void => {
      options.onRefused?.(refusal, req);
      if (!res.headersSent) res.writeHead(refusal.status, { connection: "close", "content-length": "0" });
      res.end();
    };
    const path = pathOf(req.url);
    if (path === null) return refuse({ status: 400, reason: "the request URL cannot be parsed" });
    if (req.method?.toUpperCase() !== "POST" || path !== options.path) return inner(req, res);
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > maxBytes) return refuse({ status: 413, reason: `body of ${declared} bytes is over the ${maxBytes}-byte limit` });
    readLimited(req, maxBytes).then(
      (body) => {
        if (body === null) return refuse({ status: 413, reason: `body is over the ${maxBytes}-byte limit` });
        const refusal = check(req, body, options.signingSecret, nowSeconds());
        if (refusal) return refuse(refusal);
        (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
        inner(req, res);
      },
      () => refuse({ status: 400, reason: "the request body could not be read" }),
    );
  };
}

function pathOf(url: string | undefined): string | null {
  try {
    return new URL(url ?? "/", "http://localhost").pathname;
  } catch {
    return null;
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === "string" ? value : undefined;
}

function check(req: IncomingMessage, body: Buffer, secret: string, now: number): Refusal | null {
  const text = body.toString("utf8");
  const form = req.headers["content-type"] === FORM;
  if (form && parseQuery(text).ssl_check === "1") return null; // Bolt strips anything else from it
  const timestamp = header(req, "x-slack-request-timestamp") ?? "";
  if (!/^\d{1,12}$/.test(timestamp)) return { status: 401, reason: "missing or malformed x-slack-request-timestamp" };
  if (!isFreshTimestamp(timestamp, now)) return { status: 401, reason: "x-slack-request-timestamp is more than 5 minutes from now" };
  const expected = Buffer.from(`v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${text}`).digest("hex")}`);
  const given = Buffer.from(header(req, "x-slack-signature") ?? "");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { status: 401, reason: "signature mismatch" };
  let parsed: unknown;
  try {
    if (form) {
      const fields = parseQuery(text);
      parsed = typeof fields.payload === "string" ? JSON.parse(fields.payload) : fields;
    } else {
      parsed = JSON.parse(text);
    }
  } catch {
    return { status: 400, reason: "the body is not JSON or form data" };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return { status: 400, reason: "the body is not a JSON object" };
  return null;
}
