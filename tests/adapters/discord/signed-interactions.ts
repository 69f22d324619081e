import { generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { webhookAnswer, type FakeDiscord, type SeenAnswer, type SeenMessage } from "./fake-discord.js";

/** An application's Ed25519 key pair, made for the test: Discord signs with the private key. */
export interface InteractionKeys {
  /** The raw public key as 64 hex characters, as the Developer Portal shows it. */
  readonly publicKeyHex: string;
  /** The `X-Signature-Ed25519` of a request: hex Ed25519 over timestamp + body. */
  sign(timestamp: string, body: string): string;
}

/** Generates a fresh key pair with node:crypto. */
export function interactionKeys(): InteractionKeys {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const x = (publicKey.export({ format: "jwk" }) as { x: string }).x;
  return {
    publicKeyHex: Buffer.from(x, "base64url").toString("hex"),
    sign: (timestamp, body) => signWith(privateKey, timestamp, body),
  };
}

function signWith(privateKey: KeyObject, timestamp: string, body: string): string {
  return sign(null, Buffer.from(timestamp + body, "utf8"), privateKey).toString("hex");
}

/** How to send one interaction request; by default signed correctly with the current time. */
export interface PostOptions {
  readonly timestamp?: string;
  /** Replaces the signature header's value. */
  readonly signature?: string;
  /** Leaves these headers out. */
  readonly omit?: readonly ("x-signature-ed25519" | "x-signature-timestamp")[];
}

/** The HTTP response to an interaction request. */
export interface InteractionResponse {
  readonly status: number;
  readonly body: { type?: number; data?: SeenMessage & { choices?: { name: string; value: string }[] }; error?: string } | null;
}

/** POSTs a body (a payload, or raw text) to the interactions endpoint as Discord does: JSON, signed. */
export async function postInteraction(url: string, keys: InteractionKeys, payload: unknown, options: PostOptions = {}): Promise<InteractionResponse> {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  const timestamp = options.timestamp ?? String(Math.floor(Date.now() / 1000));
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "Discord-Interactions/1.0 (+https://discord.com)",
    "x-signature-ed25519": options.signature ?? keys.sign(timestamp, body),
    "x-signature-timestamp": timestamp,
  };
  for (const name of options.omit ?? []) delete headers[name];
  const response = await fetch(url, { method: "POST", headers, body });
  const text = await response.text();
  return { status: response.status, body: text === "" ? null : (JSON.parse(text) as InteractionResponse["body"]) };
}

/** An interaction sent over HTTP: its HTTP response, and what the user ends up seeing. */
export interface HttpExchange {
  readonly token: string;
  readonly response: Promise<InteractionResponse>;
  /** The answer: the response's message or choices, or (after a deferral) the webhook edit or follow-up. */
  answer(): Promise<SeenAnswer | { readonly via: "response"; readonly callbackType: number; readonly message: SeenMessage }>;
}

/** Posts a signed interaction to `url` and follows its answer on the fake's webhooks by token. */
export function interactOverHttp(fake: FakeDiscord, url: string, keys: InteractionKeys, raw: { token: string; payload: unknown }, timeoutMs = 15_000): HttpExchange {
  const response = postInteraction(url, keys, raw.payload);
  return {
    token: raw.token,
    response,
    async answer() {
      const { status, body } = await response;
      if (status !== 200 || !body || body.type === undefined) throw new Error(`the interaction got ${status} ${JSON.stringify(body)}`);
      if (body.type === 5 || body.type === 6) return webhookAnswer(fake, raw.token, timeoutMs);
      return { via: "response", callbackType: body.type, message: body.data ?? {} };
    },
  };
}
