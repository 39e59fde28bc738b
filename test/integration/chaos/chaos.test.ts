import { mkdirSync } from 'node:fs';
import { removeRunDir } from '../../../chaos/stack';
import { join } from 'node:path';
import { failuresOf, formatReport } from '../../../chaos/report';
import { runChaos } from '../../../chaos/scenario';
import { describeWithOwnPostgres } from '../../helpers/own-postgres';
import { testEnv } from '../../setup/test-env-vars';

// `npm run chaos` at CI size: orders through the real worker process, its own Temporal and PostgreSQL, with 20% of
// simulator calls failing (every fault kind must fire), three SIGKILLed workers and a PostgreSQL restart, orders held
// for want of stock then woken, and cancels in every state. Every order must end where it belongs, exactly once. The
// run owns its servers: the run's shared ones are never killed.
const runDir = join(__dirname, '..', '..', '..', '.data', 'chaos', `test-${process.pid}-${Date.now()}`);

const describeOwnPostgres = describeWithOwnPostgres(runDir);

describeOwnPostgres('chaos', () => {
  it('loses, duplicates and ships after a cancel nothing under faults, worker kills and a PostgreSQL restart', async () => {
    mkdirSync(runDir, { recursive: true });
    const report = await runChaos({
      orders: 60,
      seed: 20261125,
      faultRate: 0.2,
      workerKills: 3,
      // Most runs drain in 100-130 s (held orders wait for the restock). The tail is an order whose create was lost
      // twice: each loss waits for the create to settle (35 s), and a killed worker's send for its minute. A third of
      // the orders go through BigCommerce, whose pages cost two calls per order; a loaded machine took 220 s.
      drainTimeoutMs: 360_000,
      runDir,
      workflowBundlePath: testEnv('workflowBundlePath'),
    });
    const failures = failuresOf(report);
    if (failures.length) console.log(formatReport(report));
    else {
      console.log(`chaos: ${report.orders} orders drained in ${report.drainSeconds.toFixed(1)} s`);
      removeRunDir(runDir);
    }
    expect(failures).toEqual([]);
  }, 440_000);
});
