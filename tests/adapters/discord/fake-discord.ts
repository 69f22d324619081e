import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { FAKE_IDS, botUser, guildCreate, messagePayload, readyPayload } from "./fake-payloads.js";

/** One REST request the fake received. */
export interface RecordedRequest {
  readonly method: string;
  /** Path without the query, e.g. `/v10/channels/1/messages`. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly authorization: string | undefined;
  /** The interaction token in the path, for interaction callbacks and webhooks. */
  readonly interactionToken?: string;
  /** `performance.now()` when the whole request had arrived. */
  readonly receivedAt: number;
  /** The body the fake answered with (e.g. the posted message, with its id), when a route answered. */
  readonly response?: unknown;
}

/** How the fake answers a failing request: an HTTP status (429 with `Retry-After` seconds), or never ("hang"). */
export type FakeFailure = { readonly status: number; readonly retryAfter?: number } | "hang";

/** A loopback Discord: REST over HTTP and a JSON gateway over WebSocket, on 127.0.0.1. */
export interface FakeDiscord {
  /** REST base URL without the version, as the adapter's `apiUrl`. */
  readonly apiUrl: string;
  readonly gatewayUrl: string;
  readonly token: string;
  readonly requests: readonly RecordedRequest[];
  /** "METHOD /path" of every request no route answered. */
  readonly unknownRoutes: readonly string[];
  /** The `d` of every IDENTIFY received. */
  readonly identifies: readonly Record<string, unknown>[];
  /** The request URL (with query) of every gateway connection. */
  readonly gatewayConnections: readonly string[];
  /** Every message created in a channel (a post deduplicated by its nonce is not created again). */
  readonly channelMessages: readonly Record<string, unknown>[];
  /** Gateway sessions currently connected. */
  openSessions(): number;
  /** Answers the next request matching `method` and `path` with an error status instead (400 is not retried by clients). */
  failNext(method: string, path: RegExp, status?: number): void;
  /**
   * Answers the next `times` requests matching `method` and `path` (every one when `times` is
   * omitted) with `failure`: a status (a 429 carries `Retry-After` and Discord's rate-limit body)
   * or no answer at all.
   */
  failWith(method: string, path: RegExp, failure: FakeFailure, times?: number): void;
  /** Removes every failure set up with {@link FakeDiscord.failNext} and {@link FakeDiscord.failWith}. */
  clearFailures(): void;
  /** Calls `listener` with every request as it arrives; returns a function that stops it. */
  onRequest(listener: (request: RecordedRequest) => void): () => void;
  /** Empties the recorded requests and the stored original messages (to keep a long run's memory flat). */
  forget(): void;
  /** Sends a dispatch event (op 0) to every connected gateway session. */
  dispatch(event: string, data: unknown): void;
  /** Resolves with the first request, past or future, matching `predicate`. */
  waitForRequest(predicate: (request: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  close(): Promise<void>;
}

interface Waiter {
  readonly predicate: (request: RecordedRequest) => boolean;
  readonly resolve: (request: RecordedRequest) => void;
}

type Handler = (request: RecordedRequest, params: string[]) => { status: number; body?: unknown };

const V = "/v10";
/** How long Discord remembers an enforced message nonce ("a few minutes"). */
const NONCE_WINDOW_MS = 3 * 60_000;
const json = (body: unknown, status = 200) => ({ status, body });

/** Starts the fake on an ephemeral loopback port. */
export async function startFakeDiscord(options: { token?: string } = {}): Promise<FakeDiscord> {
  const token = options.token ?? "fake-bot-token.not-real";
  const requests: RecordedRequest[] = [];
  const unknownRoutes: string[] = [];
  const identifies: Record<string, unknown>[] = [];
  const gatewayConnections: string[] = [];
  const waiters = new Set<Waiter>();
  const originals = new Map<string, unknown>();
  const nonces = new Map<string, { message: Record<string, unknown>; at: number }>();
  const posted: Record<string, unknown>[] = [];
  const sessions = new Map<WebSocket, { seq: number }>();
  const failures: { method: string; path: RegExp; failure: FakeFailure; left: number }[] = [];
  const listeners = new Set<(request: RecordedRequest) => void>();
  let port = 0;

  const routes: [string, RegExp, Handler, { auth: boolean }][] = [
    ["GET", /^\/gateway\/bot$/, () => json({ url: `ws://127.0.0.1:${port}`, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 } }), { auth: true }],
    ["GET", /^\/users\/@me$/, () => json(botUser), { auth: true }],
    ["GET", /^\/applications\/@me$/, () => json({ id: FAKE_IDS.application, name: "dispute-bot", flags: 0, bot_public: false }), { auth: true }],
    ["POST", /^\/interactions\/(\d+)\/([^/]+)\/callback$/, (r) => json(r.query.get("with_response") === "true" ? { interaction: { id: "0", type: 2 } } : undefined, r.query.get("with_response") === "true" ? 200 : 204), { auth: false }],
    ["PATCH", /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/, (r, [, tok]) => {
      const message = messagePayload({ ...(r.body as Record<string, unknown>), flags: 64 });
      originals.set(tok!, message);
      return json(message);
    }, { auth: false }],
    ["GET", /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/, (_r, [, tok]) => json(originals.get(tok!) ?? messagePayload({ flags: 64 })), { auth: false }],
    ["POST", /^\/webhooks\/(\d+)\/([^/]+)$/, (r) => json(messagePayload(r.body as Record<string, unknown>)), { auth: false }],
    ["GET", /^\/channels\/(\d+)$/, (_r, [id]) => json({ id, type: 0, guild_id: FAKE_IDS.guild, name: "general", position: 0, permission_overwrites: [] }), { auth: true }],
    ["POST", /^\/channels\/(\d+)\/messages$/, (r, [id]) => postMessage(id!, r.body as Record<string, unknown>), { auth: true }],
    ["PUT", /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/, (r, [app, guild]) => {
      const body = Array.isArray(r.body) ? (r.body as Record<string, unknown>[]) : [];
      return json(body.map((c, i) => ({ ...c, id: `90000000000000000${i}`, application_id: app, ...(guild ? { guild_id: guild } : {}), version: "1", default_member_permissions: null })));
    }, { auth: true }],
  ];

  /**
   * Discord's message nonces: at most 25 characters; with `enforce_nonce`, a second post with the
   * same nonce within a few minutes returns the first message instead of posting again.
   */
  const postMessage = (channel: string, body: Record<string, unknown>) => {
    const nonce = body.nonce;
    if (nonce !== undefined && (typeof nonce === "string" ? nonce.length > 25 : !Number.isInteger(nonce))) {
      return json({ message: "Invalid Form Body", code: 50035, errors: { nonce: { _errors: [{ code: "BASE_TYPE_BAD_LENGTH" }] } } }, 400);
    }
    const key = body.enforce_nonce === true && nonce !== undefined ? `${channel}:${String(nonce)}` : null;
    const seen = key === null ? undefined : nonces.get(key);
    if (seen && performance.now() - seen.at < NONCE_WINDOW_MS) return json(seen.message);
    const message = messagePayload({ ...body, channel_id: channel });
    delete message.enforce_nonce;
    if (key !== null) nonces.set(key, { message, at: performance.now() });
    posted.push(message);
    return json(message);
  };

  const record = (request: RecordedRequest): void => {
    requests.push(request);
    for (const listener of listeners) listener(request);
    for (const waiter of waiters) {
      if (waiter.predicate(request)) {
        waiters.delete(waiter);
        waiter.resolve(request);
      }
    }
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const pathname = decodeURIComponent(url.pathname);
      const text = Buffer.concat(chunks).toString("utf8");
      let body: unknown = undefined;
      if (text !== "") {
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
      }
      const tokenMatch = /^\/v10\/(?:interactions\/\d+|webhooks\/\d+)\/([^/]+)/.exec(pathname);
      const request: RecordedRequest = {
        method: req.method ?? "GET",
        path: pathname,
        query: url.searchParams,
        body,
        authorization: req.headers.authorization,
        ...(tokenMatch ? { interactionToken: tokenMatch[1]! } : {}),
        receivedAt: performance.now(),
      };
      const route = pathname.startsWith(V) ? pathname.slice(V.length) : null;
      const found = route === null ? undefined : routes.map(([method, pattern, handler, opts]) => ({ method, match: pattern.exec(route), handler, opts })).find((r) => r.method === request.method && r.match);
      const send = (status: number, payload?: unknown): void => {
        if (payload === undefined) {
          res.writeHead(status).end();
          return;
        }
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(payload));
      };
      const failure = failures.find((f) => f.method === request.method && f.path.test(pathname) && f.left > 0);
      if (failure) {
        failure.left -= 1;
        if (failure.left <= 0) failures.splice(failures.indexOf(failure), 1);
        record(request);
        if (failure.failure === "hang") return;
        const { status, retryAfter } = failure.failure;
        if (status === 429) {
          const seconds = retryAfter ?? 1;
          res
            .writeHead(429, { "content-type": "application/json", "retry-after": String(seconds), "x-ratelimit-scope": "user" })
            .end(JSON.stringify({ message: "You are being rate limited.", retry_after: seconds, global: false }));
          return;
        }
        if (status >= 500) send(status, { message: "500: Internal Server Error", code: 0 });
        else send(status, { message: "Invalid Form Body", code: 50035 });
        return;
      }
      if (!found || !found.match) {
        const line = `${request.method} ${pathname}`;
        unknownRoutes.push(line);
        console.error(`[fake-discord] UNKNOWN ROUTE ${line}`);
        record(request);
        send(404, { message: "404: Not Found", code: 0 });
        return;
      }
      if (found.opts.auth && request.authorization !== `Bot ${token}`) {
        record(request);
        send(401, { message: "401: Unauthorized", code: 0 });
        return;
      }
      const result = found.handler(request, found.match.slice(1));
      record({ ...request, response: result.body });
      send(result.status, result.body);
    });
  });

  const wss = new WebSocketServer({ server });
  const sendPacket = (socket: WebSocket, packet: { op: number; d: unknown; t?: string }): void => {
    const session = sessions.get(socket);
    if (!session || socket.readyState !== socket.OPEN) return;
    const s = packet.op === 0 ? ++session.seq : null;
    socket.send(JSON.stringify({ op: packet.op, d: packet.d, s, t: packet.t ?? null }));
  };
  wss.on("connection", (socket, req) => {
    gatewayConnections.push(req.url ?? "");
    sessions.set(socket, { seq: 0 });
    socket.on("close", () => sessions.delete(socket));
    socket.on("message", (raw) => {
      const packet = JSON.parse(String(raw)) as { op: number; d: Record<string, unknown> };
      if (packet.op === 1) sendPacket(socket, { op: 11, d: null });
      else if (packet.op === 2) {
        identifies.push(packet.d);
        if (packet.d.token !== token) {
          socket.close(4004, "Authentication failed.");
          return;
        }
        sendPacket(socket, { op: 0, t: "READY", d: readyPayload(`ws://127.0.0.1:${port}`) });
        sendPacket(socket, { op: 0, t: "GUILD_CREATE", d: guildCreate() });
      } else if (packet.op === 6) sendPacket(socket, { op: 9, d: false });
    });
    sendPacket(socket, { op: 10, d: { heartbeat_interval: 41_250 } });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;

  return {
    apiUrl: `http://127.0.0.1:${port}`,
    gatewayUrl: `ws://127.0.0.1:${port}`,
    token,
    requests,
    unknownRoutes,
    identifies,
    gatewayConnections,
    channelMessages: posted,
    openSessions: () => sessions.size,
    failNext(method, path, status = 400) {
      failures.push({ method, path, failure: { status }, left: 1 });
    },
    failWith(method, path, failure, times = Number.POSITIVE_INFINITY) {
      failures.push({ method, path, failure, left: times });
    },
    clearFailures() {
      failures.length = 0;
    },
    onRequest(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    forget() {
      requests.length = 0;
      originals.clear();
      nonces.clear();
      posted.length = 0;
    },
    dispatch(event, data) {
      for (const socket of sessions.keys()) sendPacket(socket, { op: 0, t: event, d: data });
    },
    waitForRequest(predicate, timeoutMs = 10_000) {
      const seen = requests.find(predicate);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`fake-discord: no matching request within ${timeoutMs} ms; got ${requests.map((r) => `${r.method} ${r.path}`).join(", ")}`));
        }, timeoutMs);
        const waiter: Waiter = {
          predicate,
          resolve: (request) => {
            clearTimeout(timer);
            resolve(request);
          },
        };
        waiters.add(waiter);
      });
    },
    async close() {
      for (const socket of sessions.keys()) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The message body of an interaction answer: from a callback's `data`, an edit, or a follow-up. */
export interface SeenMessage {
  readonly content?: string;
  readonly embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[]; footer?: { text: string } }[];
  readonly components?: { type: number; components: { type: number; custom_id?: string; label?: string }[] }[];
  readonly allowed_mentions?: { parse?: string[]; users?: string[]; roles?: string[] };
  readonly flags?: number;
  readonly choices?: { name: string; value: string }[];
}

