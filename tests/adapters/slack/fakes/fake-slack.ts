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

/** How the fake answers a failing call: an HTTP status (429 with `Retry-After` seconds), or never ("hang"). */
export type FakeFailure = { readonly status: number; readonly retryAfter?: number } | "hang";

/** One post to a response URL, whether it was taken or failed on purpose. */
export interface ResponseAttempt {
  readonly id: string;
  /** The status answered, or "hang" when the fake never answered. */
  readonly outcome: number | "hang";
}

/** A loopback stand-in for Slack: the Web API (`/api/<method>`) and response URLs (`/respond/<id>`). */
export interface FakeSlack {
  /** Give this as the adapter's `apiUrl`. */
  readonly apiUrl: string;
  /** A response URL that records what is posted to it. */
  responseUrl(id: string): string;
  readonly apiCalls: ApiCall[];
  readonly responses: ResponsePost[];
  /** Web API results by method; `auth.test`, `chat.postMessage` (kept in channel history), `conversations.history` and `apps.connections.open` have defaults. */
  readonly results: Map<string, (args: Record<string, unknown>, token?: string) => Record<string, unknown>>;
  /** Every post to a response URL, including the ones failed on purpose. */
  readonly responseAttempts: ResponseAttempt[];
  /** Fails the next `times` calls of a Web API method (every call when `times` is omitted). */
  failApi(method: string, failure: FakeFailure, times?: number): void;
  /** Fails the next `times` posts to the response URL `id` (to every response URL when `id` is undefined). */
  failResponses(id: string | undefined, failure: FakeFailure, times?: number): void;
  /** Removes every failure set up with {@link FakeSlack.failApi} and {@link FakeSlack.failResponses}. */
  clearFailures(): void;
  /**
   * Lets a workspace install the app through OAuth: `oauth.v2.access` with `code` (and the client
   * id and secret of {@link FAKE_OAUTH_CLIENT}) then answers with a new bot token for `team`, which
   * the fake accepts from then on. Returns that token.
   */
  grantInstall(code: string, team: { readonly id: string; readonly name: string }): string;
  /** Stops accepting a bot token (as when a workspace uninstalls the app). */
  revokeToken(token: string): void;
  /** Empties the recorded calls and responses (to keep a long run's memory flat). */
  forget(): void;
  /** Resolves with the Web API calls of `method` once `count` of them (counting from the start) have arrived. */
  waitForApiCalls(method: string, count: number, timeoutMs?: number): Promise<ApiCall[]>;
  /** Resolves once `count` posts to response URLs matching `id` (all when omitted) have arrived. */
  waitForResponses(count: number, id?: string, timeoutMs?: number): Promise<ResponsePost[]>;
  close(): Promise<void>;
}

const BOT_TOKEN = "xoxb-test-token";

/** The OAuth client the fake's `oauth.v2.access` accepts. */
export const FAKE_OAUTH_CLIENT = { id: "1111.2222", secret: "fake-client-secret" } as const;

