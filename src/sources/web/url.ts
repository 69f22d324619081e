import { FetchError } from "./errors.js";

/** Query parameters that only track where a reader came from; exact names, compared lower-case. */
const TRACKING_PARAMS = new Set([
  "fbclid",
  "gclid",
  "gclsrc",
  "dclid",
  "gbraid",
  "wbraid",
  "msclkid",
  "yclid",
  "twclid",
  "ttclid",
  "igshid",
  "mc_cid",
  "mc_eid",
  "ref",
  "ref_src",
  "ref_url",
  "referrer",
  "_hsenc",
  "_hsmi",
  "mkt_tok",
  "_ga",
  "_gl",
  "cmpid",
  "icid",
  "ocid",
  "smid",
  "s_cid",
  "wt.mc_id",
  "guccounter",
  "guce_referrer",
  "guce_referrer_sig",
  "oly_anon_id",
  "oly_enc_id",
  "vero_id",
  "sr_share",
  "at_medium",
  "at_campaign",
  "pk_campaign",
  "pk_kwd",
  "pk_source",
  "pk_medium",
  "pk_content",
]);

/** Parameter name prefixes that track: `utm_*` (Google Analytics), `hsa_*` (HubSpot ads), `itm_*`. */
const TRACKING_PREFIXES = ["utm_", "hsa_", "itm_"];

function isTracking(name: string): boolean {
  const n = name.toLowerCase();
  return TRACKING_PARAMS.has(n) || TRACKING_PREFIXES.some((p) => n.startsWith(p));
}

/**
 * The canonical form of an article URL, for telling two links to one article apart from two articles:
 * lower-case scheme and host, no default port, no fragment, no credentials, and no tracking
 * parameters (`utm_*`, `fbclid`, `gclid`, `mc_cid`, `mc_eid`, `ref`, …); the path and the other
 * parameters (in their order) are kept, and an empty query is dropped.
 * @throws FetchError `bad-url` when it is not an http(s) URL
 */
export function canonicalUrl(url: string | URL): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new FetchError("bad-url", `not a valid URL: ${String(url).slice(0, 200)}`, String(url));
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") {
    throw new FetchError("bad-url", `not an http or https URL: ${u.protocol}`, u.href);
  }
  u.hash = "";
  u.username = "";
  u.password = "";
  if (u.hostname.endsWith(".")) u.hostname = u.hostname.slice(0, -1);
  const kept = [...u.searchParams].filter(([name]) => !isTracking(name));
  u.search = "";
  for (const [name, value] of kept) u.searchParams.append(name, value);
  return u.href;
}
