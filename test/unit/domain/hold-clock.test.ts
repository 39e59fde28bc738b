import fc from 'fast-check';
import { isValidTimeZone, nextResendAt } from '../../../src/domain/hold-clock';

const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);
const next = (now: string, hour?: number, zone?: string) => nextResendAt(at(now), hour, zone).toISOString();

// The wall clock in `zone`, read independently of the code under test.
function local(instant: Date, zone: string) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    time: `${get('hour')}:${get('minute')}:${get('second')}`,
  };
}

const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 24 * HOUR).toISOString().slice(0, 10);
const hh = (hour: number) => `${String(hour).padStart(2, '0')}:00:00`;

describe('nextResendAt, America/Los_Angeles at 01:00 (the defaults)', () => {
  it.each([
    ['2027-06-01T07:59:59.999Z', '2027-06-01T08:00:00.000Z', 'a summer day, just before 01:00 PDT'],
    ['2027-06-01T08:00:00.000Z', '2027-06-02T08:00:00.000Z', 'exactly at 01:00: strictly after, so tomorrow'],
    ['2027-01-15T20:00:00.000Z', '2027-01-16T09:00:00.000Z', 'a winter afternoon'],
    ['2027-11-07T07:00:00.000Z', '2027-11-07T08:00:00.000Z', 'fall-back day: the first 01:00 (PDT)'],
    [
      '2027-11-07T08:00:00.000Z',
      '2027-11-08T09:00:00.000Z',
      'fall-back day, at the first 01:00: not again at 01:00 PST',
    ],
    ['2027-11-07T08:30:00.000Z', '2027-11-08T09:00:00.000Z', 'fall-back day, between the two 01:00s'],
    ['2027-11-07T09:00:00.000Z', '2027-11-08T09:00:00.000Z', 'fall-back day, at the second 01:00 (PST)'],
    ['2027-03-14T08:00:00.000Z', '2027-03-14T09:00:00.000Z', 'spring-forward day: 01:00 PST happens once'],
    ['2027-03-14T09:00:00.000Z', '2027-03-15T08:00:00.000Z', 'spring-forward day, after 01:00: tomorrow in PDT'],
  ])('%s → %s (%s)', (now, expected) => {
    expect(next(now)).toBe(expected);
  });
});

