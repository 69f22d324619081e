import type { IncomingMessage, ServerResponse } from "node:http";
import { InteractionResponseType, InteractionType, type APIInteraction, type APIInteractionResponse } from "discord-api-types/v10";
import { z } from "zod";
import { readLimited } from "../../http/read-body.js";
import { isFreshTimestamp } from "../../http/request-timestamp.js";
import { sendJson, type HttpRoute } from "../../http/routes.js";
import type { SignatureCheck } from "./signature.js";

/** Where Discord posts interactions (the application's Interactions Endpoint URL). */
export const INTERACTIONS_PATH = "/discord/interactions";
/** Largest request body accepted; Discord's payloads are a few kilobytes. */
export const MAX_INTERACTION_BODY_BYTES = 1024 * 1024;

/** Why a request was turned away. */
export interface InteractionRefusal {
  readonly status: 400 | 401 | 413;
  readonly reason: string;
}

/** Options of {@link interactionsRoute}. */
export interface InteractionsRouteOptions {
  readonly verify: SignatureCheck;
  /**
   * Takes a verified interaction (not a PING); `respond` writes the HTTP response (the first
   * answer) and may be called once. An interaction left unanswered when `handle` settles gets 400.
   */
  readonly handle: (payload: APIInteraction, respond: (body: APIInteractionResponse) => void) => Promise<void>;
  readonly maxBodyBytes?: number;
  /** Seconds since the epoch (default: the system clock). */
  readonly nowSeconds?: () => number;
  /** Called for every refused request (for logging). */
  readonly onRefused?: (refusal: InteractionRefusal) => void;
}

/** The fields every interaction has; the rest is Discord's to define. */
const envelope = z.looseObject({ id: z.string(), type: z.number().int(), application_id: z.string(), token: z.string() });

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === "string" ? value : undefined;
}

function refuse(res: ServerResponse, refusal: InteractionRefusal, onRefused?: (refusal: InteractionRefusal) => void): void {
  onRefused?.(refusal);
  if (res.headersSent) return void res.end();
  res.setHeader("connection", "close");
  sendJson(res, { status: refusal.status, body: { error: refusal.reason } });
}

/** Reads, verifies and parses one request: the interaction, or why it is refused. */
async function accept(req: IncomingMessage, options: InteractionsRouteOptions): Promise<APIInteraction | InteractionRefusal> {
  const maxBytes = options.maxBodyBytes ?? MAX_INTERACTION_BODY_BYTES;
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) return { status: 413, reason: `body of ${declared} bytes is over the ${maxBytes}-byte limit` };
  const body = await readLimited(req, maxBytes);
  if (body === null) return { status: 413, reason: `body is over the ${maxBytes}-byte limit` };
  const timestamp = header(req, "x-signature-timestamp");
  const signature = header(req, "x-signature-ed25519");
  if (timestamp === undefined || signature === undefined) return { status: 401, reason: "missing X-Signature-Ed25519 or X-Signature-Timestamp" };
  if (!options.verify(timestamp, body, signature)) return { status: 401, reason: "invalid request signature" };
  const now = options.nowSeconds?.() ?? Math.floor(Date.now() / 1000);
  if (!isFreshTimestamp(timestamp, now)) return { status: 401, reason: "X-Signature-Timestamp is more than 5 minutes from now" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    return { status: 400, reason: "the body is not JSON" };
  }
  if (!envelope.safeParse(parsed).success) return { status: 400, reason: "the body is not an interaction" };
  return parsed as APIInteraction;
}

/**
 * The HTTP route Discord posts interactions to: a body over `maxBodyBytes` gets 413 (judged from
 * Content-Length up front and counted while streaming), a missing or wrong Ed25519 signature or a
 * stale timestamp 401, a body that is not a JSON interaction 400, a PING `{"type":1}`; everything
 * else goes to `handle`, which answers through `respond` within Discord's 3 s.
 */
export function interactionsRoute(options: InteractionsRouteOptions): HttpRoute {
  return {
    path: INTERACTIONS_PATH,
    method: ["POST"],
    handler(req, res) {
      accept(req, options).then(
        async (outcome) => {
          if ("status" in outcome) return refuse(res, outcome, options.onRefused);
          if (outcome.type === InteractionType.Ping) return sendJson(res, { status: 200, body: { type: InteractionResponseType.Pong } });
          let answered = false;
          const respond = (body: APIInteractionResponse): void => {
            if (answered) throw new Error("the interaction was already answered");
            answered = true;
            sendJson(res, { status: 200, body });
          };
          try {
            await options.handle(outcome, respond);
          } finally {
            if (!answered) refuse(res, { status: 400, reason: `interaction type ${outcome.type} is not handled` }, options.onRefused);
          }
        },
        () => refuse(res, { status: 400, reason: "the request body could not be read" }, options.onRefused),
      );
    },
  };
}
