import { createPublicKey, verify } from "node:crypto";

/** Checks an interaction request's `X-Signature-Ed25519` over `X-Signature-Timestamp` + the raw body. */
export type SignatureCheck = (timestamp: string, body: Buffer, signatureHex: string) => boolean;

const HEX_KEY = /^[0-9a-f]{64}$/i;
const HEX_SIGNATURE = /^[0-9a-f]{128}$/i;

/**
 * The signature check for an application's public key (64 hex characters, from the Developer
 * Portal): Ed25519 with `node:crypto`, the raw key wrapped as a JWK.
 * @throws TypeError when the key is not 64 hex characters
 */
export function signatureCheck(publicKeyHex: string): SignatureCheck {
  if (!HEX_KEY.test(publicKeyHex)) throw new TypeError("The Discord public key must be 64 hex characters.");
  const key = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: Buffer.from(publicKeyHex, "hex").toString("base64url") }, format: "jwk" });
  return (timestamp, body, signatureHex) => {
    if (!HEX_SIGNATURE.test(signatureHex)) return false;
    return verify(null, Buffer.concat([Buffer.from(timestamp, "utf8"), body]), key, Buffer.from(signatureHex, "hex"));
  };
}
