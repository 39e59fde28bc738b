import fc from 'fast-check';
import { nextDeliveryAt, nextUploadAt, type OrderDelivery } from '../../../src/domain/delivery-clock';

const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);
const deliver = (received: string, delivery: OrderDelivery) => nextDeliveryAt(at(received), delivery).toISOString();
const slots = (times: string[], zone = 'America/Los_Angeles'): OrderDelivery => ({ mode: 'slots', times, zone });

// The wall clock in `zone`, read independently of the code under test.
function localTime(instant: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' })
    .format(instant)
    .slice(0, 5);
}

describe('nextDeliveryAt', () => {
  it('sends at once by default, and after the grace delay', () => {
    expect(deliver('2027-06-01T12:00:00.000Z', { mode: 'immediately' })).toBe('2027-06-01T12:00:00.000Z');
    expect(deliver('2027-06-01T12:00:00.000Z', { mode: 'grace', minutes: 30 })).toBe('2027-06-01T12:30:00.000Z');
  });

  it.each([
    ['2027-06-01T15:59:00.000Z', ['09:00', '15:30'], '2027-06-01T16:00:00.000Z', 'before 09:00 PDT'],
    ['2027-06-01T16:00:00.000Z', ['09:00', '15:30'], '2027-06-01T16:00:00.000Z', 'exactly at a slot: that slot'],
    ['2027-06-01T16:00:00.001Z', ['15:30', '09:00'], '2027-06-01T22:30:00.000Z', 'just after: the next, any order'],
    ['2027-06-01T23:00:00.000Z', ['09:00', '15:30'], '2027-06-02T16:00:00.000Z', 'after the last: tomorrow'],
    ['2027-01-15T12:00:00.000Z', ['09:00'], '2027-01-15T17:00:00.000Z', 'winter: 09:00 PST'],
    ['2027-03-14T09:00:00.000Z', ['02:30'], '2027-03-14T10:00:00.000Z', 'spring forward skips 02:30: 03:00 PDT'],
    ['2027-11-07T08:00:00.000Z', ['01:30'], '2027-11-07T08:30:00.000Z', 'fall back: the first 01:30 (PDT)'],
    ['2027-11-07T09:00:00.000Z', ['01:30'], '2027-11-08T09:30:00.000Z', 'not the second 01:30 (PST)'],
  ])('slots: %s %j → %s (%s)', (received, times, expected) => {
    expect(deliver(received, slots(times))).toBe(expected);
  });

  it('reads slots in their own zone', () => {
    expect(deliver('2027-06-01T00:00:00.000Z', slots(['09:00'], 'Europe/London'))).toBe('2027-06-01T08:00:00.000Z');
    expect(deliver('2027-06-01T00:00:00.000Z', slots(['09:00'], 'Asia/Kolkata'))).toBe('2027-06-01T03:30:00.000Z');
  });

  it('refuses an unknown zone', () => {
    expect(() => nextDeliveryAt(at('2027-06-01T00:00:00Z'), slots(['09:00'], 'Mars/Olympus'))).toThrow(RangeError);
  });
});

describe('nextDeliveryAt properties', () => {
  const zone = fc.constantFrom('America/Los_Angeles', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC');
  const time = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
  const times = fc.uniqueArray(time, { minLength: 1, maxLength: 6 });
  const instant = fc.date({ min: at('2020-01-01T00:00:00Z'), max: at('2035-12-31T00:00:00Z'), noInvalidDate: true });

  it('is at or after receipt, within a day and an hour, at one of the slot times or just past a gap', () => {
    fc.assert(
      fc.property(instant, times, zone, (received, ts, z) => {
        const result = nextDeliveryAt(received, slots(ts, z));
        const wait = result.getTime() - received.getTime();
        expect(wait).toBeGreaterThanOrEqual(0);
        expect(wait).toBeLessThan(25 * HOUR);
        const local = localTime(result, z);
        // A slot a spring-forward gap skipped goes at the gap's end, whose local time is no slot.
        const beforeGap = localTime(new Date(result.getTime() - 1000), z);
        expect(ts.includes(local) || ts.some((t) => beforeGap < t && t < local)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('is stable: any instant between receipt and the result gives the same result', () => {
    fc.assert(
      fc.property(instant, times, zone, fc.double({ min: 0, max: 1, noNaN: true }), (received, ts, z, f) => {
        const result = nextDeliveryAt(received, slots(ts, z));
        const between = new Date(received.getTime() + Math.floor((result.getTime() - received.getTime()) * f));
        expect(nextDeliveryAt(between, slots(ts, z))).toEqual(result);
      }),
      { numRuns: 300 },
    );
  });

  it('waits exactly the grace delay', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 7 * 24 * 60 }), (received, minutes) => {
        const result = nextDeliveryAt(received, { mode: 'grace', minutes });
        expect(result.getTime() - received.getTime()).toBe(minutes * 60_000);
      }),
    );
  });
});

describe('nextUploadAt', () => {
  it('uploads at once when every is 0', () => {
    const now = at('2027-06-01T12:00:07.123Z');
    expect(nextUploadAt(now, 0)).toEqual(now);
  });

  it.each([
    ['2027-06-01T12:00:07.123Z', 60, '2027-06-01T12:01:00.000Z'],
    ['2027-06-01T12:01:00.000Z', 60, '2027-06-01T12:01:00.000Z'],
    ['2027-06-01T12:00:07.123Z', 3600, '2027-06-01T13:00:00.000Z'],
    ['2027-06-01T12:00:07.123Z', 86_400, '2027-06-02T00:00:00.000Z'],
  ])('%s every %i s → %s', (now, every, expected) => {
    expect(nextUploadAt(at(now), every).toISOString()).toBe(expected);
  });

  it('is the first multiple of the interval since the epoch at or after now', () => {
    const instant = fc.date({ min: at('2020-01-01T00:00:00Z'), max: at('2035-12-31T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 86_400 }), (now, every) => {
        const result = nextUploadAt(now, every).getTime();
        expect(result % (every * 1000)).toBe(0);
        expect(result).toBeGreaterThanOrEqual(now.getTime());
        expect(result - now.getTime()).toBeLessThan(every * 1000);
      }),
    );
  });
});
