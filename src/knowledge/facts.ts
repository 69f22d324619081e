/** Extraction of figures and dates from verbatim text. Pure functions. */

/** A money or capacity figure found in text. */
export interface Figure {
  /** Normalised key, e.g. `usd:50000000000` or `gw:2`. */
  readonly key: string;
  /** The text as written ("$50 billion", "2GW"). */
  readonly raw: string;
  readonly index: number;
}

// "$50 billion", "$15B", "35 billion"; and as chat writes sums without the sign: "50B", "10b", "1.5bn", "50 bil"
const MONEY = /(?:US\$|\$|USD\s?)(\d+(?:\.\d+)?)\s?(trillion|billion|million|tn|bn|mn|[TBM])\b|\b(\d+(?:\.\d+)?)\s?(trillion|billion|million|bn|bil|mil|tn)\b|\b(\d+(?:\.\d+)?)([TBM])\b/gi;
const RANGE = /(?:\bbetween\s+\$?(\d+(?:\.\d+)?)\s+and\s+|(?<![\d.$])\$?(\d+(?:\.\d+)?)\s?(?:-|–|to)\s?)\$?\d+(?:\.\d+)?\s?(trillion|billion|million|bn|bil|mil|tn|[TBM])\b/gi;
const ONE_UNIT = /\b(?:a|one)\s+(trillion|billion|million)\b(?!\s+(?:people|users|customers|tokens|times|years))/gi;
const POWER = /\b(\d+(?:\.\d+)?)\s?(gigawatts?|GW)\b/gi;
const SCALE: Record<string, number> = { t: 1e12, tn: 1e12, trillion: 1e12, b: 1e9, bn: 1e9, bil: 1e9, billion: 1e9, m: 1e6, mn: 1e6, mil: 1e6, million: 1e6 };

/** Finds money amounts ("$50 billion", "$15B", "$79B-$134B", "50b") and capacities ("2 gigawatts", "2GW"). */
export function extractFigures(text: string): Figure[] {
  const figures: Figure[] = [];
  for (const m of text.matchAll(MONEY)) {
    const n = Number(m[1] ?? m[3] ?? m[5]);
    const unit = (m[2] ?? m[4] ?? m[6] ?? "").toLowerCase();
    figures.push({ key: `usd:${Math.round(n * (SCALE[unit] ?? 1))}`, raw: m[0], index: m.index });
  }
  // the first end of a range takes the unit of the second: "79-134b", "between 79 and 134 billion", "$15 to $35 billion"
  for (const m of text.matchAll(RANGE)) {
    const first = m[1] ?? m[2]!;
    // a year is no sum ("in 2019 to 10 billion")
    if (/^(?:19|20)\d{2}$/.test(first)) continue;
    const unit = m[3]!.toLowerCase();
    const index = m.index + m[0].indexOf(first);
    if (figures.some((f) => f.index <= index && index < f.index + f.raw.length)) continue;
    figures.push({ key: `usd:${Math.round(Number(first) * (SCALE[unit] ?? 1))}`, raw: `${first}${unit.length === 1 ? unit : ` ${unit}`}`, index });
  }
  // "a billion", "one million"
  for (const m of text.matchAll(ONE_UNIT)) figures.push({ key: `usd:${SCALE[m[1]!.toLowerCase()]!}`, raw: m[0], index: m.index });
  for (const m of text.matchAll(POWER)) figures.push({ key: `gw:${Number(m[1])}`, raw: m[0], index: m.index });
  return figures.sort((a, b) => a.index - b.index);
}

const NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
/** A count of things: "three DMA investigations", "5 probes" (a number, at most two words, then a plural). */
const COUNT = new RegExp(`\\b(${NUMBER_WORDS.join("|")}|\\d{1,2})((?:\\s+[A-Za-z][\\w-]*){0,2}?\\s+[A-Za-z]+s)\\b`, "gi");

/** A count of things found in text. */
export interface FoundCount {
  readonly count: number;
  /** The number as written ("three", "5"). */
  readonly raw: string;
  /** The number with what it counts ("three DMA investigations"). */
  readonly shown: string;
}

/** Finds counts of things ("three DMA investigations", "5 probes"), not sums, capacities or spans of time. */
export function extractCounts(text: string): FoundCount[] {
  return [...text.matchAll(COUNT)]
    .filter((m) => !/\b(?:billion|million|trillion|percent|gigawatts?|years?|days?|weeks?|months?)\b/i.test(m[2]!))
    .map((m) => ({ count: /\d/.test(m[1]!) ? Number(m[1]) : NUMBER_WORDS.indexOf(m[1]!.toLowerCase()) + 1, raw: m[1]!, shown: m[0] }));
}

