import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "pino";

/**
 * How answers are posted to a response URL. Each attempt has a time limit; a timeout, a network
 * error, a 5xx or a 429 is retried after a backoff (for a 429, after its `Retry-After`), up to
 * `attempts` in all; any other status is final. Slack takes at most five posts to one response
 * URL, so the attempts stay few. A retry after a timeout can repeat a post Slack did take.
 */
export interface ResponsePolicy {
  /** Attempts in all, the first included. */
  readonly attempts: number;
  /** How long one attempt may take, ms. */
  readonly timeoutMs: number;
  /** Backoff before the first retry, ms; it doubles for each further retry, with jitter. */
  readonly baseDelayMs: number;
  /** Longest backoff, ms. */
  readonly maxDelayMs: number;
  /** A 429 asking for a longer wait than this (ms) is not retried. */
  readonly maxRetryAfterMs: number;
}

/** Defaults: at most 3 attempts of 10 s each, 1 s then 2 s apart. */
export const DEFAULT_RESPONSE_POLICY: ResponsePolicy = { attempts: 3, timeoutMs: 10_000, baseDelayMs: 1_000, maxDelayMs: 10_000, maxRetryAfterMs: 60_000 };

/** Posting to a response URL failed for good. Its message never contains the URL. */
export class ResponseUrlError extends Error {
  override readonly name = "ResponseUrlError";
  /** The last HTTP status, when there was one (read by the error logging as `status`). */
  readonly statusCode?: number;
  readonly code: "timeout" | "http_status" | "network";
  readonly attempts: number;

  constructor(outcome: Failure, attempts: number) {
    const what = outcome.kind === "status" ? `HTTP ${outcome.status}` : outcome.kind === "timeout" ? "timed out" : `network error ${outcome.code}`;
    super(`The response URL did not take the answer (${what}; ${attempts} attempt${attempts === 1 ? "" : "s"})`);
    this.code = outcome.kind === "status" ? "http_status" : outcome.kind;
    if (outcome.kind === "status") this.statusCode = outcome.status;
    this.attempts = attempts;
  }
}

type Failure =
  | { readonly kind: "status"; readonly status: number; readonly retryAfterMs?: number }
  | { readonly kind: "timeout" }
  | { readonly kind: "network"; readonly code: string };
type Outcome = { readonly kind: "ok" } | Failure;

/** Posts a message (JSON) to a response URL, retrying as {@link ResponsePolicy} says. */
export type ResponsePoster = (url: string, message: Record<string, unknown>) => Promise<void>;

function retryAfterMs(response: IncomingMessage): number | undefined {
  const header = response.headers["retry-after"];
  const seconds = Number.parseInt(Array.isArray(header) ? (header[0] ?? "") : (header ?? ""), 10);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

function postOnce(url: URL, body: string, timeoutMs: number): Promise<Outcome> {
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const settle = (outcome: Outcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const req = send(url, { method: "POST", headers: { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) } }, (response) => {
      response.resume();
      response.on("error", () => settle({ kind: "network", code: "ECONNRESET" }));
      response.on("end", () => {
        const status = response.statusCode ?? 0;
        if (status >= 200 && status < 300) settle({ kind: "ok" });
        else {
          const wait = retryAfterMs(response);
          settle({ kind: "status", status, ...(wait !== undefined ? { retryAfterMs: wait } : {}) });
        }
      });
    });
    timer = setTimeout(() => {
      settle({ kind: "timeout" });
      req.destroy();
    }, timeoutMs);
    req.on("error", (error: NodeJS.ErrnoException) => settle({ kind: "network", code: error.code ?? "ERROR" }));
    req.end(body);
  });
}

/** How long to wait before the next attempt, or null when `outcome` is final. */
function retryDelay(outcome: Failure, retry: number, policy: ResponsePolicy): number | null {
  if (outcome.kind === "status") {
    if (outcome.status === 429) {
      const wait = outcome.retryAfterMs ?? policy.baseDelayMs;
      return wait <= policy.maxRetryAfterMs ? wait : null;
    }
    if (outcome.status < 500) return null;
  }
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return backoff / 2 + Math.random() * (backoff / 2);
}

/**
 * Creates the poster the listeners answer with. Each failed attempt that will be retried is
 * logged at warn level (without the URL, which works as a credential); giving up throws a
 * {@link ResponseUrlError}, which the caller logs.
 */
export function createResponsePoster(log: Logger, policy: ResponsePolicy = DEFAULT_RESPONSE_POLICY): ResponsePoster {
  const attempts = Math.max(1, Math.floor(policy.attempts));
  return async (url, message) => {
    const target = new URL(url);
    const body = JSON.stringify(message);
    for (let attempt = 1; ; attempt++) {
      const outcome = await postOnce(target, body, policy.timeoutMs);
      if (outcome.kind === "ok") return;
      const delay = attempt < attempts ? retryDelay(outcome, attempt - 1, policy) : null;
      if (delay === null) throw new ResponseUrlError(outcome, attempt);
      log.warn(
        { attempt, outcome: outcome.kind === "status" ? outcome.status : outcome.kind, retryInMs: Math.round(delay) },
        "posting to a response URL failed; retrying",
      );
      await sleep(delay);
    }
  };
}
