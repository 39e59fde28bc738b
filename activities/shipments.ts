import { Context, log } from '@temporalio/activity';
import type { MerchantCursorStore } from '../src/db/merchant-cursors';
import type { OrderIndex } from '../src/db/orders';
import type { EasyPostClient } from '../src/easypost';
import { signalShipments } from '../src/orders/shipment-events';
import { toActivityFailure } from './easypost-failure';

export interface ShipmentActivityDeps {
  orders: OrderIndex;
  cursors: MerchantCursorStore;
  easyPostClient(merchantId: string): Promise<EasyPostClient>;
}

export interface PickupResult {
  shipments: number;
  signalled: number;
  /** EasyPost orders epf did not send, or whose workflow has finished. */
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

      const results = await signalShipments({ temporal: client, orders: deps.orders }, shipments, {
        merchantId: input.merchantId,
        afterOrder: () => Context.current().heartbeat(),
      });
      const result: PickupResult = { shipments: shipments.length, signalled: 0, ignored: 0 };
      for (const outcome of results) {
        if (outcome.outcome === 'signalled') result.signalled += outcome.signalled;
        else if (outcome.outcome !== 'no shipments') result.ignored += 1;
      }
      await deps.cursors.save(input.merchantId, 'shipments', startedAt.toISOString());
      log.info('Picked up shipments', { merchantId: input.merchantId, ...result });
      return result;
    },
  };
}
