// `npm run bench:order-history`: what one order costs Temporal, in history events and activities: the happy path on
// the dev server (the real server), and the happy and held-once-then-resent paths on the time-skipping server (the
// only way to reach 01:00 without waiting; it adds a few workflow-task events of its own, so its happy path is shown
// beside the dev server's as the baseline). The workflow runs with the typed activity fakes of the workflow tests:
// history depends on which activities the workflow calls, not on what they do.
import { parseArgs } from 'node:util';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { temporal } from '@temporalio/proto';
import { orderWorkflowId } from '../src/domain/order';
import { cartSettingsSchema } from '../src/domain/merchant-settings';
import { submitOrder } from '../src/orders/submit';
import { serverExecutable, temporalCliPath, temporalTestServerPath } from '../src/temporal/binaries';
import { customSearchAttributes, registerSearchAttributes } from '../src/temporal/search-attributes';
import { WORKFLOWS_PATH } from '../src/temporal/bundle';
import { shipmentUpdateSignal } from '../workflows/definitions';
import type { orderWorkflow } from '../workflows';
import { fakeOrderActivities, waitForStatus, type FakeOptions } from '../test/workflows/order-fakes';
import { sampleOrder, sampleShipment } from '../test/helpers/orders';
import { printJson } from './json-output';

const EventType = temporal.api.enums.v1.EventType;
const CART = { type: 'manual', name: 'bench', settings: cartSettingsSchema.parse({}) };

interface Scenario {
  name: string;
  fakes: FakeOptions;
  /** Days to let pass while the order is on hold. */
  holdDays: number;
}

const HAPPY: Scenario = { name: 'happy path', fakes: {}, holdDays: 0 };
const HELD: Scenario = { name: 'held once, resent at 01:00', fakes: { sends: ['stock'] }, holdDays: 1 };

async function measure(env: TestWorkflowEnvironment, server: string, scenario: Scenario) {
  const taskQueue = `bench-${scenario.holdDays}`;
  const { activities } = fakeOrderActivities(scenario.fakes);
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath: WORKFLOWS_PATH,
    activities,
  });
  return worker.runUntil(async () => {
    const order = sampleOrder();
    // Started as production starts orders: submitOrder sets the first search attributes.
    await submitOrder(
      {
        client: env.client,
        taskQueue,
        orders: { find: async () => [] },
        carts: { get: async () => ({ ...CART, id: order.cartId, merchantId: order.merchantId }) },
      },
      order,
    );
    const handle = env.client.workflow.getHandle<typeof orderWorkflow>(
      orderWorkflowId(order.cartId, order.cartOrderId),
    );
    if (scenario.holdDays > 0) {
      await waitForStatus(handle, 'on_hold');
      await env.sleep(`${scenario.holdDays} days`);
    }
    await waitForStatus(handle, 'at_wms');
    await handle.signal(shipmentUpdateSignal, sampleShipment('pick_1', true));
    await handle.result();
    const events = (await handle.fetchHistory()).events ?? [];
    const count = (type: number) => events.filter((event) => event.eventType === type).length;
    return {
      scenario: scenario.name,
      server,
      'history events': events.length,
      activities: count(EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED),
      'local activities': count(EventType.EVENT_TYPE_MARKER_RECORDED),
    };
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { json: { type: 'boolean' } } });
  const rows = [];
  const dev = await TestWorkflowEnvironment.createLocal({
    server: { executable: serverExecutable(temporalCliPath, 'Temporal CLI'), searchAttributes: customSearchAttributes },
  });
  try {
    rows.push(await measure(dev, 'dev server', HAPPY));
  } finally {
    await dev.teardown();
  }
  const skipping = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: serverExecutable(temporalTestServerPath, 'Temporal test server') },
  });
  try {
    await registerSearchAttributes(skipping.connection, 'default');
    rows.push(await measure(skipping, 'time-skipping', HAPPY));
    rows.push(await measure(skipping, 'time-skipping', HELD));
  } finally {
    await skipping.teardown();
  }
  if (values.json) {
    printJson(rows);
    return;
  }
  console.log('Temporal cost of one order workflow');
  console.table(rows);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
