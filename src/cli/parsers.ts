// Option and argument parsers: a bad value is a usage error (commander prints it naming the option, exit 2).
import { InvalidArgumentError, Option } from 'commander';
import type { z } from 'zod';
import { cartOrderSchema } from '../domain/order';
import { MAX_BUNDLE_UNITS } from '../domain/translation';
import { orderDeliverySchema, type OrderDelivery } from '../domain/merchant-settings';

/**
 * A parser from a schema of the domain, so the CLI accepts what the domain accepts and says what it says (e.g. "must
 * be a lowercase slug"); `message` replaces a schema message written for programmers.
 */
export function bySchema<T>(schema: z.ZodType<T>, message?: string): (value: string) => T {
  return (value) => {
    const result = schema.safeParse(value);
    if (!result.success) throw new InvalidArgumentError(message ?? result.error.issues[0]?.message ?? 'invalid');
    return result.data;
  };
}

/** A whole number in [min, max]; without `max`, at least `min`. */
export function integerIn(min: number, max = Number.MAX_SAFE_INTEGER): (value: string) => number {
  const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `from ${min} to ${max}`;
  return (value) => {
    const number = Number(value);
    if (!/^\d+$/.test(value) || number < min || number > max) {
      throw new InvalidArgumentError(`must be a whole number ${range}`);
    }
    return number;
  };
}

/** A whole number within the bounds of a settings schema, so the CLI and the stored settings agree on them. */
export function integerBy(schema: z.ZodNumber): (value: string) => number {
  return integerIn(schema.minValue ?? 0, schema.maxValue ?? undefined);
}

/** An option taking a whole number within the bounds of a settings field (optional or defaulted). */
export function integerOption(flags: string, description: string, field: { unwrap(): z.ZodNumber }): Option {
  return new Option(flags, description).argParser(integerBy(field.unwrap()));
}

const ORDER_DELIVERY_FORMS = 'immediately, grace:<minutes> or slots:HH:MM,HH:MM[@Zone]';
const graceMinutes = orderDeliverySchema.options[1].shape.minutes;

/** `--order-delivery`: `immediately`, `grace:<minutes>` or `slots:HH:MM,HH:MM[@Zone]` (zone default Los Angeles). */
export function parseOrderDelivery(value: string): OrderDelivery {
  const [mode, rest] = value.split(/:(.*)/s) as [string, string | undefined];
  if (mode === 'immediately' && rest === undefined) return { mode };
  if (mode === 'grace' && rest) {
    try {
      return { mode, minutes: integerBy(graceMinutes)(rest) };
    } catch (err) {
      throw new InvalidArgumentError(`grace minutes ${(err as Error).message}`);
    }
  }
  if (mode !== 'slots' || !rest) throw new InvalidArgumentError(`must be ${ORDER_DELIVERY_FORMS}`);
  const [times, zone] = rest.split('@') as [string, string | undefined];
  const result = orderDeliverySchema.safeParse({ mode, times: times.split(','), zone });
  if (result.success) return result.data;
  // Name what is wrong by the operator's words: the slot as typed, or the zone.
  const issue = result.error.issues[0]!;
  const [field, index] = issue.path;
  const subject = field === 'times' && typeof index === 'number' ? `slot ${times.split(',')[index]}` : String(field);
  throw new InvalidArgumentError(`${subject} ${issue.message}`);
}

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `--since`: an ISO date or date-time, or an age such as `30m`, `12h`, `7d` counted back from `now`. */
export function parseSince(value: string, now = new Date()): Date {
  const age = /^(\d+)([mhd])$/.exec(value);
  if (age) {
    const since = new Date(now.getTime() - Number(age[1]) * UNIT_MS[age[2] as keyof typeof UNIT_MS]);
    // An age reaching before the Date range is an Invalid Date, which would reach the SQL as "NaN".
    if (Number.isNaN(since.getTime())) throw new InvalidArgumentError('reaches back before any date');
    return since;
  }
  const time = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(time)) {
    throw new InvalidArgumentError('must be an ISO date (2027-03-14, 2027-03-14T09:00Z) or an age (30m, 12h, 7d)');
  }
  return new Date(time);
}

/** Collects a repeatable option (`--warehouse a --warehouse b`), each value through `parse`. */
export function repeatable<T>(parse: (value: string) => T): (value: string, previous: T[] | undefined) => T[] {
  return (value, previous) => [...(previous ?? []), parse(value)];
}

/** One bundle component, `barcode:units` (units a positive whole number). */
export function parseComponent(value: string): { barcode: string; units: number } {
  const match = /^(.+):(\d+)$/.exec(value);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > MAX_BUNDLE_UNITS) {
    throw new InvalidArgumentError(
      `must be barcode:units with units from 1 to ${MAX_BUNDLE_UNITS}, e.g. 0123456789012:2`,
    );
  }
  return { barcode: match[1]!.trim(), units: Number(match[2]) };
}

/** Merchant and cart IDs: the slug rule of the domain (they are part of workflow IDs). */
export const parseSlug = bySchema(cartOrderSchema.shape.merchantId);
