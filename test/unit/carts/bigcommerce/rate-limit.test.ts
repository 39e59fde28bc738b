import { pauseBeforeNextMs, readRateLimit } from '../../../../src/carts/bigcommerce/rate-limit';

describe('BigCommerce quota headers', () => {
  const headers = (left: string, reset: string) =>
    new Headers({ 'X-Rate-Limit-Requests-Left': left, 'X-Rate-Limit-Time-Reset-Ms': reset });

  it('waits for the reset only once the last request of the window is used', () => {
    expect(pauseBeforeNextMs(readRateLimit(headers('35', '15000')))).toBe(0);
    expect(pauseBeforeNextMs(readRateLimit(headers('0', '15000')))).toBe(15_000);
  });

  it('ignores headers it cannot read, and never waits longer than a minute on the store word', () => {
    expect(readRateLimit(new Headers())).toEqual({ requestsLeft: undefined, resetMs: undefined });
    expect(pauseBeforeNextMs(readRateLimit(headers('0', 'soon')))).toBe(0);
    expect(pauseBeforeNextMs(readRateLimit(headers('-1', '100')))).toBe(0);
    expect(pauseBeforeNextMs(readRateLimit(headers('0', '9999999')))).toBe(60_000);
  });
});
