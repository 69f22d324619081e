/** A publication date as the seed metadata holds it. */
export interface PublicationDate {
  /** The local publication date (in the offset the source gives), YYYY-MM-DD. */
  readonly published: string;
  /** The full date-time with its offset (ISO 8601), or null when the source gives no time or no offset. */
  readonly publishedAt: string | null;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/i;
const RFC_OFFSET = /\s([+-])(\d{2})(\d{2})\s*$/;

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * Reads a publication date from a page or a feed. ISO 8601 (`2026-03-19`, `2026-03-19T04:48:00+10:00`)
 * keeps the date as written, so the date is the publisher's local one. Other forms that `Date` reads
 * (RFC 822 as in RSS: `Thu, 19 Mar 2026 04:48:00 +1000`) give the date in the stated offset, or in UTC
 * when none is stated. Anything else (or an impossible date) is null.
 */
export function publicationDate(value: string | null | undefined): PublicationDate | null {
  if (!value) return null;
  const text = value.trim();
  const iso = ISO.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, , zone] = iso;
    if (!validDate(Number(y), Number(mo), Number(d))) return null;
    const published = `${y}-${mo}-${d}`;
    if (h === undefined || zone === undefined) return { published, publishedAt: null };
    const offset = zone.toUpperCase() === "Z" ? "Z" : zone.replace(/^([+-]\d{2}):?(\d{2})$/, "$1:$2");
    return { published, publishedAt: `${published}T${h}:${mi}:${s ?? "00"}${offset}` };
  }
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return null;
  const rfc = RFC_OFFSET.exec(text);
  const offsetMinutes = rfc ? (rfc[1] === "-" ? -1 : 1) * (Number(rfc[2]) * 60 + Number(rfc[3])) : 0;
  const local = new Date(ms + offsetMinutes * 60_000).toISOString();
  const stated = rfc !== null || /\b(GMT|UTC|Z)\s*$/i.test(text);
  const offset = offsetMinutes === 0 ? "Z" : `${rfc![1]}${rfc![2]}:${rfc![3]}`;
  return { published: local.slice(0, 10), publishedAt: stated ? `${local.slice(0, 19)}${offset}` : null };
}
