import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A Web API call the fake received. */
export interface ApiCall {
  readonly method: string;
  readonly args: Record<string, unknown>;
  readonly authorization: string | undefined;
}

/** A message posted to a response URL. */
export interface ResponsePost {
  /** The id in the response URL (`/respond/<id>`). */
  readonly id: string;
  readonly body: Record<string, unknown>;
}

/** A loopback stand-in for Slack: the Web API (`/api/<method>`) and response URLs (`/respond/<id>`). */
export interface FakeSlack {
  /** Give this as the adapter's `apiUrl`. */
  readonly apiUrl: string;
  /** A response URL that records what is posted to it. */
  responseUrl(id: string): string;
  readonly apiCalls: ApiCall[];
  readonly responses: ResponsePost[];
  /** Web API results by method; `auth.test`, `chat.postMessage` and `apps.connections.open` have defaults. */
  readonly results: Map<string, (args: Record<string, unknown>) => Record<string, unknown>>;
  /** Resolves once `count` posts to response URLs matching `id` (all when omitted) have arrived. */
  waitForResponses(count: number, id?: string, timeoutMs?: number): Promise<ResponsePost[]>;
  close(): Promise<void>;
}

const BOT_TOKEN = "xoxb-test-token";

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes("application/json")) return raw === "" ? {} : (JSON.parse(raw) as Record<string, unknown>);
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    try {
      args[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
    } catch {
      args[key] = value;
    }
  }
  return args;
}

/** Starts a fake Slack on 127.0.0.1 with a random port. */
export async function startFakeSlack(options: { socketUrl?: () => string } = {}): Promise<FakeSlack> {
  const apiCalls: ApiCall[] = [];
  const responses: ResponsePost[] = [];
  const waiters = new Set<() => void>();
  let ts = 0;
  type Result = (args: Record<string, unknown>) => Record<string, unknown>;
  const results: FakeSlack["results"] = new Map<string, Result>([
    ["auth.test", () => ({ ok: true, url: "https://fake.slack.test/", team: "Fake", user: "dispute-bot", team_id: "T0001", user_id: "UBOT", bot_id: "BBOT" })],
    ["chat.postMessage", (args) => ({ ok: true, channel: args.channel, ts: `1700000000.${String(++ts).padStart(6, "0")}`, message: { text: args.text } })],
    ["apps.connections.open", () => (options.socketUrl ? { ok: true, url: options.socketUrl() } : { ok: false, error: "not_allowed_token_type" })],
  ]);

  const server: Server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      const path = new URL(req.url ?? "/", "http://localhost").pathname;
      const reply = (status: number, body: unknown): void => {
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
      };
      if (path.startsWith("/api/")) {
        const method = path.slice("/api/".length);
        const args = parseArgs(raw, req.headers["content-type"]);
        apiCalls.push({ method, args, authorization: req.headers.authorization });
        const expected = method === "apps.connections.open" ? /^Bearer xapp-/ : new RegExp(`^Bearer ${BOT_TOKEN}$`);
        if (!expected.test(req.headers.authorization ?? "")) return reply(200, { ok: false, error: "invalid_auth" });
        const result = results.get(method);
        return reply(200, result ? result(args) : { ok: false, error: "unknown_method" });
      }
      if (path.startsWith("/respond/")) {
        responses.push({ id: decodeURIComponent(path.slice("/respond/".length)), body: JSON.parse(raw) as Record<string, unknown> });
        for (const wake of [...waiters]) wake();
        return reply(200, { ok: true });
      }
      reply(404, { ok: false });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/respond/${encodeURIComponent(id)}`,
    apiCalls,
    responses,
    results,
    waitForResponses(count, id, timeoutMs = 15_000) {
      const matching = (): ResponsePost[] => responses.filter((r) => id === undefined || r.id === id);
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (matching().length < count) return;
          cleanup();
          resolve(matching());
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timed out waiting for ${count} response(s)${id ? ` to ${id}` : ""}; got ${matching().length}`));
        }, timeoutMs);
        const cleanup = (): void => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The bot token the fake accepts. */
export const FAKE_BOT_TOKEN = BOT_TOKEN;
