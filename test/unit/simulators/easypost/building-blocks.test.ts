import { createHmac } from 'node:crypto';
import { paginate } from '../../../../src/simulators/easypost/paging';
import { normaliseRoute } from '../../../../src/simulators/easypost/paths';
import { seededRandom } from '../../../../src/simulators/shared/random';
import { RateLimiter } from '../../../../src/simulators/easypost/rate-limit';
import { fieldName } from '../../../../src/simulators/shared/field-name';
import { signature } from '../../../../src/simulators/easypost/webhooks';

describe('EasyPost simulator building blocks', () => {
  const items = Array.from({ length: 70 }, (_, index) => index);

  it('pages 0-based with per_page ?? limit ?? 30, offset winning over page, at most 500', () => {
    expect(paginate(items, {})).toEqual(items.slice(0, 30));
    expect(paginate(items, { page: '2' })).toEqual(items.slice(60, 70));
    expect(paginate(items, { page: '1', per_page: '10', limit: '5' })).toEqual(items.slice(10, 20));
    expect(paginate(items, { offset: '3', limit: '2', page: '9' })).toEqual([3, 4]);
    expect(paginate(Array.from({ length: 600 }), { per_page: '1000' })).toHaveLength(500);
    expect(() => paginate(items, { page: 'x' })).toThrow(/page/);
  });

  it('normalises fault routes relative to the API base', () => {
    expect(normaliseRoute('post orders/')).toBe('POST /orders');
    expect(normaliseRoute('GET /fulfillment/vendor/v2/orders/:id')).toBe('GET /orders/:id');
    expect(normaliseRoute(' * ')).toBe('*');
    expect(() => normaliseRoute('orders')).toThrow(/METHOD/);
  });

  it('names fields the way the API does', () => {
    expect(fieldName(['line_items', 0, 'product', 'barcode'])).toBe('line_items[0].product.barcode');
    expect(fieldName([])).toBe('');
  });

  it('replays the same draws for the same seed', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const draws = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(draws);
    expect(draws.every((draw) => draw >= 0 && draw < 1)).toBe(true);
  });

  it('lets a key burst to its per-second limit, then asks it to wait', () => {
    let now = 0;
    const limiter = new RateLimiter(() => now);
    expect([1, 2, 3].map(() => limiter.take('k', 2))).toEqual([0, 0, 1]);
    expect(limiter.take('other', 2)).toBe(0);
    now = 500;
    expect(limiter.take('k', 2)).toBe(0);
    expect(limiter.take('k', null)).toBe(0);
  });

  it('signs webhook bodies with HMAC-SHA256 over the NFKD-normalised secret', () => {
    const body = '{"id":"evt_1"}';
    const expected = createHmac('sha256', 'fi').update(body).digest('hex');
    expect(signature('\ufb01', body)).toBe(`hmac-sha256-hex=${expected}`);
  });
});
