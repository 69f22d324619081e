import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHealthServer, healthReport } from "../../src/http/health-server.js";

describe("health server", () => {
  const server = createHealthServer({ port: 0, host: "127.0.0.1", report: () => healthReport({ discord: true }, { documents: 4, passages: 96 }, Date.now() - 5000) });
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

  it("answers other paths with 404", async () => {
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(404);
  });

  it("reports degraded when an adapter is down", () => {
    expect(healthReport({ slack: true, discord: false }, { documents: 1, passages: 1 }, 0, 0)).toMatchObject({ status: "degraded" });
  });
});
