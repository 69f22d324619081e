import { isIPv4, isIPv6 } from "node:net";

/**
 * Which network addresses a fetch may connect to, and the allow-list that overrides it.
 * Pure functions over address strings; no DNS here.
 */

/** An IPv4 range: first address as a 32-bit number, prefix length, and why it is refused. */
interface V4Range {
  readonly base: number;
  readonly bits: number;
  readonly reason: string;
}

const v4 = (cidr: string, reason: string): V4Range => {
  const [address, bits] = cidr.split("/");
  return { base: ipv4ToNumber(address!), bits: Number(bits), reason };
};

/** IPv4 ranges a fetch never connects to (unless the host is allow-listed). */
const BLOCKED_V4: readonly V4Range[] = [
  v4("0.0.0.0/8", "unspecified"),
  v4("10.0.0.0/8", "private"),
  v4("100.64.0.0/10", "carrier-grade NAT"),
  v4("127.0.0.0/8", "loopback"),
  v4("169.254.0.0/16", "link-local"),
  v4("172.16.0.0/12", "private"),
  v4("192.0.0.0/24", "reserved"),
  v4("192.0.2.0/24", "documentation"),
  v4("192.168.0.0/16", "private"),
  v4("198.18.0.0/15", "benchmarking"),
  v4("198.51.100.0/24", "documentation"),
  v4("203.0.113.0/24", "documentation"),
  v4("224.0.0.0/4", "multicast"),
  v4("240.0.0.0/4", "reserved"),
];

function ipv4ToNumber(address: string): number {
  return address.split(".").reduce((n, part) => n * 256 + Number(part), 0);
}

function inV4Range(n: number, range: V4Range): boolean {
  if (range.bits === 0) return true;
  const size = 2 ** (32 - range.bits);
  return Math.floor(n / size) === Math.floor(range.base / size);
}

/** The 8 16-bit groups of an IPv6 address (zone removed, embedded IPv4 expanded). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase().replace(/%.*$/, "");
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const n = ipv4ToNumber(dotted[1]!);
    text = `${text.slice(0, dotted.index)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const parse = (s: string | undefined): number[] => (s ? s.split(":").map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = parse(tail);
  const fill = tail === undefined ? [] : new Array<number>(8 - left.length - right.length).fill(0);
  return [...left, ...fill, ...right];
}

/** The IPv4 address carried in the last 32 bits of IPv6 groups. */
function embeddedV4(g: readonly number[]): string {
  const hi = g[6]!;
  const lo = g[7]!;
  return `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
}

function blockedV4(address: string): string | null {
  const n = ipv4ToNumber(address);
  return BLOCKED_V4.find((r) => inV4Range(n, r))?.reason ?? null;
}

function blockedV6(address: string): string | null {
  const g = ipv6Groups(address);
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const firstFiveZero = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (firstFiveZero && g5 === 0 && g6 === 0 && g7 === 0) return "unspecified";
  if (firstFiveZero && g5 === 0 && g6 === 0 && g7 === 1) return "loopback";
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) carry an IPv4 address.
  const nat64 = g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0;
  if ((firstFiveZero && (g5 === 0xffff || g5 === 0)) || nat64) {
    const inner = blockedV4(embeddedV4(g));
    return inner ? `IPv4-mapped ${inner}` : null;
  }
  if (g0 === 0x2002) {
    const inner = blockedV4(`${g1 >> 8}.${g1 & 0xff}.${g2 >> 8}.${g2 & 0xff}`); // 6to4 carries an IPv4 address
    return inner ? `6to4 ${inner}` : null;
  }
  if ((g0 & 0xfe00) === 0xfc00) return "private (unique local)";
  if ((g0 & 0xffc0) === 0xfe80) return "link-local";
  if ((g0 & 0xffc0) === 0xfec0) return "site-local";
  if ((g0 & 0xff00) === 0xff00) return "multicast";
  if (g0 === 0x2001 && g1 === 0x0db8) return "documentation";
  if (g0 === 0x2001 && g1 === 0) return "Teredo";
  return null;
}

/**
 * Why an IP address may not be fetched from (loopback, private, link-local, multicast,
 * unspecified, carrier-grade NAT, reserved, documentation, and the IPv4-mapped, -compatible,
 * NAT64 and 6to4 IPv6 forms of those), or null when it is a public address.
 * Anything that is not an IP address is refused as "not an IP address".
 */
export function blockedAddressReason(address: string): string | null {
  const bare = address.replace(/^\[(.*)\]$/, "$1");
  if (isIPv4(bare)) return blockedV4(bare);
  if (isIPv6(bare)) return blockedV6(bare);
  return "not an IP address";
}

/** One allow-list entry: a host, and the only port allowed when one was given. */
export interface AllowEntry {
  readonly host: string;
  readonly port: number | null;
}

/**
 * Parses an allow-list in `FETCH_ALLOW_HOSTS` form: comma-separated `host` or `host:port`
 * (IPv6 as `[::1]` or `[::1]:8080`). Hosts are compared lower-case; blanks are ignored.
 */
export function parseAllowList(spec: string | readonly string[] | undefined): AllowEntry[] {
  if (spec === undefined) return [];
  const items = typeof spec === "string" ? spec.split(",") : spec.flatMap((s) => s.split(","));
  const entries: AllowEntry[] = [];
  for (const raw of items) {
    const item = raw.trim().toLowerCase();
    if (item === "") continue;
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(item);
    if (bracketed) {
      entries.push({ host: bracketed[1]!, port: bracketed[2] ? Number(bracketed[2]) : null });
      continue;
    }
    const withPort = /^([^:]+):(\d+)$/.exec(item);
    if (withPort) entries.push({ host: withPort[1]!, port: Number(withPort[2]) });
    else entries.push({ host: item, port: null });
  }
  return entries;
}

/** Whether the allow-list names this host (and, if the entry has a port, this port). */
export function isAllowedHost(allow: readonly AllowEntry[], host: string, port: number): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, "$1");
  return allow.some((e) => e.host === h && (e.port === null || e.port === port));
}
