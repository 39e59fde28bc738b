import { z } from 'zod';
import { chooseWarehouse, moveStock, type ResolvedLine } from './allocation';
import { notFound, SimApiError } from './errors';
import type { OrderContext } from './events';
import { nowSeconds } from './ids';
import { addressSchema, createOrderSchema, patchOrderSchema, type CreateOrderInput } from './schemas';
import type { Ledger, Order } from './state';
import { parseInput, type ErrorClassifier } from './validation';

// Order operations behind POST/GET/PATCH/DELETE orders (docs §4), independent of HTTP.

const FULFILLMENT_FEE = '3.50000';

const destinationIs422: ErrorClassifier = (field) =>
  field.startsWith('destination') ? { status: 422, code: 'ORDER.DESTINATION.INVALID' } : undefined;

const destinationOnly = z.object({ destination: addressSchema });

export function findOrder(ledger: Ledger, id: string): Order {
  const order = ledger.orders.get(id);
  if (!order) throw notFound('Order', id);
  return order;
}

function checkService(service: string, services: readonly string[]): string {
  const wanted = service.toLowerCase();
  if (!services.includes(wanted)) {
    throw new SimApiError(
      422,
      'ORDER.SERVICE.INVALID',
      `service: ${service} is not offered (offered: ${services.join(', ')})`,
      'service',
    );
  }
  return wanted;
}

function resolveLines(ledger: Ledger, items: CreateOrderInput['line_items']): ResolvedLine[] {
  const missing: { code: string; message: string; field: string }[] = [];
  const lines = items.flatMap(({ product: ref, units }, index) => {
    const product = ref.id !== undefined ? ledger.products.get(ref.id) : ledger.productByBarcode(ref.barcode ?? '');
    if (product) return [{ index, product, units }];
    const [key, value] = ref.id !== undefined ? ['id', ref.id] : ['barcode', ref.barcode];
    const field = `line_items[${index}].product.${key}`;
    missing.push({ code: 'ORDER.LINE_ITEMS.PRODUCT_NOT_FOUND', message: `${field}: no product ${value}`, field });
    return [];
  });
  const first = missing[0];
  if (first) {
    const message = missing.map((problem) => problem.message).join('; ');
    throw new SimApiError(422, first.code, message, first.field, missing);
  }
  return lines;
}

/** The create's `warehouse_id` as the account treats it (`order_warehouse_id`): taken, dropped, or refused. */
function pinnedWarehouse(warehouseId: string | null | undefined, context: OrderContext): string | null | undefined {
  if (!warehouseId || context.warehouseId === 'honoured') return warehouseId;
  if (context.warehouseId === 'ignored') return undefined;
  throw new SimApiError(400, 'PARAMETER.UNKNOWN', 'warehouse_id: is not a permitted parameter', 'warehouse_id');
}

/** POST orders: validates, allocates stock in one warehouse or rejects the whole order. */
export function createOrder(ledger: Ledger, body: unknown, context: OrderContext): Order {
  const input = parseInput(createOrderSchema, body, destinationIs422);
  const service = checkService(input.service, context.services);
  const lines = resolveLines(ledger, input.line_items);
  const warehouse = chooseWarehouse(ledger, lines, pinnedWarehouse(input.warehouse_id, context));
  moveStock(ledger, warehouse.id, lines, -1);
  const order: Order = {
    ...ledger.stamp('order'),
    object: 'Order',
    status: 'created',
    service,
    description: input.description ?? null,
    name: null,
    latest_delivery: input.latest_delivery ?? null,
    inserts: input.inserts ?? [],
    warehouse_id: warehouse.id,
    destination: { ...ledger.stamp('adr'), ...input.destination },
    shipment_options: {
      delivery_confirmation: input.shipment_options?.delivery_confirmation ?? null,
      insurance: input.shipment_options?.insurance ?? false,
    },
    line_items: lines.map(({ product, units }) => ({
      ...ledger.stamp('li'),
      product: { id: product.id, title: product.title, barcode: product.barcode },
      units,
    })),
    picks: [],
    trackers: [],
    fees: [
      {
        ...ledger.stamp('fee'),
        disabled_at: null,
        type: 'fulfillment',
        amount: FULFILLMENT_FEE,
        charged: true,
        refunded: false,
      },
    ],
    returns: [],
  };
  ledger.orders.set(order.id, order);
  ledger.committedAt.set(order.id, Date.now());
  context.publish('fulfillment.order.created', order, {});
  return order;
}