/** What the user ends up seeing for one interaction, and how it got there. */
export interface SeenAnswer {
  readonly via: "callback" | "edit" | "followup";
  /** The callback type (4 message, 8 autocomplete), for `via: "callback"`. */
  readonly callbackType?: number;
  readonly message: SeenMessage;
  readonly request: RecordedRequest;
}

/** An injected interaction: its first callback and its final answer. */
export interface Exchange {
  readonly token: string;
  firstCallback(): Promise<RecordedRequest>;
  answer(): Promise<SeenAnswer>;
}

const isCallback = (r: RecordedRequest): boolean => r.method === "POST" && r.path.endsWith("/callback");
const isWebhookMessage = (r: RecordedRequest): boolean => (r.method === "PATCH" && r.path.endsWith("/messages/@original")) || (r.method === "POST" && !r.path.endsWith("/callback"));

/** The first answer an interaction gets through its webhook: the original response edited, or a follow-up. */
export async function webhookAnswer(fake: FakeDiscord, token: string, timeoutMs = 15_000): Promise<SeenAnswer> {
  const request = await fake.waitForRequest((r) => r.interactionToken === token && isWebhookMessage(r), timeoutMs);
  return { via: request.method === "PATCH" ? "edit" : "followup", message: request.body as SeenMessage, request };
}

/** Sends an INTERACTION_CREATE through the gateway and follows its callbacks and webhooks by token. */
export function interact(fake: FakeDiscord, raw: { token: string; payload: unknown }, timeoutMs = 15_000): Exchange {
  const mine = (r: RecordedRequest): boolean => r.interactionToken === raw.token;
  fake.dispatch("INTERACTION_CREATE", raw.payload);
  return {
    token: raw.token,
    firstCallback: () => fake.waitForRequest((r) => mine(r) && isCallback(r), timeoutMs),
    async answer() {
      const request = await fake.waitForRequest((r) => {
        if (!mine(r)) return false;
        if (isCallback(r)) return ![5, 6].includes((r.body as { type: number }).type);
        return isWebhookMessage(r);
      }, timeoutMs);
      if (isCallback(request)) {
        const body = request.body as { type: number; data: SeenMessage };
        return { via: "callback", callbackType: body.type, message: body.data, request };
      }
      return { via: request.method === "PATCH" ? "edit" : "followup", message: request.body as SeenMessage, request };
    },
  };
}
