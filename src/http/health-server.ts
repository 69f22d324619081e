import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** The path of the health check. */
export const HEALTH_PATH = "/healthz";

/** Answers a health check with 200 and `report()` as JSON (500 if it throws). */
export function healthHandler(report: () => unknown): (req: IncomingMessage, res: ServerResponse) => void {
  return (_req, res) => {
    let status = 200;
    let body: string;
    try {
      body = JSON.stringify(report() ?? { ok: true });
    } catch {
      status = 500;
      body = JSON.stringify({ ok: false });
    }
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
    res.end(body);
  };
}

/**
 * A tiny HTTP server answering only `GET /healthz` with a JSON report: for Discord and for Slack in
 * Socket Mode (Slack's HTTP receiver serves the same handler beside `/slack/events`).
 */
export interface HealthServer {
  /** Listens; resolves with the bound port (a port in use rejects). */
  start(): Promise<number>;
  stop(): Promise<void>;
}

/** Creates the health server; `report()` is called per request. */
export function createHealthServer(options: { port: number; host?: string; report: () => unknown }): HealthServer {
  let server: Server | null = null;
  const handle = healthHandler(options.report);
  return {
    start() {
      const listening = createServer((req, res) => {
        const path = new URL(req.url ?? "/", "http://localhost").pathname;
        if (path === HEALTH_PATH && (req.method === "GET" || req.method === "HEAD")) return handle(req, res);
        res.writeHead(404, { "content-type": "application/json" }).end('{"error":"not found"}');
      });
      return new Promise((resolve, reject) => {
        listening.once("error", reject);
        listening.listen(options.port, options.host ?? "0.0.0.0", () => {
          listening.off("error", reject);
          server = listening;
          resolve((listening.address() as AddressInfo).port);
        });
      });
    },
    stop() {
      return new Promise((resolve) => {
        const closing = server;
        server = null;
        if (!closing) return resolve();
        closing.close(() => resolve());
        closing.closeAllConnections();
      });
    },
  };
}

/** The health report: which adapters are up, how big the index is, how long the process has run. */
export function healthReport(adapters: Record<string, boolean>, index: { documents: number; passages: number }, startedAt: number, now = Date.now()): unknown {
  const ok = Object.values(adapters).every(Boolean);
  return { status: ok ? "ok" : "degraded", adapters, index, uptimeSeconds: Math.round((now - startedAt) / 1000) };
}
