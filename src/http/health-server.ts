import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A tiny HTTP server answering `GET /healthz` with a JSON report (used when no Slack HTTP receiver serves it). */
export interface HealthServer {
  start(): Promise<number>;
  stop(): Promise<void>;
}

/** Creates the health server; `report()` is called per request. */
export function createHealthServer(options: { port: number; host?: string; report: () => unknown }): HealthServer {
  let server: Server | null = null;
  return {
    start() {
      server = createServer((req, res) => {
        if (req.method === "GET" && (req.url === "/healthz" || req.url?.startsWith("/healthz?"))) {
          const body = JSON.stringify(options.report());
          res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" }).end(body);
          return;
        }
        res.writeHead(404, { "content-type": "application/json" }).end('{"error":"not found"}');
      });
      return new Promise((resolve, reject) => {
        server!.once("error", reject);
        server!.listen(options.port, options.host ?? "0.0.0.0", () => resolve((server!.address() as AddressInfo).port));
      });
    },
    stop() {
      return new Promise((resolve) => {
        if (!server) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** The health report: which adapters are up, how big the index is, how long the process has run. */
export function healthReport(adapters: Record<string, boolean>, index: { documents: number; passages: number }, startedAt: number, now = Date.now()): unknown {
  const ok = Object.values(adapters).every(Boolean);
  return { status: ok ? "ok" : "degraded", adapters, index, uptimeSeconds: Math.round((now - startedAt) / 1000) };
}
