import { continueAsNew, proxyActivities } from '@temporalio/workflow';
import type { createActivities } from '../activities';
import type { PickupListing, PickupResult } from '../activities/shipment-pickup';

const { pickUpShipments } = proxyActivities<ReturnType<typeof createActivities>>({
  // One page of EasyPost's orders, signalling one workflow per package. The activity heartbeats every few seconds
  // while alive, so a killed worker's page is retried within the heartbeat timeout; EasyPost calls time out at 20 s.
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '15 seconds',
  // Each page retries on its own: a failure never costs the pages before it, and backoff never builds up across pages.
  // Bounded by time, not attempts: turned away at the merchant's EasyPost rate, a page retries within seconds many
  // times over; after 30 minutes the run fails and the schedule's next run starts over from the stored cursor.
  scheduleToCloseTimeout: '30 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Pages per run before continue-as-new: a long listing keeps each run's history small. */
export const MAX_PICKUP_PAGES_PER_RUN = 50;

export interface PickupTotals extends PickupResult {
  pages: number;
}

const NO_TOTALS: PickupTotals = { pages: 0, shipments: 0, signalled: 0, ignored: 0, kept: 0, redelivered: 0 };

export interface ShipmentPickupInput {
  merchantId: string;
  /** EasyPost orders per page; default the client's page size. */
  perPage?: number;
  /** Where a continued run goes on. */
  listing?: PickupListing;
  totals?: PickupTotals;
}

/**
 * One shipment pickup for a merchant (run by the `shipments:<merchantId>` schedule): page after page of EasyPost's
 * orders until the listing is done and the cursor advanced; only counts enter this workflow's history.
 */
export async function shipmentPickupWorkflow(input: ShipmentPickupInput): Promise<PickupTotals> {
  // Over the defaults: a run continued by an older version carries totals without the newer counts.
  const totals: PickupTotals = { ...NO_TOTALS, ...input.totals };
  let listing = input.listing;
  for (let n = 0; n < MAX_PICKUP_PAGES_PER_RUN; n += 1) {
    const { next, ...counts } = await pickUpShipments({
      merchantId: input.merchantId,
      perPage: input.perPage,
      listing,
    });
    totals.pages += 1;
    totals.shipments += counts.shipments;
    totals.signalled += counts.signalled;
    totals.ignored += counts.ignored;
    totals.kept += counts.kept;
    totals.redelivered += counts.redelivered;
    if (!next) return totals;
    listing = next;
  }
  return continueAsNew<typeof shipmentPickupWorkflow>({ ...input, listing, totals });
}
