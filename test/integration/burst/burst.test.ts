import { mkdirSync } from 'node:fs';
import { removeRunDir } from '../../../chaos/stack';
import { join } from 'node:path';
import { burstFailures, formatBurstReport } from '../../../burst/report';
import { runBurst } from '../../../burst/scenario';
import { describeWithOwnPostgres } from '../../helpers/own-postgres';
import { testEnv } from '../../setup/test-env-vars';

// `npm run burst` at CI size: held orders of one merchant resent at its resend time (the next minute but one), through
// the real worker process on its own Temporal and PostgreSQL, under an EasyPost limit the simulator enforces.
const runDir = join(__dirname, '..', '..', '..', '.data', 'burst', `test-${process.pid}-${Date.now()}`);

const describeOwnPostgres = describeWithOwnPostgres(runDir);

describeOwnPostgres('the 01:00 burst, small', () => {
  it('resends every held order within the bound, never over the EasyPost limit, none lost or doubled', async () => {
    mkdirSync(runDir, { recursive: true });
    const report = await runBurst({
      orders: 120,
      ratePerSecond: 10,
      setupRatePerSecond: 200,
      stuckEvery: 40,
      leadSeconds: 25,
      runDir,
      workflowBundlePath: testEnv('workflowBundlePath'),
      log: () => {},
    });
    const failures = burstFailures(report);
    if (failures.length) console.log(formatBurstReport(report));
    else removeRunDir(runDir);
    expect(failures).toEqual([]);
    expect(report.atWms).toBe(117);
    expect(report.heldAgain).toBe(3);
    // The simulator's bucket (no 429, checked by burstFailures) is the limit itself. Over 5 s the pace must be the
    // limit: 52 requests allow two that arrive late (the one-second peak is jitter on a loaded runner).
    expect(report.sustainedRequestsPerSecond).toBeLessThanOrEqual(10.4);
    expect(report.heldDay.events).toBeGreaterThan(0);
  }, 240_000);
});
