import { benchProblems, runCreateBench } from '../../../bench/easypost/create-bench';

describe('idempotent create under faults (bench, small)', () => {
  it('100 orders at a 20% fault rate end as exactly 100 simulator orders', async () => {
    const report = await runCreateBench({ orders: 100, faultRate: 0.2, concurrency: 8, timeoutMs: 500 });
    expect(benchProblems(report)).toEqual([]);
    expect(report).toMatchObject({ intendedOrders: 100, simOrders: 100, duplicates: 0, missing: 0, unclassified: 0 });
    expect(Object.values(report.faultsByKind).reduce((sum, count) => sum + count, 0)).toBeGreaterThan(0);
  });
});