describe('nextResendAt on DST days, other hours and zones', () => {
  it.each([
    ['2027-03-14T08:00:00Z', 2, 'America/Los_Angeles', '2027-03-14T10:00:00.000Z', '02:00 skipped: 03:00 PDT'],
    ['2027-03-14T10:00:00Z', 2, 'America/Los_Angeles', '2027-03-15T09:00:00.000Z', 'then 02:00 PDT the next day'],
    ['2027-03-14T08:00:00Z', 3, 'America/Los_Angeles', '2027-03-14T10:00:00.000Z', '03:00 PDT is the gap end too'],
    ['2027-11-06T12:00:00Z', 1, 'America/New_York', '2027-11-07T05:00:00.000Z', 'first 01:00 EDT'],
    ['2027-03-28T00:00:00Z', 1, 'Europe/London', '2027-03-28T01:00:00.000Z', '01:00 GMT skipped: 02:00 BST'],
    ['2027-10-30T23:00:00Z', 1, 'Europe/London', '2027-10-31T00:00:00.000Z', 'first 01:00 BST'],
    ['2027-10-31T00:00:00Z', 1, 'Europe/London', '2027-11-01T01:00:00.000Z', 'not the second 01:00 (GMT)'],
    ['2027-10-02T14:00:00Z', 2, 'Australia/Lord_Howe', '2027-10-02T15:30:00.000Z', '02:00 skipped: 02:30 (+11)'],
    ['2027-04-03T13:00:00Z', 1, 'Australia/Lord_Howe', '2027-04-03T14:00:00.000Z', 'fall-back day: 01:00 (+11)'],
    ['2027-04-03T14:00:00Z', 1, 'Australia/Lord_Howe', '2027-04-04T14:30:00.000Z', 'then 01:00 (+10:30)'],
    ['2027-09-25T12:00:00Z', 3, 'Pacific/Chatham', '2027-09-25T14:00:00.000Z', '03:00 skipped: 03:45 (+13:45)'],
    ['2027-06-01T00:00:00Z', 0, 'Asia/Kolkata', '2027-06-01T18:30:00.000Z', 'a half-hour offset'],
    ['2027-06-01T00:00:00Z', 23, 'UTC', '2027-06-01T23:00:00.000Z', 'UTC'],
    ['2011-12-29T12:00:00Z', 1, 'Pacific/Apia', '2011-12-30T11:00:00.000Z', 'Samoa skipped 30 Dec 2011: 31 Dec'],
  ])('%s hour %i in %s → %s (%s)', (now, hour, zone, expected) => {
    expect(next(now, hour, zone)).toBe(expected);
  });

  it('checks its inputs', () => {
    const now = at('2027-01-01T00:00:00Z');
    expect(() => nextResendAt(now, 24)).toThrow(
      new RangeError('resend hour must be a whole number from 0 to 23, got 24'),
    );
    expect(() => nextResendAt(now, 1.5)).toThrow(RangeError);
    expect(() => nextResendAt(now, -1)).toThrow(RangeError);
    expect(() => nextResendAt(now, 1, 'Mars/Olympus')).toThrow(/unknown time zone "Mars\/Olympus"/);
    expect(() => nextResendAt(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('isValidTimeZone', () => {
  it.each(['America/Los_Angeles', 'UTC', 'Pacific/Chatham', 'Australia/Lord_Howe'])('knows %s', (zone) => {
    expect(isValidTimeZone(zone)).toBe(true);
  });
  it.each(['', 'Mars/Olympus', 'PST8PDT/x', 'America/Los Angeles'])('refuses %j', (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
  });
});

describe('nextResendAt properties', () => {
  const zones = [
    'America/Los_Angeles',
    'America/New_York',
    'Europe/London',
    'Australia/Lord_Howe', // 30-minute DST
    'Asia/Kolkata',
    'Pacific/Chatham', // +12:45 / +13:45
    'UTC',
  ];
  const zone = fc.constantFrom(...zones);
  const hour = fc.integer({ min: 0, max: 23 });
  const instant = fc.date({ min: at('2020-01-01T00:00:00Z'), max: at('2035-12-31T00:00:00Z'), noInvalidDate: true });

  it('is after now, within 25 hours, and at hour:00 local or at the end of a gap that skipped it', () => {
    fc.assert(
      fc.property(instant, hour, zone, (now, h, z) => {
        const result = nextResendAt(now, h, z);
        const wait = result.getTime() - now.getTime();
        expect(wait).toBeGreaterThan(0);
        // A day is 24 hours of wall time and these zones shift by at most one hour, so ≤ 25 h; 48 h bounds any zone:
        // today's occurrence (if passed) is at most 24 h + one DST shift before tomorrow's.
        expect(wait).toBeLessThanOrEqual(25 * HOUR);
        const { time } = local(result, z);
        if (time !== hh(h)) {
          // A gap: one second earlier the clock was still before hour:00, now it is past it.
          const before = local(new Date(result.getTime() - 1000), z);
          expect(before.time < hh(h)).toBe(true);
          expect(time > hh(h)).toBe(true);
          expect(local(result, z).date).toBe(before.date);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('is stable: any instant between now and the result gives the same result', () => {
    fc.assert(
      fc.property(instant, hour, zone, fc.double({ min: 0, max: 1, noNaN: true }), (now, h, z, f) => {
        const result = nextResendAt(now, h, z);
        const between = new Date(now.getTime() + Math.floor((result.getTime() - now.getTime()) * f * 0.999));
        expect(nextResendAt(between, h, z)).toEqual(result);
      }),
      { numRuns: 300 },
    );
  });

  it('fires exactly once per local calendar day when iterated', () => {
    fc.assert(
      fc.property(instant, hour, zone, (start, h, z) => {
        let t = nextResendAt(start, h, z);
        let date = local(t, z).date;
        for (let i = 0; i < 400; i++) {
          const following = nextResendAt(t, h, z);
          expect(following.getTime()).toBeGreaterThan(t.getTime());
          const followingDate = local(following, z).date;
          expect(followingDate).toBe(dayAfter(date));
          t = following;
          date = followingDate;
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe('nextResendAt at a minute past the hour', () => {
  it.each([
    ['2027-06-01T08:00:00.000Z', 30, '2027-06-01T08:30:00.000Z', 'later the same night'],
    ['2027-06-01T08:30:00.000Z', 30, '2027-06-02T08:30:00.000Z', 'exactly then: tomorrow'],
    ['2027-11-07T08:45:00.000Z', 30, '2027-11-08T09:30:00.000Z', 'fall-back day, after the first 01:30: not again'],
    [
      '2027-03-14T09:00:00.000Z',
      30,
      '2027-03-14T09:30:00.000Z',
      'spring-forward day: 01:30 PST, an hour before the jump',
    ],
  ])('%s, minute %i → %s (%s)', (now, minute, expected) => {
    expect(nextResendAt(at(now), 1, 'America/Los_Angeles', minute).toISOString()).toBe(expected);
  });

  it('refuses a minute outside 0-59', () => {
    expect(() => nextResendAt(at('2027-06-01T08:00:00.000Z'), 1, 'America/Los_Angeles', 60)).toThrow(/minute/);
  });
});
