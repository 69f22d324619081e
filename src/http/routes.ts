import type { IncomingMessage, ServerResponse } from "node:http";

/** An HTTP method the bot serves. */
export type HttpMethod = "GET" | "HEAD" | "POST";

/**
 * One path the bot's HTTP port serves besides the chat platforms' own (health, readiness, metrics,
 * Discord interactions). The same shape as Bolt's custom routes, so Slack's receiver can serve them
 * on its port.
 */
export interface HttpRoute {
  readonly path: string;
  readonly method: readonly HttpMethod[];
  readonly handler: (req: IncomingMessage, res: ServerResponse) => void;
}

/** A JSON answer with its status. */
export interface JsonAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** Writes `answer` as JSON, not cached. */
export function sendJson(res: ServerResponse, answer: JsonAnswer): void {
  res.writeHead(answer.status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(answer.body));
}

/** A GET/HEAD route answering `answer()` as JSON; 500 when it throws or rejects. */
export function jsonRoute(path: string, answer: () => JsonAnswer | Promise<JsonAnswer>): HttpRoute {
  return {
    path,
    method: ["GET", "HEAD"],
    handler: (_req, res) => {
      Promise.resolve()
        .then(answer)
        .then(
          (a) => sendJson(res, a),
          () => sendJson(res, { status: 500, body: { ok: false } }),
        );
    },
  };
}
