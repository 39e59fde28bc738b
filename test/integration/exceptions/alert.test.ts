import { MockActivityEnvironment, type TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Pool } from 'pg';
import { createExceptionActivities, type ExceptionAlert } from '../../../activities/exceptions-alert';
import { desiredSchedules, reconcileSchedules } from '../../../src/schedules/reconcile';
import { EXCEPTIONS_ALERT_SCHEDULE_ID } from '../../../workflows/definitions';
import { exceptionsAlertWorkflow } from '../../../workflows';
import { createTestPool } from '../../helpers/database';
import { seedExceptionOrders, type ExceptionFixture } from '../../helpers/exception-orders';
import { pollUntil } from '../../helpers/poll';
import { connectDevServer, createTestWorker, uniqueTaskQueue } from '../../helpers/temporal';

/** A tiny webhook receiver: records each alert, answers `status`. */
class Receiver {
  readonly alerts: ExceptionAlert[] = [];
  status = 200;
  private readonly server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      if (this.status === 200) this.alerts.push(JSON.parse(body));
      response.writeHead(this.status).end();
    });
  });

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/epf`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const taskQueue = uniqueTaskQueue('exceptions-alert');
const receiver = new Receiver();
let env: TestWorkflowEnvironment;
let pool: Pool;
let fixture: ExceptionFixture;
let activities: ReturnType<typeof createExceptionActivities>;
let running: { worker: Worker; run: Promise<void> };

beforeAll(async () => {
  [env, pool] = [await connectDevServer(), createTestPool()];
  const webhookUrl = await receiver.listen();
  fixture = await seedExceptionOrders(pool, 'alert');
  activities = createExceptionActivities({ pool, webhookUrl });
  const worker = await createTestWorker(env, taskQueue, activities);
  running = { worker, run: worker.run() };
});

afterAll(async () => {
  if (env) await reconcileSchedules(env.client, { carts: [], merchants: [] }, taskQueue);
  running?.worker.shutdown();
  await running?.run;
  await receiver.close();
  await pool?.end();
  await env?.teardown();
});

/** The order numbers of this file's merchant in what the webhook received since `from`. */
const alertedNumbers = (from = 0) =>
  receiver.alerts
    .slice(from)
    .flatMap((alert) => alert.exceptions)
    .filter((exception) => exception.merchantId === fixture.merchantId)
    .map((exception) => exception.order?.cartOrderNumber)
    .sort();

/** This file's rows in the table of alerted exceptions. */
const alertedKeys = async () =>
  (
    await pool.query<{ key: string; first_seen_at: Date; alerted_at: Date | null }>(
      'SELECT key, first_seen_at, alerted_at FROM alerted_exceptions WHERE key LIKE $1',
      [`%:order:${fixture.cartId}:%`],
    )
  ).rows;

const runOnce = () =>
  env.client.workflow.execute(exceptionsAlertWorkflow, {
    taskQueue,
    workflowId: `exceptions-alert-test-${Date.now()}`,
  });

describe('the exceptions alert', () => {
  it('is scheduled only when the webhook is configured', () => {
    const ids = (exceptionsAlert: boolean) =>
      desiredSchedules({ carts: [], merchants: [], exceptionsAlert }, taskQueue).map((d) => d.options.scheduleId);
    expect(ids(false)).toEqual([]);
    expect(ids(true)).toEqual([EXCEPTIONS_ALERT_SCHEDULE_ID]);
  });

  it('runs from its schedule and posts the new exceptions as JSON', async () => {
    const reconciled = await reconcileSchedules(
      env.client,
      { carts: [], merchants: [], exceptionsAlert: true },
      taskQueue,
    );
    expect(reconciled.created).toEqual([EXCEPTIONS_ALERT_SCHEDULE_ID]);
    await env.client.schedule.getHandle(EXCEPTIONS_ALERT_SCHEDULE_ID).trigger();
    // Posted, then marked: the run is over once all four are marked.
    await pollUntil(async () => (await alertedKeys()).filter((row) => row.alerted_at).length === 4, {
      describe: () => `alerts: ${JSON.stringify(receiver.alerts)}`,
    });
    // Runs of the schedule from here on would race the runs below.
    expect((await reconcileSchedules(env.client, { carts: [], merchants: [] }, taskQueue)).deleted).toEqual([
      EXCEPTIONS_ALERT_SCHEDULE_ID,
    ]);

    expect(alertedNumbers()).toEqual(['C1', 'E1', 'H1', 'S1']);
    const alert = receiver.alerts.find((a) => a.exceptions.some((e) => e.merchantId === fixture.merchantId))!;
    expect(alert.text).toMatch(/^epf: \d+ new exception\(s\) need a person\n/);
    expect(alert.exceptions.find((e) => e.order?.cartOrderNumber === 'E1')).toMatchObject({
      kind: 'unknown_sku',
      field: 'lines[0].sku',
      fix: `epf aliases set ${fixture.merchantId} TEE-X <barcode>, then epf orders retry E1 --cart ${fixture.cartId}`,
    });
  });

  it('posts each exception once and a new one alone, and forgets those that are gone', async () => {
    let from = receiver.alerts.length;
    await runOnce();
    expect(alertedNumbers(from)).toEqual([]);

    await fixture.record('C1', 'cancelled');
    await fixture.record('E2', 'error', {
      lastError: 'shipTo.zip: required',
      detail: { error: { message: 'shipTo.zip: required', field: 'shipTo.zip', type: 'InvalidOrder' } },
    });
    from = receiver.alerts.length;
    await runOnce();
    expect(alertedNumbers(from)).toEqual(['E2']);

    const rows = await alertedKeys();
    expect(rows.map((row) => row.key.split(':')[0]).sort()).toEqual([
      'long_hold',
      'order_error',
      'tracking_push_failed',
      'unknown_sku',
    ]);
    expect(rows.every((row) => row.first_seen_at instanceof Date && row.alerted_at instanceof Date)).toBe(true);
  });

  it('sends again what the webhook refused', async () => {
    await fixture.record('E3', 'error', {
      lastError: 'shipTo.city: required',
      detail: { error: { message: 'shipTo.city: required', field: 'shipTo.city', type: 'InvalidOrder' } },
    });
    receiver.status = 500;
    const mock = new MockActivityEnvironment();
    await expect(mock.run(activities.alertNewExceptions)).rejects.toThrow('The exceptions webhook answered 500');

    receiver.status = 200;
    const from = receiver.alerts.length;
    await mock.run(activities.alertNewExceptions);
    expect(alertedNumbers(from)).toEqual(['E3']);
  });
});
