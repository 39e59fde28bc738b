export {
  createEasyPostClient,
  DEFAULT_TIMEOUT_MS,
  EASYPOST_BASE_URL,
  INVENTORY_IDS_PER_CALL,
  type EasyPostClient,
  type EasyPostClientOptions,
  type OrderListOptions,
  type PageOptions,
} from './client';
export { EasyPostError, INVALID_WAREHOUSE_CODE, refusesWarehouseField, type EasyPostErrorKind } from './errors';
export {
  createOrderIdempotently,
  findOrderByMarker,
  hasMarker,
  lookUpMarker,
  MAX_MARKER_LENGTH,
  orderMarker,
  type FindByMarkerOptions,
  type IdempotentCreateOptions,
  type LookupStrategy,
  type MarkerLookup,
} from './idempotent-create';
export { probeListing, sortOf, type ListingProbe, type ListingQuery, type ListingSort } from './listing-probe';
export { LOOKUP_PAGE_BUDGET, ordersCreatedSince, PageReader, type WindowStrategy } from './order-window';
export type { AddressInput, CreateOrderRequest, InventoryInclude, ProductInput } from './requests';
export {
  ORDER_STATUS,
  orderEventSchema,
  orderSchema,
  trackerEventSchema,
  webhookEnvelopeSchema,
  type Address,
  type Fee,
  type InventoryRow,
  type LineItem,
  type Order,
  type OrderEvent,
  type Pick,
  type Product,
  type Tracker,
  type TrackerEvent,
  type Warehouse,
} from './schemas';
export { SHIPMENT_LOOKBACK_MS, shipmentsOf, type Shipment } from './shipments';
