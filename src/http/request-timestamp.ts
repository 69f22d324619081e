/** How far a signed request's timestamp may be from the local clock, either way. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/** Whether a signed request's timestamp (seconds since the epoch, as text) is well-formed and within {@link MAX_CLOCK_SKEW_SECONDS} of `nowSeconds`. */
export function isFreshTimestamp(timestamp: string, nowSeconds: number): boolean {
  return /^\d{1,12}$/.test(timestamp) && Math.abs(nowSeconds - Number(timestamp)) <= MAX_CLOCK_SKEW_SECONDS;
}
