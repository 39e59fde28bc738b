import { audit } from '../../../chaos/audit';
import { failuresOf, formatReport, type ChaosReport } from '../../../chaos/report';

const passing: ChaosReport = {
  seed: 1,
  orders: 0,
  faultRate: 0.2,
  cartFaultRate: 0.2,
  plannedKills: 1,
  workerKills: 1,
  postgresRestarts: 1,
  audit: audit([]),
  faults: { 'easypost.commit_then_timeout': 2, 'shopify.reset': 5 },
  cancels: { at_wms: 1 },
  restockSeconds: 12,
  retriedHeld: 0,
  shippedAtEnd: 0,
  crashes: [],
  failedRuns: 0,
  drained: true,
  drainSeconds: 60,
  runDir: '/tmp/chaos',
};

describe('chaos report', () => {
  it('passes a run where every fault kind fired and nothing went wrong, listing each kind', () => {
    expect(failuresOf(passing)).toEqual([]);
    const text = formatReport(passing);
    expect(text).toMatch(/easypost\.commit_then_timeout +2\n/);
    expect(text).toMatch(/shopify\.reset +5\n/);
    expect(text).toMatch(/low stock +0\/0 held, woken and confirmed \(restocked at 12 s; 0 still held 20 s later/);
    expect(text.endsWith('PASSED')).toBe(true);
  });

  it('fails a run where a fault kind it asked for never fired, naming it', () => {
    const report = { ...passing, faults: { ...passing.faults, 'easypost.slow_commit': 0 } };
    expect(failuresOf(report)).toEqual(['fault kinds that never fired: easypost.slow_commit']);
    expect(formatReport(report)).toMatch(/easypost\.slow_commit +0 \(never fired\)/);
  });

  it('fails on duplicate fulfillments at a cart, an order shipped after its cancel, or stock never restocked', () => {
    const report: ChaosReport = {
      ...passing,
      audit: { ...passing.audit, cartDuplicates: ['shop/1: x'], shippedAfterCancel: ['woo/2: y', 'woo/4: z'] },
      restockSeconds: undefined,
    };
    expect(failuresOf(report)).toEqual([
      '1 duplicate fulfillment(s) at the carts',
      '2 shipped after their cancel',
      'the low-stock product was never restocked',
    ]);
    const text = formatReport(report);
    expect(text).toContain('duplicate fulfillments at the carts:\n  - shop/1: x');
    expect(text).toContain('shipped after their cancel was accepted:\n  - woo/2: y\n  - woo/4: z');
  });
});
