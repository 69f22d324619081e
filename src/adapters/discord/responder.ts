import type { APIApplicationCommandOptionChoice } from "discord-api-types/v10";
import type { DiscordMessage } from "./render.js";

/** Whether a message shows only to the user who triggered the interaction. */
export interface Visibility {
  readonly ephemeral: boolean;
}

/** What has been sent for an interaction so far. */
export type ResponderState = "fresh" | "deferred" | "answered";

/**
 * Answers one interaction. The interaction handler speaks only to this, so the same handling
 * serves interactions from the gateway (over discord.js) and over HTTP (the HTTP response, then
 * the interaction webhook). The first answer must come within 3 s: `defer`, `reply` or `suggest`.
 */
export interface InteractionResponder {
  /** Acknowledges at once; the answer follows with {@link InteractionResponder.edit}. */
  defer(visibility: Visibility): Promise<void>;
  /** Answers at once with a message. */
  reply(message: DiscordMessage, visibility: Visibility): Promise<void>;
  /** Puts the answer in place of the deferred acknowledgement (or replaces the first answer); resolves with the message's id. */
  edit(message: DiscordMessage): Promise<{ readonly id: string }>;
  /** Sends one more message after the first answer. */
  followUp(message: DiscordMessage, visibility: Visibility): Promise<void>;
  /** Answers an autocomplete interaction with its choices. */
  suggest(choices: readonly APIApplicationCommandOptionChoice<string>[]): Promise<void>;
  readonly state: ResponderState;
}
