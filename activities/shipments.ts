import { Context, log } from '@temporalio/activity';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { MerchantCursorStore } from '../src/db/merchant-cursors';
import type { OrderIndex } from '../src/db/orders';
import type { EasyPostClient } from '../src/easypost';
import { toShipmentUpdate } from '../src/orders/shipment-update';
import { shipmentUpdateSignal } from '../workflows/definitions';
import { toActivityFailure } from './easypost-failure';

export interface ShipmentActivityDeps {
  orders: OrderIndex;
  cursors: MerchantCursorStore;
  easyPostClient(merchantId: string): Promise<EasyPostClient>;
}

export interface PickupResult {
  shipments: number;
  signalled: number;
  /** Shipments of EasyPost orders epf did not send (or whose workflow has finished). */
  ignored: number;
}

/** A first pickup looks this far back; later ones resume from the last one. */
const FIRST_PICKUP_LOOKBACK_MS = 24 * 60 * 60 * 1000;
/** Each pickup re-reads a little before its cursor: EasyPost timestamps are seconds and clocks drift. */
const OVERLAP_MS = 2 * 60 * 1000;

/** Shipment pickup: EasyPost's picks and trackers to the order workflows, via the orders index. */
export function createShipmentActivities(deps: ShipmentActivityDeps) {
  return {
    /**
     * Signals `shipmentUpdate` for every package of the merchant's EasyPost orders updated since the stored cursor,
     * then advances the cursor to this pickup's start. Safe to repeat: a workflow ignores a shipment it has seen.
     */
    async pickUpShipments(input: { merchantId: string }): Promise<PickupResult> {
      const { client } = Context.current();
      const startedAt = new Date();
      const stored = await deps.cursors.get(input.merchantId, 'shipments');
      const since = new Date(
        (stored ? Date.parse(stored) : startedAt.getTime() - FIRST_PICKUP_LOOKBACK_MS) - OVERLAP_MS,
      );
      const easyPost = await deps.easyPostClient(input.merchantId);
      const shipments = await easyPost.shipmentsSince(since).catch((err: unknown) => {
        throw toActivityFailure(err);
      });

      const result: PickupResult = { shipments: shipments.length, signalled: 0, ignored: 0 };
      const packagesPerOrder = new Map<string, number>();
      for (const { orderId } of shipments) packagesPerOrder.set(orderId, (packagesPerOrder.get(orderId) ?? 0) + 1);
      for (const shipment of shipments) {
        const update = toShipmentUpdate(shipment, packagesPerOrder.get(shipment.orderId)!);
        if (!update) continue; // no tracking number yet: the next pickup brings it
        const [row] = (await deps.orders.find(undefined, shipment.orderId)).filter(
          (candidate) => candidate.merchant_id === input.merchantId,
        );
        if (!row) {
          result.ignored += 1;
          continue;
        }
        try {
          await client.workflow.getHandle(row.workflow_id).signal(shipmentUpdateSignal, update);
          result.signalled += 1;
        } catch (err) {
          if (!(err instanceof WorkflowNotFoundError)) throw err;
          result.ignored += 1;
        }
        Context.current().heartbeat();
      }
      await deps.cursors.save(input.merchantId, 'shipments', startedAt.toISOString());
      log.info('Picked up shipments', { merchantId: input.merchantId, ...result });
      return result;
    },
  };
}
