/** Parses "HH:MM" (24-hour, also "8:05") into hours and minutes, or null when malformed. */
export function parseLocalTime(text: string): { hour: number; minute: number; text: string } | null {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  return { hour, minute, text: `${String(hour).padStart(2, "0")}:${m[2]}` };
}

/** True when `zone` is an IANA time zone this runtime knows ("Europe/Berlin", "UTC"). */
export function isValidTimeZone(zone: string): boolean {
  if (zone.trim() === "" || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Canonical spelling of a valid zone ("europe/berlin" → "Europe/Berlin"). */
export function canonicalTimeZone(zone: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
}

/** All IANA zones the runtime knows, for autocomplete. */
export function knownTimeZones(): readonly string[] {
  return ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")];
}

/** The canonical zone for user input ("europe/berlin" → "Europe/Berlin"), or null when it is not a zone. Never throws. */
export function resolveTimeZone(text: string): string | null {
  const zone = text.trim();
  return isValidTimeZone(zone) ? canonicalTimeZone(zone) : null;
}
