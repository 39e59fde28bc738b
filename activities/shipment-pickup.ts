import { Context, log } from '@temporalio/activity';
import type { KeptShipmentStore } from '../src/db/kept-shipments';
import type { MerchantCursorStore } from '../src/db/merchant-cursors';
import type { OrderIndex } from '../src/db/orders';
import type { EasyPostClient } from '../src/easypost';
import { PAGE_SIZE } from '../src/easypost/paging';
import { SHIPMENT_LOOKBACK_MS, shipmentsOf, updatedInPage } from '../src/easypost/shipments';
import { redeliverKeptShipments, signalShipments, type ShipmentSignalDeps } from '../src/orders/shipment-events';
import { toActivityFailure } from './easypost-failure';
import { withKeepalive } from './keepalive';

export interface ShipmentActivityDeps {
  orders: OrderIndex;
  cursors: MerchantCursorStore;
  kept: KeptShipmentStore;
  easyPostClient(merchantId: string): Promise<EasyPostClient>;
}

export interface PickupResult {
  shipments: number;
  signalled: number;
  /** EasyPost orders epf did not send, or whose workflow has finished. */
  ignored: number;
  /** EasyPost orders of ours whose shipments no running workflow took: kept and tried again by the next pickups. */
  kept: number;
  /** Kept shipments of earlier pickups delivered by this one (its first page). */
  redelivered: number;
}

/** Where a pickup's listing of EasyPost orders stands: fixed when it begins, carried from page to page. */
export interface PickupListing {
  /** Orders updated at or after this are read (ISO; the stored cursor less the overlap). */
  since: string;
  /** Older orders end the listing unless updated since `since` (ISO). */
  createdAfter: string;
  /** When the listing began: the cursor saved once it is done. */
  startedAt: string;
  /** The next page to read (0-based). */
  page: number;
  perPage: number;
}

/** One page of a pickup; `next` is where the listing goes on, absent once it is done and the cursor saved. */
export interface PickupPageResult extends PickupResult {
  next?: PickupListing;
}

/** A first pickup looks this far back; later ones resume from the last one. */
const FIRST_PICKUP_LOOKBACK_MS = 24 * 60 * 60 * 1000;
/** Each pickup re-reads a little before its cursor: EasyPost timestamps are seconds and clocks drift. */
const OVERLAP_MS = 2 * 60 * 1000;
/** Shipment pickup: EasyPost's picks and trackers to the order workflows, via the orders index or the order's marker. */
export function createShipmentActivities(deps: ShipmentActivityDeps) {
  const begin = async (merchantId: string, perPage: number): Promise<PickupListing> => {
    const startedAt = new Date();
    const stored = await deps.cursors.get(merchantId, 'shipments');
    const since = (stored ? Date.parse(stored) : startedAt.getTime() - FIRST_PICKUP_LOOKBACK_MS) - OVERLAP_MS;
    return {
      since: new Date(since).toISOString(),
      createdAfter: new Date(since - SHIPMENT_LOOKBACK_MS).toISOString(),
      startedAt: startedAt.toISOString(),
      page: 0,
      perPage,
    };
  };

  return {
    /**
     * One page of a shipment pickup: signals `shipmentUpdate` for every package of the merchant's EasyPost orders on
     * page `listing.page` updated since the stored cursor. Without `listing` it begins a new listing at page 0; once
     * the listing is done it advances the cursor to the listing's start. A failure costs only its page: the
     * workflow retries that page and goes on from there, so work done on earlier pages is never redone. Safe to
     * repeat: a workflow ignores a shipment it has seen. The first page first redelivers the shipments earlier pickups
     * kept; shipments no running workflow takes are kept before the cursor moves past them.
     */
    async pickUpShipments(input: {
      merchantId: string;
      listing?: PickupListing;
      perPage?: number;
    }): Promise<PickupPageResult> {
      const context = Context.current();
      return withKeepalive(async () => {
        const signals: ShipmentSignalDeps = { temporal: context.client, orders: deps.orders, kept: deps.kept };
        const heartbeat = () => context.heartbeat();
        const redelivered = input.listing ? 0 : await redeliverKeptShipments(signals, input.merchantId, heartbeat);
        const listing = input.listing ?? (await begin(input.merchantId, input.perPage ?? PAGE_SIZE));
        const easyPost = await deps.easyPostClient(input.merchantId);
        const page = await easyPost
          .listOrders({ page: listing.page, perPage: listing.perPage })
          .catch((err: unknown) => {
            throw toActivityFailure(err);
          });
        const { orders, done } = updatedInPage(page, listing, listing.perPage);
        const results = await signalShipments(signals, orders, { merchantId: input.merchantId, afterOrder: heartbeat });
        const shipments = orders.reduce((sum, order) => sum + shipmentsOf(order).length, 0);
        const result: PickupPageResult = { shipments, signalled: 0, ignored: 0, kept: 0, redelivered };
        for (const outcome of results) {
          if (outcome.outcome === 'signalled') result.signalled += outcome.signalled;
          else if (outcome.outcome === 'kept') result.kept += 1;
          else if (outcome.outcome !== 'no shipments') result.ignored += 1;
        }
        const details = { merchantId: input.merchantId, page: listing.page, ...result };
        if (!done) {
          log.debug('Picked up a page of shipments', details);
          return { ...result, next: { ...listing, page: listing.page + 1 } };
        }
        await deps.cursors.save(input.merchantId, 'shipments', listing.startedAt);
        log.info('Picked up shipments', { ...details, cursor: listing.startedAt });
        return result;
      });
    },
  };
}
