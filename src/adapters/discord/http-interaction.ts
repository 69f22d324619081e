import type { REST } from "@discordjs/rest";
import {
  ApplicationCommandType,
  ComponentType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  Routes,
  type APIInteraction,
  type APIInteractionResponse,
} from "discord-api-types/v10";
import type { InteractionAction, InteractionEvent, OptionNode } from "./interaction-event.js";
import type { InteractionResponder, ResponderState, Visibility } from "./responder.js";

function actionOf(payload: APIInteraction): InteractionAction {
  switch (payload.type) {
    case InteractionType.ApplicationCommand: {
      const data = payload.data;
      if (data.type === ApplicationCommandType.ChatInput) return { kind: "command", commandName: data.name, options: (data.options ?? []) as readonly OptionNode[] };
      if (data.type === ApplicationCommandType.Message) return { kind: "message-command", commandName: data.name, content: data.resolved.messages[data.target_id]?.content ?? "" };
      return { kind: "other", type: payload.type };
    }
    case InteractionType.ApplicationCommandAutocomplete:
      return { kind: "autocomplete", commandName: payload.data.name, options: (payload.data.options ?? []) as readonly OptionNode[] };
    case InteractionType.MessageComponent:
      return payload.data.component_type === ComponentType.Button ? { kind: "button", customId: payload.data.custom_id, messageId: payload.message.id } : { kind: "other", type: payload.type };
    default:
      return { kind: "other", type: payload.type };
  }
}

/** An interaction Discord sent over HTTP (its JSON payload) as an {@link InteractionEvent}. */
export function eventOfPayload(payload: APIInteraction): InteractionEvent {
  const user = payload.member?.user ?? payload.user;
  const channel = payload.channel as { id?: string; name?: string | null } | undefined;
  const permissions = payload.member?.permissions;
  return {
    actor: {
      userId: user?.id ?? "",
      names: { nick: payload.member?.nick ?? null, globalName: user?.global_name ?? null, username: user?.username ?? "" },
      channelId: channel?.id ?? payload.channel_id ?? null,
      ...(typeof channel?.name === "string" ? { channelName: channel.name } : {}),
      guildId: payload.guild_id ?? null,
      permissions: typeof permissions === "string" && /^\d+$/.test(permissions) ? BigInt(permissions) : null,
    },
    action: actionOf(payload),
  };
}

/** Where a webhook responder sends what follows the HTTP response. */
export interface WebhookTarget {
  readonly rest: REST;
  readonly applicationId: string;
  readonly token: string;
}

const flagsOf = (visibility: Visibility) => (visibility.ephemeral ? { flags: MessageFlags.Ephemeral } : {});

/**
 * Answers an interaction that arrived over HTTP: the first answer (deferral, message or
 * autocomplete choices) is the HTTP response, written with `respond`; edits and follow-ups go to
 * the interaction's webhook through `rest` (no bot token needed: the interaction token is the
 * credential). Mentions stay off in every message.
 */
export function webhookResponder(respond: (body: APIInteractionResponse) => void, target: WebhookTarget): InteractionResponder {
  let state: ResponderState = "fresh";
  const first = (body: APIInteractionResponse, next: ResponderState): void => {
    if (state !== "fresh") throw new Error("the interaction was already acknowledged");
    respond(body);
    state = next;
  };
  return {
    async defer(visibility) {
      first({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: flagsOf(visibility) }, "deferred");
    },
    async reply(message, visibility) {
      first({ type: InteractionResponseType.ChannelMessageWithSource, data: { ...message, ...flagsOf(visibility) } }, "answered");
    },
    async edit(message) {
      const edited = (await target.rest.patch(Routes.webhookMessage(target.applicationId, target.token, "@original"), { body: message, auth: false })) as { id: string };
      state = "answered";
      return { id: edited.id };
    },
    async followUp(message, visibility) {
      await target.rest.post(Routes.webhook(target.applicationId, target.token), { body: { ...message, ...flagsOf(visibility) }, auth: false });
    },
    async suggest(choices) {
      first({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [...choices] } }, "answered");
    },
    get state() {
      return state;
    },
  };
}
