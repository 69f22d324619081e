import { pino } from "pino";
import { commands, groups } from "../../commands/index.js";
import type { CommandDefinition } from "../../commands/types.js";
import { createDiscordAdapter } from "../../src/adapters/discord/discord-adapter.js";
import type { ChatAdapter } from "../../src/adapters/types.js";
import { interact, startFakeDiscord, type FakeDiscord, type SeenMessage } from "./discord/fake-discord.js";
import { FAKE_IDS, findSourcesCommand, messageCreate, slashCommand, type SlashRequest } from "./discord/fake-payloads.js";
import { flattenMessage } from "./discord/flatten.js";
import type { AdapterDriver } from "./driver.js";

/** What Discord's client would send for typed text: the rest of the line fills the first option. */
function optionsFor(definition: CommandDefinition | undefined, rest: string): Record<string, string> {
  const option = definition?.options[0];
  if (!option || rest === "") return {};
  const choice = option.choices?.find((c) => c.value.toLowerCase() === rest.toLowerCase() || c.name.toLowerCase() === rest.toLowerCase());
  return { [option.name]: choice ? choice.value : rest };
}

/**
 * Turns `ask …`, `positions openai` or `digest list` into the structured `/dispute` interaction
 * Discord sends: the first word is the subcommand (for `digest`, the group, with the next word
 * as its subcommand) and the rest of the text goes to that subcommand's first string option.
 */
export function slashRequestFromText(text: string): SlashRequest {
  const [first = "", ...words] = text.trim().split(/\s+/);
  const name = first.toLowerCase();
  const group = groups.find((g) => g.definition.name === name);
  if (group) {
    const [sub = "", ...args] = words;
    const definition = group.subcommands.find((s) => s.definition.name === sub.toLowerCase())?.definition;
    return { name, subcommand: sub.toLowerCase(), options: optionsFor(definition, args.join(" ")) };
  }
  const definition = commands.find((c) => c.definition.name === name)?.definition;
  return { name, options: optionsFor(definition, words.join(" ")) };
}

/** Drives the real Discord adapter against the loopback fake Discord, as a member in a guild channel. */
export function discordDriver(): AdapterDriver {
  let fake: FakeDiscord | undefined;
  let adapter: ChatAdapter | undefined;
  const running = (): FakeDiscord => {
    if (!fake) throw new Error("discord driver not started");
    return fake;
  };
  return {
    name: "discord",
    async start(dispatcher) {
      fake = await startFakeDiscord();
      adapter = createDiscordAdapter({ token: fake.token, apiUrl: fake.apiUrl, dispatcher, log: pino({ level: "silent" }) });
      await adapter.start();
    },
    async command(text) {
      const answer = await interact(running(), slashCommand(slashRequestFromText(text))).answer();
      return flattenMessage(answer.message);
    },
    async findSources(message) {
      const answer = await interact(running(), findSourcesCommand(message)).answer();
      return flattenMessage(answer.message);
    },
    async mention(text) {
      const created = messageCreate({ content: `<@${FAKE_IDS.bot}> ${text}`, mentionsBot: true });
      running().dispatch("MESSAGE_CREATE", created.payload);
      const reply = await running().waitForRequest((r) => r.method === "POST" && (r.body as { message_reference?: { message_id?: string } }).message_reference?.message_id === created.id);
      return flattenMessage(reply.body as SeenMessage);
    },
    async stop() {
      await adapter?.stop();
      await fake?.close();
    },
  };
}
