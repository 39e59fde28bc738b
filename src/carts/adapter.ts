/** A shipment to tell the cart about: carrier, tracking and the units it carried. */
export interface TrackingPush {
  cartOrderId: string;
  shipmentId: string;
  carrier: string;
  trackingCode: string;
  trackingUrl?: string;
  lines: { barcode: string; units: number }[];
}

/**
 * What the order lifecycle needs from an order source. The cart adapters (Shopify, WooCommerce) implement it and
 * add order listing and inventory pushes; each push must be idempotent per shipment.
 */
export interface CartAdapter {
  pushTracking(push: TrackingPush): Promise<void>;
}
