import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpServer, healthReport, healthRoutes } from "../../src/http/http-server.js";

describe("the bot's HTTP server", () => {
  let database: true | string = true;
  const server = createHttpServer({
    port: 0,
    host: "127.0.0.1",
    routes: healthRoutes(
      () => healthReport({ discord: true }, { documents: 4, passages: 96 }, Date.now() - 5000),
      async () => ({ index: true, database }),
    ),
  });
  let port = 0;
  beforeAll(async () => {
    port = await server.start();
  });
  afterAll(() => server.stop());

  it("answers GET /healthz with 200 JSON", async () => {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", adapters: { discord: true }, index: { documents: 4, passages: 96 }, uptimeSeconds: 5 });
  });

  it("answers GET /readyz with 200 when every check passes and 503 naming the failing one otherwise", async () => {
    database = true;
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ready: true, checks: { index: true, database: true } });
    database = "connection refused";
    const down = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ ready: false, checks: { index: true, database: "connection refused" } });
  });

  it("answers other paths with 404 and other methods with 405", async () => {
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(404);
    const post = await fetch(`http://127.0.0.1:${port}/healthz`, { method: "POST", body: "{}" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
  });

  it("reports degraded when an adapter is down", () => {
    expect(healthReport({ slack: true, discord: false }, { documents: 1, passages: 1 }, 0, 0)).toMatchObject({ status: "degraded" });
  });
});
