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

const JSON_TYPE = "application/json; charset=utf-8";

/** A text answer: its status, content type and body. */
export interface TextAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/** Writes `answer`, not cached. */
export function sendText(res: ServerResponse, answer: TextAnswer): void {
  res.writeHead(answer.status, { "content-type": answer.contentType, "cache-control": "no-store" });
  res.end(answer.body);
}

/** Writes `answer` as JSON, not cached. */
export function sendJson(res: ServerResponse, answer: JsonAnswer): void {
  sendText(res, { status: answer.status, contentType: JSON_TYPE, body: JSON.stringify(answer.body) });
}

/** A GET/HEAD route answering `answer()`; 500 (JSON) when it throws or rejects. */
export function textRoute(path: string, answer: () => TextAnswer | Promise<TextAnswer>): HttpRoute {
  return {
    path,
    method: ["GET", "HEAD"],
    handler: (_req, res) => {
      Promise.resolve()
        .then(answer)
        .then(
          (a) => sendText(res, a),
          () => sendJson(res, { status: 500, body: { ok: false } }),
        );
    },
  };
}

/** A GET/HEAD route answering `answer()` as JSON; 500 when it throws or rejects. */
export function jsonRoute(path: string, answer: () => JsonAnswer | Promise<JsonAnswer>): HttpRoute {
  return textRoute(path, async () => {
    const { status, body } = await answer();
    return { status, contentType: JSON_TYPE, body: JSON.stringify(body) };
  });
}
