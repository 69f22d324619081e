import { parseDigestMode, parseDigestTime, parseDigestTimeZone, type Parsed } from "../src/digest/subscription-input.js";
import { knownTimeZones } from "../src/digest/time.js";
import { checkQuery } from "../src/knowledge/input.js";
import type { Knowledge } from "../src/knowledge/knowledge.js";
import { UserError } from "./errors.js";
import type { OptionDefinition, OptionKindName } from "./types.js";

/** What an option kind may consult. */
export interface KindContext {
  readonly knowledge: () => Knowledge;
}

/** An option kind: how a value is checked (throwing a {@link UserError}) and what is suggested as the user types. */
export interface OptionKind {
  /** The checked value, from text already trimmed and free of invisible characters (never empty). */
  check(value: string, option: OptionDefinition, context: KindContext): string;
  /** The refusal when a required option is empty (default: a `usage` error naming the option). */
  missing?(option: OptionDefinition): UserError;
  /** Autocomplete values for what was typed so far. */
  suggest?(typed: string, context: KindContext): string[];
}

/** Throws the coded refusal of a digest field parser. */
const orRefuse = <T>(parsed: Parsed<T>, option: OptionDefinition): T => {
  if (!parsed.ok) throw new UserError(parsed.error.code, { option: option.name, input: parsed.error.input });
  return parsed.value;
};

/** The length limit every kind shares. */
/** A query kind's refusal, coded by the query check's reason and carrying its sentence. */
const queryRefusal = (checked: Exclude<ReturnType<typeof checkQuery>, { ok: true }>, option: OptionDefinition): UserError =>
  new UserError(checked.reason === "empty" ? "usage" : checked.reason === "too-long" ? "too-long" : "not-text", { option: option.name, detail: checked.message });

const withinLength = (value: string, option: OptionDefinition): string => {
  if (option.maxLength !== undefined && value.length > option.maxLength) throw new UserError("too-long", { option: option.name, maxLength: option.maxLength });
  return value;
};

/** A calendar date as YYYY-MM-DD (a day that exists), or null. */
export function calendarDate(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value ? value : null;
}

/** Every option kind by name. */
export const OPTION_KINDS: { readonly [K in OptionKindName]: OptionKind } = {
  query: {
    check(value, option) {
      const checked = checkQuery(value);
      if (checked.ok) return checked.text;
      throw queryRefusal(checked, option);
    },
    missing(option) {
      const checked = checkQuery("");
      return checked.ok ? new UserError("usage", { option: option.name }) : queryRefusal(checked, option);
    },
    suggest: (typed, { knowledge }) => knowledge().suggest(typed),
  },
  time: { check: (value, option) => orRefuse(parseDigestTime(withinLength(value, option)), option) },
  timezone: {
    check: (value, option) => orRefuse(parseDigestTimeZone(withinLength(value, option)), option),
    suggest(typed) {
      const t = typed.trim().toLowerCase();
      return knownTimeZones().filter((z) => z.toLowerCase().includes(t)).slice(0, 25);
    },
  },
  mode: { check: (value, option) => orRefuse(parseDigestMode(withinLength(value, option)), option) },
  party: {
    check(value, option, { knowledge }) {
      const k = knowledge();
      if (k.positions(withinLength(value, option)) === null) throw new UserError("unknown-party", { option: option.name, input: value, choices: k.parties() });
      return value;
    },
    suggest(typed, { knowledge }) {
      const t = typed.trim().toLowerCase();
      return knowledge().parties().filter((p) => p.toLowerCase().includes(t));
    },
  },
  text: { check: withinLength },
  date: {
    check(value, option) {
      const date = calendarDate(withinLength(value, option));
      if (date === null) throw new UserError("bad-date", { option: option.name, input: value });
      return date;
    },
  },
  url: {
    check(value, option) {
      const url = withinLength(value, option);
      if (!/^https?:\/\/[^\s]+$/i.test(url)) throw new UserError("bad-url", { option: option.name, input: url });
      return url;
    },
  },
};
