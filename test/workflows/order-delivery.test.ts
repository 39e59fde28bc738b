import type { WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { nextDeliveryAt, nextUploadAt } from '../../src/domain/delivery-clock';
import type { OrderDelivery } from '../../src/domain/merchant-settings';
import type { orderWorkflow } from '../../workflows';
import { cancelSignal, retryNowSignal, shipmentUpdateSignal, statusQuery } from '../../workflows/definitions';
import { sampleShipment } from '../helpers/orders';
import { pollUntil } from '../helpers/poll';
import { connectTimeSkipping } from '../helpers/temporal';
import { runOrder, waitForStatus, type FakeOptions } from './order-fakes';

const MINUTE = 60_000;
const EventType = temporal.api.enums.v1.EventType;

let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await connectTimeSkipping();
});

afterAll(async () => {
  await env?.teardown();
});

/** The planned delivery, once the workflow's first task has set its timer. */
async function plannedDelivery(handle: WorkflowHandle<typeof orderWorkflow>): Promise<number> {
  let deliverAt: string | undefined;
  await pollUntil(async () => (deliverAt = (await handle.query(statusQuery)).deliverAt) !== undefined, {
    timeoutMs: 10_000,
  });
  return Date.parse(deliverAt!);
}

const startOf = async (handle: WorkflowHandle) => (await handle.describe()).startTime.getTime();

const localTime = (ms: number, zone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: zone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' }).format(ms);

describe('order delivery: when a received order goes to EasyPost', () => {
  const grace: FakeOptions = { delivery: { mode: 'grace', minutes: 30 } };

  it('waits out the grace delay, then sends', async () => {
    await runOrder(env, grace, async ({ handle, log }) => {
      const deliverAt = await plannedDelivery(handle);
      const start = await startOf(handle);
      expect(deliverAt - start).toBe(30 * MINUTE);

      await env.sleep(29 * MINUTE);
      expect((await handle.query(statusQuery)).status).toBe('received');
      expect(log.sends).toHaveLength(0);

      await env.sleep(2 * MINUTE);
      await waitForStatus(handle, 'at_wms');
      const sentAfter = log.sendTimes[0]!.getTime() - deliverAt;
      expect(sentAfter).toBeGreaterThanOrEqual(0);
      expect(sentAfter).toBeLessThan(MINUTE);
      expect((await handle.query(statusQuery)).deliverAt).toBeUndefined();
    });
  });

  it('cancels during the grace delay locally: nothing reaches EasyPost', async () => {
    await runOrder(env, grace, async ({ handle, log }) => {
      await plannedDelivery(handle);
      await handle.signal(cancelSignal, { reason: 'buyer cancelled', source: 'cart' });
      const result = await handle.result();
      expect(result.status).toBe('cancelled');
      expect(log.sends).toHaveLength(0);
      expect(log.cancels).toBe(0);
      // The second `received` records when it was planned to go.
      expect(log.transitions.map((t) => t.status)).toEqual(['received', 'received', 'cancelled']);
      expect(log.transitions[1]?.detail).toEqual({ deliverAt: expect.any(String) });
      expect(log.cartAnswers).toEqual([expect.objectContaining({ accepted: true })]);
    });
  });

  it('sends at once on retryNow during the grace delay', async () => {
    await runOrder(env, grace, async ({ handle, log }) => {
      const deliverAt = await plannedDelivery(handle);
      await handle.signal(retryNowSignal);
      await waitForStatus(handle, 'at_wms');
      expect(log.sendTimes[0]!.getTime()).toBeLessThan(deliverAt - 29 * MINUTE);
    });
  });

  it('sends at the first delivery slot in the merchant zone', async () => {
    const delivery: OrderDelivery = { mode: 'slots', times: ['09:00', '15:30'], zone: 'America/Los_Angeles' };
    await runOrder(env, { delivery }, async ({ handle, log }) => {
      const deliverAt = await plannedDelivery(handle);
      expect(deliverAt).toBe(nextDeliveryAt(new Date(await startOf(handle)), delivery).getTime());
      expect(['09:00', '15:30']).toContain(localTime(deliverAt, delivery.zone));

      await env.sleep(deliverAt - (await env.currentTimeMs()) - MINUTE);
      expect((await handle.query(statusQuery)).status).toBe('received');
      expect(log.sends).toHaveLength(0);

      await env.sleep(2 * MINUTE);
      await waitForStatus(handle, 'at_wms');
      expect(log.sendTimes[0]!.getTime() - deliverAt).toBeLessThan(MINUTE);
      expect(log.sendTimes[0]!.getTime()).toBeGreaterThanOrEqual(deliverAt);
    });
  });
});

describe('tracking upload slots', () => {
  it('pushes tracking at the cart’s next aligned slot, not before', async () => {
    await runOrder(env, { trackingUploadSeconds: 3600 }, async ({ handle, log }) => {
      await waitForStatus(handle, 'at_wms');
      const slot = nextUploadAt(new Date(await env.currentTimeMs()), 3600).getTime();
      await handle.signal(shipmentUpdateSignal, sampleShipment('pick_1', true));
      await waitForStatus(handle, 'shipped');
      expect(log.pushes).toHaveLength(0);

      expect((await handle.result()).status).toBe('confirmed');
      const pushedAfter = log.pushTimes[0]!.getTime() - slot;
      expect(pushedAfter).toBeGreaterThanOrEqual(0);
      expect(pushedAfter).toBeLessThan(MINUTE);
    });
  });

  it('sets no timer on the happy path when delivery and upload are immediate', async () => {
    await runOrder(env, {}, async ({ handle }) => {
      await waitForStatus(handle, 'at_wms');
      await handle.signal(shipmentUpdateSignal, sampleShipment('pick_1', true));
      expect((await handle.result()).status).toBe('confirmed');
      const events = (await handle.fetchHistory()).events ?? [];
      expect(events.filter((event) => event.eventType === EventType.EVENT_TYPE_TIMER_STARTED)).toHaveLength(0);
    });
  });
});
