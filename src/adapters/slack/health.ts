import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** The path of the health check. */
export const HEALTH_PATH = "/healthz";

/** Answers a health check with 200 and `health()` as JSON (500 if it throws). */
export function healthHandler(health: () => unknown): (req: IncomingMessage, res: ServerResponse) => void {
  return (_req, res) => {
    let status = 200;
    let body: string;
    try {
      body = JSON.stringify(health() ?? { ok: true });
    } catch {
      status = 500;
      body = JSON.stringify({ ok: false });
    }
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
    res.end(body);
  };
}

/**
 * Serves only `GET /healthz` (used in Socket Mode, where no events arrive over HTTP).
 * Resolves with the listening server.
 */
export function listenHealth(health: () => unknown, port: number, host: string): Promise<Server> {
  const handle = healthHandler(health);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path === HEALTH_PATH && (req.method === "GET" || req.method === "HEAD")) return handle(req, res);
    res.writeHead(404).end();
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server);
    });
  });
}

/** The port a listening server is bound to. */
export function boundPort(server: Server): number {
  return (server.address() as AddressInfo).port;
}
