import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { orderWorkflowId } from '../../src/domain/order';
import { orderWorkflow } from '../../workflows';
import {
  cancelSignal,
  fixOrderUpdate,
  retryNowSignal,
  searchAttributes,
  shipmentUpdateSignal,
  statusQuery,
} from '../../workflows/definitions';
import { sampleOrder, sampleShipment } from '../helpers/orders';
import { connectTimeSkipping, createTestWorker, uniqueTaskQueue } from '../helpers/temporal';
import { fakeOrderActivities, runOrder, waitForStatus } from './order-fakes';
import { pollUntil } from '../helpers/poll';

let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await connectTimeSkipping();
});

afterAll(async () => {
  await env?.teardown();
});

async function searchAttribute<T>(handle: WorkflowHandle, key: { name: string }): Promise<T | undefined> {
  const { typedSearchAttributes } = await handle.describe();
  return typedSearchAttributes.get(key as never) as T | undefined;
}

describe('orderWorkflow', () => {
  it('goes received → sending → at_wms → shipped → confirmed, keeping search attributes current', async () => {
    await runOrder(env, {}, async ({ handle, log }) => {
      await waitForStatus(handle, 'at_wms');
      expect(await searchAttribute(handle, searchAttributes.orderStatus)).toBe('at_wms');
      expect(await searchAttribute(handle, searchAttributes.easyPostOrderId)).toMatch(/^order_/);
      expect(await searchAttribute(handle, searchAttributes.warehouse)).toBe('wh_test');

      await handle.signal(shipmentUpdateSignal, sampleShipment('pick_1', true));
      const result = await handle.result();

      expect(result.status).toBe('confirmed');
      expect(log.transitions.map((t) => t.status)).toEqual(['received', 'sending', 'at_wms', 'shipped', 'confirmed']);
      expect(log.pushes.map((p) => p.shipment.trackingCode)).toEqual(['9400pick_1']);
      expect(await searchAttribute(handle, searchAttributes.orderStatus)).toBe('confirmed');
      expect(log.sends[0]!.isResend).toBe(false);
    });
  });

  it('pushes each package of a split shipment once and confirms when the order is complete', async () => {
    await runOrder(env, {}, async ({ handle, log }) => {
      await waitForStatus(handle, 'at_wms');
      await handle.signal(shipmentUpdateSignal, sampleShipment('pick_1', false));
      await handle.signal(shipmentUpdateSignal, sampleShipment('pick_1', false)); // seen twice: no effect
      await waitForStatus(handle, 'shipped');
      await handle.signal(shipmentUpdateSignal, sampleShipment('pick_2', true, 2));
      const result = await handle.result();
      expect(result.status).toBe('confirmed');
      expect(result.trackingPushed).toEqual(['pick_1', 'pick_2']);
      expect(log.pushes).toHaveLength(2);
    });
  });

  it('waits for every package EasyPost counted before confirming a shipped order', async () => {
    await runOrder(env, {}, async ({ handle }) => {
      await waitForStatus(handle, 'at_wms');
      // The pickup reads the order once it is shipped: both packages say so, and arrive as two signals.
      await handle.signal(shipmentUpdateSignal, sampleShipment('pick_a', true, 2));
      await waitForStatus(handle, 'shipped');
      expect((await handle.describe()).status.name).toBe('RUNNING');
      await handle.signal(shipmentUpdateSignal, sampleShipment('pick_b', true, 2));
      const result = await handle.result();
      expect(result.status).toBe('confirmed');
      expect(result.trackingPushed).toEqual(['pick_a', 'pick_b']);
    });
  });

  it('keeps a shipped order visible when the cart refuses its tracking, and pushes again on retryNow', async () => {
    await runOrder(env, { pushRefusals: 1 }, async ({ handle, log }) => {
      await waitForStatus(handle, 'at_wms');
      await handle.signal(shipmentUpdateSignal, sampleShipment('pick_1', true));
      await waitForStatus(handle, 'shipped');
      await pollUntil(async () => (await handle.query(statusQuery)).lastError?.type === 'TrackingPushFailed', {
        timeoutMs: 10_000,
      });
      expect((await handle.query(statusQuery)).trackingPushed).toEqual([]);
      await handle.signal(retryNowSignal);
      expect((await handle.result()).status).toBe('confirmed');
      expect(log.pushes).toHaveLength(1);
    });
  });

  it('holds an order EasyPost rejects for stock and resends it at the next 01:00 Los Angeles time', async () => {
    await runOrder(env, { sends: ['stock'] }, async ({ handle, log }) => {
      await waitForStatus(handle, 'on_hold');
      const view = await handle.query(statusQuery);
      expect(view.holdCount).toBe(1);
      const resendAt = new Date(view.nextResendAt!);
      expect(resendAt.getUTCMinutes()).toBe(0);
      expect([8, 9]).toContain(resendAt.getUTCHours()); // 01:00 PDT or PST
      expect(await searchAttribute(handle, searchAttributes.holdCount)).toBe(1);
      expect((await searchAttribute<Date>(handle, searchAttributes.nextResendAt))?.toISOString()).toBe(
        resendAt.toISOString(),
      );

      // Just before 01:00 nothing happens; just after, the order is resent.
      await env.sleep(resendAt.getTime() - (await env.currentTimeMs()) - 60_000);
      expect((await handle.query(statusQuery)).status).toBe('on_hold');
      await env.sleep(120_000);
      await waitForStatus(handle, 'at_wms');
      const resentAfterMs = log.sendTimes[1]!.getTime() - resendAt.getTime();
      expect(resentAfterMs).toBeGreaterThanOrEqual(0);
      expect(resentAfterMs).toBeLessThan(60_000);
      expect(log.sends[1]!.isResend).toBe(true);
    });
  });

  it('wakes a held order early on retryNow', async () => {
    await runOrder(env, { sends: ['stock'] }, async ({ handle, log }) => {
      await waitForStatus(handle, 'on_hold');
      await handle.signal(retryNowSignal);
      await waitForStatus(handle, 'at_wms');
      expect(log.sends).toHaveLength(2);
    });
  });

  it('cancels a held order once EasyPost has no order of it: nothing to cancel there', async () => {
    await runOrder(env, { thereafter: 'stock' }, async ({ handle, log }) => {
      await waitForStatus(handle, 'on_hold');
      await handle.signal(cancelSignal, { reason: 'buyer changed their mind', source: 'cart' });
      const result = await handle.result();
      expect(result.status).toBe('cancelled');
      expect(result.cancelReason).toBe('buyer changed their mind');
      expect(log.cancels).toBe(0);
      expect(log.sentCancels).toBe(1);
      expect(log.transitions.at(-1)).toMatchObject({ status: 'cancelled', actor: 'cart' });
      // The cart asked, so the cart hears the answer; operator cancels need none.
      expect(log.cartAnswers).toEqual([expect.objectContaining({ accepted: true })]);
    });
  });

  it('cancels at EasyPost once the order is there', async () => {
    await runOrder(env, { cancel: 'ok' }, async ({ handle, log }) => {
      await waitForStatus(handle, 'at_wms');
      await handle.signal(cancelSignal, { reason: 'fraud', source: 'operator' });
      expect((await handle.result()).status).toBe('cancelled');
      expect(log.cancels).toBe(1);
    });
  });

  it('goes to cancel_failed when EasyPost refuses, and still takes the shipment', async () => {
    await runOrder(env, { cancel: 'refused' }, async ({ handle }) => {
      await waitForStatus(handle, 'at_wms');
      await handle.signal(cancelSignal, { reason: 'too late', source: 'operator' });
      await waitForStatus(handle, 'cancel_failed');
      expect((await handle.query(statusQuery)).cancelReason).toContain('refused by EasyPost: Order is picked');
      await handle.signal(shipmentUpdateSignal, sampleShipment('pick_9', true));
      expect((await handle.result()).status).toBe('confirmed');
    });
  });

  it('stays at the warehouse with the reason when the cancel cannot reach EasyPost, and still ships', async () => {
    await runOrder(env, { cancel: 'auth' }, async ({ handle }) => {
      await waitForStatus(handle, 'at_wms');
      await handle.signal(cancelSignal, { reason: 'buyer asked', source: 'operator' });
      await pollUntil(async () => (await handle.query(statusQuery)).lastError?.type === 'CancelFailed', {
        timeoutMs: 10_000,
      });
      expect((await handle.query(statusQuery)).status).toBe('at_wms');
      await handle.signal(shipmentUpdateSignal, sampleShipment('pick_5', true));
      expect((await handle.result()).status).toBe('confirmed');
    });
  });

  it('puts bad data in error naming the field, and a fix sends it to the warehouse', async () => {
    const order = sampleOrder({ lines: [{ lineId: 'l1', sku: 'UNKNOWN-1', quantity: 1 }] });
    await runOrder(
      env,
      {},
      async ({ handle }) => {
        await waitForStatus(handle, 'error');
        const view = await handle.query(statusQuery);
        expect(view.lastError).toMatchObject({ field: 'lines[0].sku', type: 'InvalidOrder' });

        await expect(handle.executeUpdate(fixOrderUpdate, { args: [{ skus: { nope: 'X' } }] })).rejects.toThrow(
          WorkflowUpdateFailedError,
        );
        await expect(handle.executeUpdate(fixOrderUpdate, { args: [{ shipTo: { country: 'USA' } }] })).rejects.toThrow(
          WorkflowUpdateFailedError,
        );
        expect(await handle.executeUpdate(fixOrderUpdate, { args: [{ skus: { l1: 'SOCK-M' } }] })).toBe('sending');
        await waitForStatus(handle, 'at_wms');
        await expect(handle.executeUpdate(fixOrderUpdate, { args: [{ note: 'late' }] })).rejects.toThrow(
          WorkflowUpdateFailedError,
        );
      },
      order,
    );
  });

  it('sends an order EasyPost rejected for its address once the address is fixed', async () => {
    await runOrder(env, { sends: ['invalid'] }, async ({ handle, log }) => {
      await waitForStatus(handle, 'error');
      expect((await handle.query(statusQuery)).lastError).toMatchObject({ field: 'destination.zip' });
      expect(await searchAttribute(handle, searchAttributes.orderStatus)).toBe('error');
      await handle.executeUpdate(fixOrderUpdate, { args: [{ shipTo: { zip: '94107' } }] });
      await waitForStatus(handle, 'at_wms');
      expect(log.sends[1]!.request.destination.zip).toBe('94107');
      expect(log.sends[1]!.isResend).toBe(true);
    });
  });

  it('cancels an order in error locally', async () => {
    await runOrder(env, { sends: ['auth'] }, async ({ handle, log }) => {
      await waitForStatus(handle, 'error');
      expect((await handle.query(statusQuery)).lastError?.type).toBe('AuthFailed');
      await handle.signal(cancelSignal, { reason: 'test order', source: 'operator' });
      expect((await handle.result()).status).toBe('cancelled');
      expect(log.cancels).toBe(0);
    });
  });

  it('holds a malformed cart order in error naming its fields, and a fix sends it', async () => {
    const { shipTo: _shipTo, ...withoutAddress } = sampleOrder();
    await runOrder(
      env,
      {},
      async ({ handle, log }) => {
        await waitForStatus(handle, 'error');
        const view = await handle.query(statusQuery);
        expect(view.lastError).toMatchObject({ field: 'shipTo', type: 'InvalidOrder' });
        expect(log.sends).toHaveLength(0);
        const shipTo = { name: 'Ada', street1: '1 Main St', city: 'Reno', zip: '89501', country: 'US' };
        expect(await handle.executeUpdate(fixOrderUpdate, { args: [{ shipTo }] })).toBe('sending');
        await waitForStatus(handle, 'at_wms');
      },
      withoutAddress as never,
    );
  });

  it('cancels from received before anything is sent', async () => {
    const order = sampleOrder();
    const taskQueue = uniqueTaskQueue('order');
    const { activities, log } = fakeOrderActivities();
    const worker = await createTestWorker(env, taskQueue, activities);
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.signalWithStart(orderWorkflow, {
        taskQueue,
        workflowId: orderWorkflowId(order.cartId, order.cartOrderId),
        args: [{ order }],
        signal: cancelSignal,
        signalArgs: [{ reason: 'duplicate order', source: 'operator' }],
      });
      expect((await handle.result()).status).toBe('cancelled');
      expect(log.sends).toHaveLength(0);
    });
  });
});
