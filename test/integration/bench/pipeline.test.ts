import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseJsonOutput } from '../../../bench/json-output';
import type { PipelineReport } from '../../../bench/pipeline/run';
import { testEnv } from '../../setup/test-env-vars';

const ROOT = join(__dirname, '..', '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const BENCH = join(ROOT, 'bench', 'pipeline.ts');
const latency = { p50: expect.any(Number), p99: expect.any(Number) };
const cost = {
  events: expect.any(Number),
  activities: expect.any(Number),
  localActivities: expect.any(Number),
  workflowTasks: expect.any(Number),
  eventsByType: expect.any(Object),
};
const load = {
  orders: 20,
  wallMs: expect.any(Number),
  ordersPerSecond: expect.any(Number),
  toReadyMs: latency,
  sampled: expect.any(Number),
  eventsPerOrder: expect.any(Number),
  timeSpentMs: expect.objectContaining({ total: expect.any(Number), workflowTaskRun: expect.any(Number) }),
  activityMs: expect.any(Object),
  mainThreadBusy: expect.any(Number),
  processCores: expect.any(Number),
};

describe('npm run bench:pipeline (small)', () => {
  it('runs 20 orders through the floor and the pipeline and prints its report as JSON', async () => {
    // The bench starts its own dev server and database (on the run's PostgreSQL server), as it does from npm. Its
    // cart runs are left out (`--cart-orders 0`): the pull-driven one waits out 30 s intervals by design, and the
    // webhook path it times is tested in test/integration/carts/woocommerce/webhooks.test.ts.
    const { stdout } = await promisify(execFile)(
      TSX,
      [BENCH, '--orders', '20', '--concurrency', '4', '--rounds', '2', '--cart-orders', '0', '--json'],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH, DATABASE_URL: testEnv('adminDatabaseUrl') },
        timeout: 55_000,
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    const report = parseJsonOutput<PipelineReport>(stdout);
    expect(report).toMatchObject({
      options: { orders: 20, concurrency: 4, rounds: 2, cartOrders: 0 },
      floor: { ...load, perOrder: cost, steps: expect.arrayContaining(['activity', 'local', 'signal']) },
      pipeline: { ...load, cartToEasyPostMs: latency, submitMs: latency, shipMs: latency },
      perOrder: { happy: cost, held: cost, cancelled: cost },
      throughputRatio: expect.any(Number),
      targets: {
        throughputRatio: { atLeast: 0.5, value: report.throughputRatio, met: expect.any(Boolean) },
        happyHistoryEvents: { atMost: 30, value: report.perOrder.happy.events, met: expect.any(Boolean) },
      },
    });
    // The floor replays a live happy order: the same activities and local activities, whatever the workflow does today.
    expect(report.floor.perOrder).toMatchObject({
      activities: report.perOrder.happy.activities,
      localActivities: report.perOrder.happy.localActivities,
    });
    expect(report.pipeline.activityMs).toHaveProperty('sendOrder.perOrder', 1);
  }, 60_000);
});
