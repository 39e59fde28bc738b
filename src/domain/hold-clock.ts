/** Hour of the daily resend of on-hold orders, local to `DEFAULT_RESEND_ZONE` (a merchant setting). */
export const DEFAULT_RESEND_HOUR = 1;
/** Time zone of the daily resend (a merchant setting). */
export const DEFAULT_RESEND_ZONE = 'America/Los_Angeles';

const SECOND = 1000;
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

// One formatter per zone: building them is the slow part. Deterministic, so a module cache is fine in workflows.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, format);
  }
  return format;
}

/** Whether `zone` is an IANA time zone this runtime knows, e.g. `America/Los_Angeles`. */
export function isValidTimeZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

// The wall clock in `zone` at `instant` (whole seconds), written as if it were a UTC instant: arithmetic on wall
// times then needs no calendar code, and `wall - instant` is the zone's offset.
function wallClock(instant: number, zone: string): number {
  const part: Record<string, number> = {};
  for (const { type, value } of formatter(zone).formatToParts(instant)) part[type] = Number(value);
  return Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!);
}

const offsetAt = (instant: number, zone: string) => wallClock(instant, zone) - Math.floor(instant / SECOND) * SECOND;
const startOfDay = (wall: number) => Math.floor(wall / DAY) * DAY;

// The first instant of the local day starting at `day` (a wall time at midnight) whose wall clock reads at least
// `time` (ms after midnight): the earlier of two on a fall-back day, the end of the gap when `time` is skipped.
// Undefined when the gap runs past midnight, so the day has no such instant (as when Samoa skipped 30 December 2011).
function firstOccurrence(day: number, time: number, zone: string): number | undefined {
  const wall = day + time;
  // Offsets a day either side: real zones change at most once in that window, and |offset| ≤ 14 h keeps the
  // candidate instants inside it.
  const before = offsetAt(wall - DAY, zone);
  const after = offsetAt(wall + DAY, zone);
  const exact = [wall - before, wall - after].filter((t) => wallClock(t, zone) === wall);
  if (exact.length > 0) return Math.min(...exact);

  // `wall` is in a spring-forward gap: the wall clock jumps from below it (at wall - after) to above it
  // (at wall - before). Bisect to the second for the first instant past the jump.
  let lo = wall - after;
  let hi = wall - before;
  while (hi - lo > SECOND) {
    const mid = lo + Math.floor((hi - lo) / 2 / SECOND) * SECOND;
    if (wallClock(mid, zone) >= wall) hi = mid;
    else lo = mid;
  }
  return startOfDay(wallClock(hi, zone)) === day ? hi : undefined;
}

/**
 * The first instant at or after `from` at which the wall clock in `zone` reads one of `times` (ms after local
 * midnight), each at most once per local calendar day: the first of two on a fall-back day, the first instant after
 * the gap on a spring-forward day that skips it. The resend and delivery clocks share it.
 */
export function nextLocalTime(from: Date, times: readonly number[], zone: string): Date {
  if (!isValidTimeZone(zone)) {
    throw new RangeError(`unknown time zone "${zone}": use an IANA name such as ${DEFAULT_RESEND_ZONE}`);
  }
  const instant = from.getTime();
  if (Number.isNaN(instant)) throw new RangeError('now is not a valid date');

  const today = startOfDay(wallClock(instant, zone));
  // Today's occurrences may have passed; tomorrow's are later unless a fall-back at midnight repeated the evening,
  // and a skipped day (Samoa, 2011) yields none: four days cover every case. Occurrences keep the days' order, so
  // the first day with one holds the answer.
  for (let day = today; day <= today + 3 * DAY; day += DAY) {
    const due = times
      .map((time) => firstOccurrence(day, time, zone))
      .filter((at): at is number => at !== undefined && at >= instant);
    if (due.length > 0) return new Date(Math.min(...due));
  }
  throw new Error(`none of the local times occurs in ${zone} within four days of ${from.toISOString()}`);
}

/**
 * When an on-hold order is next resent: the first instant after `now` at which the wall clock in `zone` reads
 * `hour`:`minute`, at most once per local calendar day. On a fall-back day only the first occurrence counts; on a
 * spring-forward day that skips it, the first instant after the gap. Pure: `now` is workflow time.
 */
export function nextResendAt(
  now: Date,
  hour: number = DEFAULT_RESEND_HOUR,
  zone: string = DEFAULT_RESEND_ZONE,
  minute = 0,
): Date {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) {
    throw new RangeError(`resend hour must be a whole number from 0 to 23, got ${hour}`);
  }
  if (!Number.isInteger(minute) || minute < 0 || minute > 59) {
    throw new RangeError(`resend minute must be a whole number from 0 to 59, got ${minute}`);
  }
  // Strictly after now: the resend that just fired does not fire again.
  return nextLocalTime(new Date(now.getTime() + 1), [hour * HOUR + minute * MINUTE], zone);
}
