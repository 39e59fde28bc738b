import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { cancelSignal, shipmentUpdateSignal, statusQuery } from '../../workflows/definitions';
import { sampleOrder, sampleShipment } from '../helpers/orders';
import { connectTimeSkipping } from '../helpers/temporal';
import { runOrder, waitForStatus } from './order-fakes';

// A send whose answer was lost may have created the order at EasyPost: the workflow never learnt its ID, went on hold
// or to error on a later attempt, and must still neither leave it there after a cancel nor ignore its shipments.

const DAY = 24 * 60 * 60 * 1000;
let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await connectTimeSkipping();
});

afterAll(async () => {
  await env?.teardown();
});

const shipment = (id: string, complete: boolean) => ({
  ...sampleShipment(id, complete),
  easyPostOrderId: 'order_lost',
});

describe('an order whose create answer was lost', () => {
  it('is cancelled at EasyPost, found by its marker, before the cart hears it is cancelled', async () => {
    await runOrder(env, { thereafter: 'stock', sentOrder: 'found' }, async ({ handle, log }) => {
      await waitForStatus(handle, 'on_hold');
      await handle.signal(cancelSignal, { reason: 'buyer cancelled', source: 'cart' });
      const result = await handle.result();
      expect(result.status).toBe('cancelled');
      expect(log.sentCancels).toBe(1);
      expect(result.easyPostOrderId).toBe('order_sent_earlier');
      expect(log.cartAnswers).toEqual([
        expect.objectContaining({ accepted: true, reason: 'cancelled at the warehouse' }),
      ]);
    });
  });

  it('goes to cancel_failed when EasyPost has it picked, tells the cart no, and still ships', async () => {
    await runOrder(env, { sends: ['invalid'], sentOrder: 'refused' }, async ({ handle, log }) => {
      await waitForStatus(handle, 'error');
      await handle.signal(cancelSignal, { reason: 'buyer cancelled', source: 'cart' });
      await waitForStatus(handle, 'cancel_failed');
      const view = await handle.query(statusQuery);
      expect(view.easyPostOrderId).toBe('order_sent_earlier');
      expect(view.cancelReason).toContain('refused by EasyPost');
      expect(log.cartAnswers).toEqual([expect.objectContaining({ accepted: false })]);
      await handle.signal(shipmentUpdateSignal, sampleShipment('pick_1', true));
      expect((await handle.result()).status).toBe('confirmed');
    });
  });

  it('waits in error, neither resent nor reported cancelled, when EasyPost cannot be asked', async () => {
    await runOrder(env, { thereafter: 'stock', sentOrder: 'auth' }, async ({ handle, log }) => {
      await waitForStatus(handle, 'on_hold');
      await handle.signal(cancelSignal, { reason: 'buyer cancelled', source: 'cart' });
      await waitForStatus(handle, 'error');
      expect((await handle.query(statusQuery)).lastError?.type).toBe('CancelFailed');
      const sends = log.sends.length;
      await env.sleep(2 * DAY);
      expect(log.sends).toHaveLength(sends);
      expect(log.cartAnswers).toEqual([]);
    });
  });

  it('on hold, takes the shipments EasyPost reports: at the warehouse after all, then confirmed', async () => {
    await runOrder(env, { thereafter: 'stock' }, async ({ handle, log }) => {
      await waitForStatus(handle, 'on_hold');
      await handle.signal(shipmentUpdateSignal, shipment('pick_1', true));
      const result = await handle.result();
      expect(result.status).toBe('confirmed');
      expect(result.easyPostOrderId).toBe('order_lost');
      expect(log.pushes.map((push) => push.shipment.shipmentId)).toEqual(['pick_1']);
      expect(log.transitions.map((t) => t.status)).toEqual([
        'received',
        'sending',
        'on_hold',
        'at_wms',
        'shipped',
        'confirmed',
      ]);
    });
  });

  it('adopted with packages already shipped: pushes them without waiting for a pickup', async () => {
    const adoptedShipments = [sampleShipment('pick_7', true)];
    await runOrder(env, { adoptedShipments }, async ({ handle, log }) => {
      expect((await handle.result()).status).toBe('confirmed');
      expect(log.pushes.map((push) => push.shipment.shipmentId)).toEqual(['pick_7']);
    });
  });

  it('never sent: a cancel stays local, with no lookup at EasyPost', async () => {
    const order = sampleOrder({ lines: [{ lineId: 'l1', sku: 'UNKNOWN-1', quantity: 1 }] });
    await runOrder(
      env,
      {},
      async ({ handle, log }) => {
        await waitForStatus(handle, 'error');
        await handle.signal(cancelSignal, { reason: 'test', source: 'operator' });
        expect((await handle.result()).status).toBe('cancelled');
        expect(log.sentCancels).toBe(0);
      },
      order,
    );
  });
});
