// Request bodies we send. Bodies are bare objects, not wrapped in `{order: ...}` (doc §1).

export interface AddressInput {
  name?: string;
  company?: string;
  street1: string;
  street2?: string;
  city: string;
  state?: string;
  zip: string;
  country: string;
  phone?: string;
  email?: string;
  residential?: boolean;
}

/** A product is named by barcode or by EasyPost id. */
export type ProductInput = { barcode: string } | { id: string };

export interface CreateOrderRequest {
  service: string;
  description?: string;
  destination: AddressInput;
  line_items: { product: ProductInput; units: number }[];
  shipment_options?: { delivery_confirmation?: string; insurance?: boolean };
  /** The warehouse the routing rules chose, unless the merchant's `warehouseRouting` is `easypost` (doc §4). */
  warehouse_id?: string;
  latest_delivery?: string;
}

export type InventoryInclude = 'product' | 'warehouse';
