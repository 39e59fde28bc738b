import type { KeptShipment } from '../db/kept-shipments';
import type { Exception } from '../domain/exceptions';
import { shellWord } from '../domain/shell-word';
import { parseOrderWorkflowId } from '../../workflows/definitions';

/** A shipment kept this long has not found a running workflow through many pickups: it needs a person. */
export const KEPT_SHIPMENT_DAYS = 1;

/**
 * Each shipment kept for over a day: EasyPost shipped an order of ours that no running workflow took, e.g. one cancelled
 * while its send was timing out, or a second EasyPost order for the same cart order. The tracking reaches no cart
 * until someone looks.
 */
export function keptShipmentExceptions(kept: KeptShipment[]): Exception[] {
  return kept.map((shipment) => {
    const since = shipment.firstKeptAt.toISOString();
    const packages = `${shipment.updates.length} package(s)`;
    const cartOrderId = parseOrderWorkflowId(shipment.workflowId ?? '')?.cartOrderId;
    const show =
      cartOrderId === undefined
        ? `find the order marked ${shipment.marker} in EasyPost, then epf orders show <ref> --cart ${shipment.cartId}`
        : `epf orders show ${shellWord(cartOrderId)} --cart ${shipment.cartId}`;
    return {
      key: `kept_shipment:${shipment.easyPostOrderId}:${since}`,
      kind: 'kept_shipment',
      merchantId: shipment.merchantId,
      since,
      reason: `EasyPost shipped order ${shipment.easyPostOrderId} (${packages}) but no running order took it: ${shipment.reason}`,
      fix:
        `${show}; if the order is finished or cancelled, the parcel left anyway: tell the merchant, send its tracking ` +
        `to the cart by hand, then forget it in PostgreSQL: ` +
        `DELETE FROM kept_shipments WHERE easypost_order_id = '${shipment.easyPostOrderId.replace(/'/g, "''")}'`,
    };
  });
}
