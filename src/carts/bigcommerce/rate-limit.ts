/**
 * BigCommerce's quota headers (docs/bigcommerce-api.md §2): every answer says how many requests are left in the
 * current window and how long until it resets. A store's quota is shared by every app on it, so epf waits out the
 * window when it has used the last request rather than spend a 429.
 */
export interface RateLimitState {
  requestsLeft?: number;
  resetMs?: number;
}

function number(headers: Headers, name: string): number | undefined {
  const value = headers.get(name);
  if (value === null || value.trim() === '') return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : undefined;
}

export function readRateLimit(headers: Headers): RateLimitState {
  return {
    requestsLeft: number(headers, 'x-rate-limit-requests-left'),
    resetMs: number(headers, 'x-rate-limit-time-reset-ms'),
  };
}

/** Longest pause epf takes on the store's word; a window is 30 s on every plan today. */
const MAX_PAUSE_MS = 60_000;

/** How long to wait before the next request: until the window resets when none is left, else not at all. */
export function pauseBeforeNextMs(state: RateLimitState): number {
  if (state.requestsLeft !== 0 || state.resetMs === undefined) return 0;
  return Math.min(state.resetMs, MAX_PAUSE_MS);
}
