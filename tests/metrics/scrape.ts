/** One sample line of the Prometheus text format. */
export interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

/** A parsed exposition: its samples, the declared type of each metric, and look-ups. */
export interface Exposition {
  readonly samples: readonly Sample[];
  /** `# TYPE` lines: metric name → counter, gauge, histogram… */
  readonly types: ReadonlyMap<string, string>;
  /** The value of the sample with exactly these labels, 0 when there is none. */
  value(name: string, labels?: Record<string, string>): number;
  /** Every sample of `name`. */
  series(name: string): Sample[];
}

const SAMPLE = /^([A-Za-z_:][A-Za-z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+-?\d+)?$/;
const LABEL = /([A-Za-z_][A-Za-z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

const unescape = (v: string): string => v.replace(/\\(["\\n])/g, (_m, c: string) => (c === "n" ? "\n" : c));
const number = (v: string): number => (v === "+Inf" ? Infinity : v === "-Inf" ? -Infinity : Number(v));
const sameLabels = (a: Readonly<Record<string, string>>, b: Record<string, string>): boolean =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(b).every(([k, v]) => a[k] === v);

/**
 * Parses the Prometheus text exposition format (version 0.0.4): `# TYPE` lines and sample lines
 * with escaped label values.
 * @throws Error naming a line that is neither a comment nor a sample
 */
export function parseExposition(text: string): Exposition {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    if (line.startsWith("#")) {
      const type = /^# TYPE (\S+) (\S+)$/.exec(line);
      if (type) types.set(type[1]!, type[2]!);
      continue;
    }
    const match = SAMPLE.exec(line);
    if (!match) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? "").matchAll(LABEL)) labels[key!] = unescape(value!);
    samples.push({ name: match[1]!, labels, value: number(match[3]!) });
  }
  return {
    samples,
    types,
    value: (name, labels = {}) => samples.find((s) => s.name === name && sameLabels(s.labels, labels))?.value ?? 0,
    series: (name) => samples.filter((s) => s.name === name),
  };
}

/** Fetches `url` (a `/metrics` route), checks the content type, and parses the body. */
export async function scrape(url: string, contentType: string): Promise<Exposition> {
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  if (res.headers.get("content-type") !== contentType) throw new Error(`${url} answered ${res.headers.get("content-type")}`);
  return parseExposition(await res.text());
}

/** How much each series of `name` grew between two scrapes (series that did not change are left out), keyed by {@link key}. */
export function growth(before: Exposition, after: Exposition, name: string): Record<string, number> {
  const grown: Record<string, number> = {};
  for (const s of after.series(name)) {
    const delta = s.value - before.value(name, { ...s.labels });
    if (delta !== 0) grown[key(s.labels)] = delta;
  }
  return grown;
}

/** A series' key: its labels as `name=value` pairs, sorted by name. */
export const key = (labels: Readonly<Record<string, string>>): string =>
  Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join(",");