/** True when `query` names the order: its id, a tracking code, or text in its description (case-insensitive). */
function matches(order: Order, query: string): boolean {
  return (
    order.id === query ||
    order.trackers.some((tracker) => tracker.tracking_code === query) ||
    (order.description ?? '').toLowerCase().includes(query.toLowerCase())
  );
}

/** How this simulator lists (the `/__sim/settings` listing knobs), and the instant of the listing. */
export interface ListingMode {
  order: 'newest_first' | 'oldest_first';
  query: 'honoured' | 'ignored';
  visibilityDelayMs: number;
  now: number;
}

export type ListingEffect = 'oldest_first' | 'query_ignored' | 'delayed_visibility';

/**
 * GET orders: newest first, filtered by `query`, every committed order visible, unless `mode` says otherwise; paging is
 * the caller's. `effects` names each mode that changed this answer, for the fault counts.
 */
export function listOrders(
  ledger: Ledger,
  query: string | undefined,
  mode: ListingMode,
): { orders: Order[]; effects: ListingEffect[] } {
  const effects: ListingEffect[] = [];
  let orders = [...ledger.orders.values()];
  const visible = orders.filter(
    (order) => (ledger.committedAt.get(order.id) ?? 0) + mode.visibilityDelayMs <= mode.now,
  );
  if (visible.length < orders.length) effects.push('delayed_visibility');
  orders = visible;
  if (mode.order === 'newest_first') orders.reverse();
  else effects.push('oldest_first');
  if (query && mode.query === 'ignored') effects.push('query_ignored');
  else if (query) orders = orders.filter((order) => matches(order, query));
  return { orders, effects };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}

/** PATCH orders/{id}: merges nested objects; allowed only while `created`. */
export function patchOrder(ledger: Ledger, id: string, body: unknown, context: OrderContext): Order {
  const order = findOrder(ledger, id);
  const input = parseInput(patchOrderSchema, body, destinationIs422);
  if (order.status !== 'created') {
    throw new SimApiError(
      422,
      'ORDER.STATUS.NOT_EDITABLE',
      `Order ${id} is ${order.status} and can no longer be edited`,
    );
  }
  const previous: Record<string, unknown> = {};
  const change = <K extends keyof Order>(key: K, value: Order[K]) => {
    previous[key] = structuredClone(order[key]);
    order[key] = value;
  };
  if (input.service !== undefined) change('service', checkService(input.service, context.services));
  if (input.description !== undefined) change('description', input.description);
  if (input.latest_delivery !== undefined) change('latest_delivery', input.latest_delivery);
  if (input.destination) {
    const merged = { ...order.destination, ...withoutUndefined(input.destination) };
    const { destination } = parseInput(destinationOnly, { destination: merged }, destinationIs422);
    change('destination', { ...order.destination, ...destination, updated_at: nowSeconds() });
  }
  if (input.shipment_options) {
    change('shipment_options', {
      delivery_confirmation:
        input.shipment_options.delivery_confirmation === undefined
          ? order.shipment_options.delivery_confirmation
          : input.shipment_options.delivery_confirmation,
      insurance: input.shipment_options.insurance ?? order.shipment_options.insurance,
    });
  }
  order.updated_at = nowSeconds();
  context.publish('fulfillment.order.updated', order, previous);
  return order;
}

/** DELETE orders/{id}: cancels while `created`, releasing stock and refunding fees; repeating it is a no-op. */
export function cancelOrder(ledger: Ledger, id: string, context: OrderContext): Order {
  const order = findOrder(ledger, id);
  if (order.status === 'cancelled') return order;
  if (order.status !== 'created') {
    throw new SimApiError(
      422,
      'ORDER.STATUS.NOT_CANCELLABLE',
      `Order ${id} is ${order.status} and cannot be cancelled`,
    );
  }
  moveStock(ledger, order.warehouse_id, order.line_items, 1);
  const now = nowSeconds();
  order.status = 'cancelled';
  order.updated_at = now;
  for (const fee of order.fees) Object.assign(fee, { refunded: true, updated_at: now });
  context.publish('fulfillment.order.updated', order, { status: 'created' });
  context.publish('fulfillment.order.refunded', order, {});
  return order;
}
