import type { ApplicationCommandOptionChoiceData } from "discord.js";
import { DISCORD_LIMITS as L } from "./limits.js";
import { cutPlain, cutText, isBlank } from "./text.js";

/** Autocomplete suggestions as Discord choices: at most 25, unique, names and values within 100 characters. */
export function choicesOf(suggestions: readonly string[]): ApplicationCommandOptionChoiceData<string>[] {
  const seen = new Set<string>();
  const choices: ApplicationCommandOptionChoiceData<string>[] = [];
  for (const suggestion of suggestions) {
    const text = suggestion.replace(/\s+/g, " ").trim();
    const value = cutPlain(text, L.choiceText).trim();
    if (isBlank(value) || seen.has(value)) continue;
    seen.add(value);
    choices.push({ name: cutText(text, L.choiceText), value });
    if (choices.length === L.autocompleteChoices) break;
  }
  return choices;
}
