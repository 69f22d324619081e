import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { jsonRoute, sendJson, type HttpRoute } from "./routes.js";

/** The path of the liveness check. */
export const HEALTH_PATH = "/healthz";
/** The path of the readiness check. */
export const READY_PATH = "/readyz";

/** Whether this process can serve: each check is true (ok) or a reason. */
export type ReadinessChecks = () => Promise<Record<string, true | string>> | Record<string, true | string>;

/**
 * The liveness and readiness routes: `GET /healthz` answers 200 with `report()` as JSON while the
 * process runs; `GET /readyz` answers 200 when every readiness check passes and 503 naming the
 * failing ones otherwise (a load balancer sends traffic only to ready replicas).
 */
export function healthRoutes(report: () => unknown, ready: ReadinessChecks = () => ({})): HttpRoute[] {
  return [
    jsonRoute(HEALTH_PATH, () => ({ status: 200, body: report() ?? { ok: true } })),
    jsonRoute(READY_PATH, async () => {
      const checks = await ready();
      const failing = Object.entries(checks).filter(([, v]) => v !== true);
      return { status: failing.length === 0 ? 200 : 503, body: { ready: failing.length === 0, checks } };
    }),
  ];
}

/** The bot's own HTTP server (when Slack's receiver does not serve the port). */
export interface HttpServer {
  /** Listens; resolves with the bound port (a port in use rejects). */
  start(): Promise<number>;
  stop(): Promise<void>;
}

/** Creates an HTTP server answering `routes` (exact paths) and 404 for anything else. */
export function createHttpServer(options: { port: number; host?: string; routes: readonly HttpRoute[] }): HttpServer {
  let server: Server | null = null;
  return {
    start() {
      const listening = createServer((req, res) => {
        const path = new URL(req.url ?? "/", "http://localhost").pathname;
        const route = options.routes.find((r) => r.path === path);
        if (!route) return sendJson(res, { status: 404, body: { error: "not found" } });
        if (!route.method.includes(req.method as never)) {
          res.setHeader("allow", route.method.join(", "));
          return sendJson(res, { status: 405, body: { error: "method not allowed" } });
        }
        route.handler(req, res);
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