/** A date found in text: full, month+year or year; approximate when relative or vague. */
export interface FoundDate {
  /** "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
  readonly date: string;
  readonly approximate: boolean;
  readonly raw: string;
  readonly index: number;
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_RE = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

function monthNumber(name: string): number {
  const key = name.toLowerCase().replace(/\.$/, "").slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(key)) + 1;
}

const pad = (n: number): string => String(n).padStart(2, "0");

function isoDay(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

interface DatePattern {
  readonly re: RegExp;
  readonly read: (m: RegExpMatchArray, ref: Date | null, year: number | null) => { date: string; approximate: boolean } | null;
}

/** A quick test that lets most sentences skip the date patterns. */
const MAY_HAVE_DATE = /\d|\b(?:last|this|next|yesterday|today|as of|on|since|early|late|mid)\b/i;

/** Ordered from most to least specific; a later pattern never matches inside an earlier match. */
const PATTERNS: readonly DatePattern[] = [
  { // February 27, 2026 / Feb. 27 2026
    re: new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})\\b`, "gi"),
    read: (m) => ({ date: `${m[3]}-${pad(monthNumber(m[1]!))}-${pad(Number(m[2]))}`, approximate: false }),
  },
  { // 19 March 2026
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_RE}\\s+((?:19|20)\\d{2})\\b`, "gi"),
    read: (m) => ({ date: `${m[3]}-${pad(monthNumber(m[2]!))}-${pad(Number(m[1]))}`, approximate: false }),
  },
  { // October 2024 / Nov. 2025
    re: new RegExp(`\\b${MONTH_RE}\\s+((?:19|20)\\d{2})\\b`, "gi"),
    read: (m) => ({ date: `${m[2]}-${pad(monthNumber(m[1]!))}`, approximate: false }),
  },
  { // April 27 (the year comes from the document's date, or the year the document is about)
    re: new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!,?\\s*\\d)`, "gi"),
    read: (m, ref, year) => {
      const y = ref?.getUTCFullYear() ?? year;
      const day = Number(m[2]);
      return y !== null && day >= 1 && day <= 31 ? { date: `${y}-${pad(monthNumber(m[1]!))}-${pad(day)}`, approximate: true } : null;
    },
  },
  { // late 2025 / early 2026 / mid-2025
    re: /\b(early|late|mid|end of|start of|beginning of)[\s-]+((?:19|20)\d{2})\b/gi,
    read: (m) => ({ date: m[2]!, approximate: true }),
  },
  { // 2019
    re: /(?<![$\d.,])\b((?:19|20)\d{2})\b(?![\d.,]\d)/g,
    read: (m) => ({ date: m[1]!, approximate: false }),
  },
  { // last month / last week / this year / yesterday
    re: /\b(last|this|next) (week|month|year)\b|\b(yesterday|today)\b/gi,
    read: (m, ref) => (ref ? relative(m, ref) : null),
  },
  { // as of Wednesday / on Monday
    re: /\b(?:as of|on|since|last)\s+(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/gi,
    read: (m, ref) => {
      if (!ref) return null;
      const target = WEEKDAYS.indexOf(m[1]!.toLowerCase());
      const back = (ref.getUTCDay() - target + 7) % 7;
      return { date: isoDay(new Date(ref.getTime() - back * 86_400_000)), approximate: true };
    },
  },
];

function relative(m: RegExpMatchArray, ref: Date): { date: string; approximate: boolean } {
  const word = (m[3] ?? m[2] ?? "").toLowerCase();
  const step = (m[1] ?? "").toLowerCase() === "last" ? -1 : (m[1] ?? "").toLowerCase() === "next" ? 1 : 0;
  const y = ref.getUTCFullYear();
  switch (word) {
    case "year":
      return { date: String(y + step), approximate: true };
    case "month": {
      const d = new Date(Date.UTC(y, ref.getUTCMonth() + step, 1));
      return { date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`, approximate: true };
    }
    case "week":
      return { date: isoDay(new Date(ref.getTime() + step * 7 * 86_400_000)), approximate: true };
    case "yesterday":
      return { date: isoDay(new Date(ref.getTime() - 86_400_000)), approximate: true };
    default:
      return { date: isoDay(ref), approximate: true };
  }
}

/**
 * Finds dates in text. Full dates, month+year and bare years are exact; "late 2025" is
 * approximate. Relative dates ("last month", "as of Wednesday") are resolved against `published`
 * (YYYY-MM-DD) and marked approximate, or left out when it is null. A day and month without a
 * year ("April 27") takes the year of `published`, or else `yearHint` (the year the document is
 * about), and is marked approximate.
 */
export function extractDates(text: string, published: string | null, yearHint: number | null = null): FoundDate[] {
  if (!MAY_HAVE_DATE.test(text)) return [];
  const ref = published ? new Date(`${published}T00:00:00Z`) : null;
  const taken: [number, number][] = [];
  const found: FoundDate[] = [];
  for (const pattern of PATTERNS) {
    pattern.re.lastIndex = 0;
    for (const m of text.matchAll(pattern.re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      taken.push([start, end]);
      const read = pattern.read(m, ref, yearHint);
      if (read) found.push({ ...read, raw: m[0], index: start });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * The year a document without a publication date is about: the latest year it names in full
 * dates, month-and-year or bare years (null when it names none).
 */
export function documentYear(texts: Iterable<string>): number | null {
  let latest: number | null = null;
  for (const text of texts) {
    for (const d of extractDates(text, null)) {
      if (d.approximate) continue;
      const y = Number(d.date.slice(0, 4));
      if (latest === null || y > latest) latest = y;
    }
  }
  return latest;
}

/** Whether a text gives a date, a day and month without a year ("April 27") included. */
export function hasDate(text: string, published: string | null): boolean {
  return extractDates(text, published, published ? null : 2000).length > 0;
}

/** A time said without a date: "as early as this year", "as of Wednesday", "last month". */
const TIME_GIVEN =
  /\b(?:(?:this|last|next|later this|early|late|end of(?: the)?)\s+(?:year|month|week|quarter|spring|summer|fall|autumn|winter)|as of|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow)\b/i;

/** Whether a text says when: a date, or a time said without one. */
export function mentionsTime(text: string, published: string | null): boolean {
  return hasDate(text, published) || TIME_GIVEN.test(text);
}
