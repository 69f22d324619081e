/**
 * When digests run: pure time-zone arithmetic over Intl, correct across daylight-saving changes.
 * A subscription runs once per local calendar day, at its local time; when that time does not exist
 * that day (clocks jump forward over it) it runs at the first instant after the jump.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A wall-clock reading in a zone. */
export interface LocalDateTime {
  /** YYYY-MM-DD */
  readonly date: string;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** The schedule fields of a subscription. */
export interface ScheduleOf {
  /** HH:MM */
  readonly time: string;
  readonly timeZone: string;
}

/** Whether a subscription is due at an instant, for its local date. */
export interface DueState {
  /** The local date at the instant (YYYY-MM-DD): one digest per subscription and local date. */
  readonly localDate: string;
  /** When the digest of that local date runs. */
  readonly runAt: Date;
  /** True once `runAt` has been reached. */
  readonly due: boolean;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(zone, f);
  }
  return f;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** The wall clock in `zone` at an instant. */
export function localDateTime(at: Date, zone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(at)) if (p.type !== "literal") parts[p.type] = Number(p.value);
  const year = parts.year ?? 1970;
  return {
    date: `${pad(year, 4)}-${pad(parts.month ?? 1)}-${pad(parts.day ?? 1)}`,
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** The wall clock at an instant, as milliseconds of a UTC date with the same reading (whole seconds). */
function wallMs(ms: number, zone: string): number {
  const l = localDateTime(new Date(ms), zone);
  const [y, mo, d] = l.date.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, mo - 1, d, l.hour, l.minute, l.second);
}

/** UTC offset of `zone` at an instant, in milliseconds. */
function offsetMs(ms: number, zone: string): number {
  return wallMs(ms, zone) - Math.floor(ms / 1000) * 1000;
}

function splitTime(time: string): { hour: number; minute: number } {
  const [h, m] = time.split(":").map(Number);
  return { hour: h ?? 0, minute: m ?? 0 };
}

/**
 * The instant at which the wall clock in `zone` reads `date` `time`.
 * When the reading occurs twice (clocks go back) the first is returned; when it does not occur
 * (clocks jump forward over it) the first instant after the jump is returned.
 * @param date YYYY-MM-DD
 * @param time HH:MM
 */
export function zonedInstant(date: string, time: string, zone: string): Date {
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  const { hour, minute } = splitTime(time);
  const wall = Date.UTC(y, mo - 1, d, hour, minute);
  const offsets = [...new Set([offsetMs(wall - DAY, zone), offsetMs(wall, zone), offsetMs(wall + DAY, zone)])];
  const exact = offsets.map((o) => wall - o).filter((t) => wallMs(t, zone) === wall);
  if (exact.length > 0) return new Date(Math.min(...exact));
  // In a gap: the jump lies between the readings under the old and the new offset; find it to the second.
  let lo = wall - Math.max(...offsets);
  let hi = wall - Math.min(...offsets);
  if (lo >= hi) return new Date(hi);
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (wallMs(mid, zone) >= wall) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

/** `date` plus `days` calendar days (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, mo - 1, d + days)).toISOString().slice(0, 10);
}

/** The local date at `at` and whether the subscription's time has been reached on it. */
export function dueState(schedule: ScheduleOf, at: Date): DueState {
  const localDate = localDateTime(at, schedule.timeZone).date;
  const runAt = zonedInstant(localDate, schedule.time, schedule.timeZone);
  return { localDate, runAt, due: at.getTime() >= runAt.getTime() };
}

/** The first scheduled run strictly after `at`. */
export function nextRunAfter(schedule: ScheduleOf, at: Date): Date {
  const today = localDateTime(at, schedule.timeZone).date;
  for (let i = 0; i < 4; i++) {
    const run = zonedInstant(addDays(today, i), schedule.time, schedule.timeZone);
    if (run.getTime() > at.getTime()) return run;
  }
  return zonedInstant(addDays(today, 4), schedule.time, schedule.timeZone);
}

/** "2026-03-09 08:00": an instant as wall-clock date and time in `zone`. */
export function formatLocal(at: Date, zone: string): string {
  const l = localDateTime(at, zone);
  return `${l.date} ${pad(l.hour)}:${pad(l.minute)}`;
}

/** "in 42 min", "in 5 h", "in 2 d", or "due now" for a time already reached. */
export function formatRelative(from: Date, to: Date): string {
  const ms = to.getTime() - from.getTime();
  if (ms <= 0) return "due now";
  if (ms < HOUR) return `in ${Math.max(1, Math.round(ms / MINUTE))} min`;
  if (ms < 2 * DAY) return `in ${Math.round(ms / HOUR)} h`;
  return `in ${Math.round(ms / DAY)} d`;
}
