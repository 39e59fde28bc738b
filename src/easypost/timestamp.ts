import { z } from 'zod';

// Above this a number cannot be Unix seconds (that would be after the year 5000), so it is milliseconds.
const MILLISECONDS_THRESHOLD = 100_000_000_000;
const NUMERIC = /^\d+(\.\d+)?$/;

function toMilliseconds(value: number | string): number {
  if (typeof value === 'string' && !NUMERIC.test(value)) return Date.parse(value);
  const number = Number(value);
  return number < MILLISECONDS_THRESHOLD ? number * 1000 : number;
}

/**
 * A vendor timestamp, normalised to an ISO-8601 UTC string. Vendor objects send integer Unix seconds, webhook
 * envelopes and tracker details send ISO strings (docs/easypost-api.md §1), so every timestamp accepts both.
 */
export const timestamp = z.union([z.number(), z.string()]).transform((value, ctx) => {
  // A finite number can still lie outside the Date range (±8.64e15 ms), where toISOString throws a RangeError.
  const date = new Date(toMilliseconds(value));
  if (!Number.isNaN(date.getTime())) return date.toISOString();
  ctx.issues.push({ code: 'custom', message: `not a timestamp: ${JSON.stringify(value)}`, input: value });
  return z.NEVER;
});

/**
 * A lower time bound in the form `timestamp` yields, rounded down to the whole second: vendor timestamps are whole
 * seconds, so an object from the same second as `date` must not count as older than it.
 */
export function lowerBound(date: Date): string {
  return new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString();
}