/** Whom a bot token belongs to. */
interface TokenOwner {
  readonly teamId: string;
  readonly team: string;
  readonly botId: string;
  readonly botUserId: string;
}

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
  const responseAttempts: ResponseAttempt[] = [];
  const failures: { target: "api" | "respond"; key: string | undefined; failure: FakeFailure; left: number }[] = [];
  let ts = 0;
  /** Bot tokens the fake accepts, with the workspace each belongs to. */
  const tokens = new Map<string, TokenOwner>([[BOT_TOKEN, { teamId: "T0001", team: "Fake", botId: "BBOT", botUserId: "UBOT" }]]);
  /** OAuth codes not yet exchanged, with the workspace installing. */
  const grants = new Map<string, { id: string; name: string }>();
  /** Messages posted with chat.postMessage, newest first, by channel. */
  const history = new Map<string, { ts: string; text: unknown; metadata?: unknown }[]>();
  type Result = (args: Record<string, unknown>, token?: string) => Record<string, unknown>;
  const results: FakeSlack["results"] = new Map<string, Result>([
    [
      "auth.test",
      (_args, token) => {
        const owner = tokens.get(token ?? "") ?? (tokens.get(BOT_TOKEN) as TokenOwner);
        return { ok: true, url: "https://fake.slack.test/", team: owner.team, user: "dispute-bot", team_id: owner.teamId, user_id: owner.botUserId, bot_id: owner.botId };
      },
    ],
    [
      "chat.postMessage",
      (args) => {
        const posted = { ts: `1700000000.${String(++ts).padStart(6, "0")}`, text: args.text, ...(args.metadata ? { metadata: args.metadata } : {}) };
        const channel = String(args.channel);
        history.set(channel, [posted, ...(history.get(channel) ?? [])]);
        return { ok: true, channel: args.channel, ts: posted.ts, message: { text: args.text } };
      },
    ],
    [
      "conversations.history",
      (args) => {
        const limit = Number(args.limit ?? 100);
        const withMetadata = String(args.include_all_metadata) === "true";
        const messages = (history.get(String(args.channel)) ?? []).slice(0, limit).map(({ metadata, ...rest }) => (withMetadata && metadata ? { ...rest, metadata } : rest));
        return { ok: true, messages, has_more: false };
      },
    ],
    ["apps.connections.open", () => (options.socketUrl ? { ok: true, url: options.socketUrl() } : { ok: false, error: "not_allowed_token_type" })],
  ]);

  /** `oauth.v2.access`: the client (form fields or HTTP Basic) and a granted code give the workspace's new bot token. */
  const exchange = (args: Record<string, unknown>, authorization: string | undefined): Record<string, unknown> => {
    const basic = /^Basic (\S+)$/.exec(authorization ?? "")?.[1];
    const [clientId, clientSecret] = basic ? Buffer.from(basic, "base64").toString("utf8").split(":") : [args.client_id, args.client_secret];
    if (clientId !== FAKE_OAUTH_CLIENT.id || clientSecret !== FAKE_OAUTH_CLIENT.secret) return { ok: false, error: "invalid_client_id" };
    const team = grants.get(String(args.code));
    if (!team) return { ok: false, error: "invalid_code" };
    grants.delete(String(args.code));
    const token = `xoxb-${team.id}-installed`;
    const owner = { teamId: team.id, team: team.name, botId: `B${team.id}`, botUserId: `U${team.id}BOT` };
    tokens.set(token, owner);
    return {
      ok: true,
      app_id: "A0001",
      authed_user: { id: "UINSTALLER" },
      scope: "commands,chat:write",
      token_type: "bot",
      access_token: token,
      bot_user_id: owner.botUserId,
      team: { id: team.id, name: team.name },
      enterprise: null,
      is_enterprise_install: false,
    };
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      const path = new URL(req.url ?? "/", "http://localhost").pathname;
      const reply = (status: number, body: unknown): void => {
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
      };
      /** Answers this call with a failure set up for it (or leaves it hanging) and returns that failure; undefined when none applies. */
      const failed = (target: "api" | "respond", key: string): FakeFailure | undefined => {
        const found = failures.find((f) => f.target === target && (f.key === undefined || f.key === key));
        if (!found) return undefined;
        found.left -= 1;
        if (found.left <= 0) failures.splice(failures.indexOf(found), 1);
        if (found.failure === "hang") return "hang";
        const { status, retryAfter } = found.failure;
        const headers: Record<string, string> = { "content-type": "application/json" };
        if (retryAfter !== undefined) headers["retry-after"] = String(retryAfter);
        res.writeHead(status, headers).end(JSON.stringify({ ok: false, error: status === 429 ? "ratelimited" : "fatal_error" }));
        return found.failure;
      };
      if (path.startsWith("/api/")) {
        const method = path.slice("/api/".length);
        const args = parseArgs(raw, req.headers["content-type"]);
        apiCalls.push({ method, args, authorization: req.headers.authorization });
        for (const wake of [...waiters]) wake();
        if (failed("api", method)) return;
        if (method === "oauth.v2.access") return reply(200, exchange(args, req.headers.authorization));
        const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "";
        const accepted = method === "apps.connections.open" ? token.startsWith("xapp-") : tokens.has(token);
        if (!accepted) return reply(200, { ok: false, error: "invalid_auth" });
        const result = results.get(method);
        return reply(200, result ? result(args, token) : { ok: false, error: "unknown_method" });
      }
      if (path.startsWith("/respond/")) {
        const id = decodeURIComponent(path.slice("/respond/".length));
        const failure = failed("respond", id);
        if (failure) {
          responseAttempts.push({ id, outcome: failure === "hang" ? "hang" : failure.status });
          return;
        }
        responseAttempts.push({ id, outcome: 200 });
        responses.push({ id, body: JSON.parse(raw) as Record<string, unknown> });
        for (const wake of [...waiters]) wake();
        return reply(200, { ok: true });
      }
      reply(404, { ok: false });
    })();
  });
  /** Resolves with `matching()` once it holds `count` items; rechecked whenever a call or response arrives. */
  const waitUntil = <T>(matching: () => T[], count: number, what: string, timeoutMs: number): Promise<T[]> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        if (matching().length < count) return;
        cleanup();
        resolve(matching());
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for ${count} ${what}; got ${matching().length}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/respond/${encodeURIComponent(id)}`,
    apiCalls,
    responses,
    responseAttempts,
    results,
    failApi(method, failure, times = Number.POSITIVE_INFINITY) {
      failures.push({ target: "api", key: method, failure, left: times });
    },
    failResponses(id, failure, times = Number.POSITIVE_INFINITY) {
      failures.push({ target: "respond", key: id, failure, left: times });
    },
    clearFailures() {
      failures.length = 0;
    },
    grantInstall(code, team) {
      grants.set(code, { id: team.id, name: team.name });
      return `xoxb-${team.id}-installed`;
    },
    revokeToken(token) {
      tokens.delete(token);
    },
    forget() {
      apiCalls.length = 0;
      responses.length = 0;
      responseAttempts.length = 0;
    },
    waitForApiCalls(method, count, timeoutMs = 15_000) {
      return waitUntil(() => apiCalls.filter((c) => c.method === method), count, `${method} call(s)`, timeoutMs);
    },
    waitForResponses(count, id, timeoutMs = 15_000) {
      return waitUntil(() => responses.filter((r) => id === undefined || r.id === id), count, `response(s)${id ? ` to ${id}` : ""}`, timeoutMs);
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
