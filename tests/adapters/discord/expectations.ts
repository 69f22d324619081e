import { expect } from "vitest";
import type { Invocation } from "../../../commands/types.js";
import type { SeenMessage } from "./fake-discord.js";
import { ALICE, FAKE_IDS } from "./fake-payloads.js";
import { flattenMessage } from "./flatten.js";

/** The custom_id of the first button under a message (the Share button). */
export const shareButton = (message: SeenMessage): string | undefined => message.components?.[0]?.components[0]?.custom_id;

/**
 * The answer to Alice's `/dispute ask How much did Amazon commit to invest in OpenAI?` in #general:
 * a verbatim, cited passage with mentions off and a Share button, from a request the dispatcher got
 * with her name, channel, server and permissions.
 */
export function expectAliceAmazonAnswer(message: SeenMessage, last: { request?: unknown; invocation: Invocation } | undefined): void {
  const text = flattenMessage(message);
  expect(text).toContain("$50 billion");
  expect(text).toMatch(/¶\d+/);
  expect(message.allowed_mentions).toEqual({ parse: [] });
  expect(shareButton(message)).toMatch(/^dispute:share:/);
  expect(last?.request).toEqual({ name: "ask", options: { question: "How much did Amazon commit to invest in OpenAI?" } });
  expect(last?.invocation).toMatchObject({ platform: "discord", user: { id: ALICE.id, name: "Alice" }, channel: { id: FAKE_IDS.channel, name: "general" }, workspace: FAKE_IDS.guild, canManageChannel: true });
}

/** Autocomplete choices within Discord's limits: 1 to 25, names 1-100 characters, values up to 100. */
export function expectChoicesWithinLimits(choices: readonly { name: string; value: string }[] | undefined): void {
  expect(choices?.length).toBeGreaterThan(0);
  expect(choices!.length).toBeLessThanOrEqual(25);
  for (const choice of choices!) {
    expect(choice.name.length).toBeGreaterThan(0);
    expect(choice.name.length).toBeLessThanOrEqual(100);
    expect(choice.value.length).toBeLessThanOrEqual(100);
  }
}
