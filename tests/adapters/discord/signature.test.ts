import { describe, expect, it } from "vitest";
import { nonceOf } from "../../../src/adapters/discord/nonce.js";
import { signatureCheck } from "../../../src/adapters/discord/signature.js";
import { interactionKeys } from "./signed-interactions.js";

describe("Discord request signatures", () => {
  const keys = interactionKeys();
  const check = signatureCheck(keys.publicKeyHex);
  const body = '{"type":1}';

  it("accepts Ed25519 over timestamp + body, and nothing changed", () => {
    const signature = keys.sign("1700000000", body);
    expect(check("1700000000", Buffer.from(body), signature)).toBe(true);
    expect(check("1700000001", Buffer.from(body), signature)).toBe(false);
    expect(check("1700000000", Buffer.from(`${body} `), signature)).toBe(false);
    expect(check("1700000000", Buffer.from(body), signature.toUpperCase())).toBe(true);
    expect(check("1700000000", Buffer.from(body), interactionKeys().sign("1700000000", body))).toBe(false);
    expect(check("1700000000", Buffer.from(body), "")).toBe(false);
    expect(check("1700000000", Buffer.from(body), "g".repeat(128))).toBe(false);
  });

  it("refuses a key that is not 64 hex characters", () => {
    expect(() => signatureCheck("abc")).toThrow(/64 hex/);
    expect(() => signatureCheck("z".repeat(64))).toThrow(/64 hex/);
  });
});

describe("Discord message nonces", () => {
  it("are 25 hex characters, the same for the same key and different for another", () => {
    expect(nonceOf("digest:1:2:2026-03-20")).toMatch(/^[0-9a-f]{25}$/);
    expect(nonceOf("digest:1:2:2026-03-20")).toBe(nonceOf("digest:1:2:2026-03-20"));
    expect(nonceOf("digest:1:2:2026-03-21")).not.toBe(nonceOf("digest:1:2:2026-03-20"));
  });
});
