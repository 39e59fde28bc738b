import { ApplicationFailure, Context, log } from '@temporalio/activity';
import type { CartAdapter } from '../src/carts/adapter';
import type { CartStore } from '../src/db/carts';
import type { InventoryStore } from '../src/db/inventory';
import type { MerchantStore } from '../src/db/merchants';
import type { OrderIndex } from '../src/db/orders';
import type { MappingStore } from '../src/db/product-mapping';
import type { EasyPostProductStore } from '../src/db/easypost-products';
import { describeProblems, type CartOrder, type FieldProblem } from '../src/domain/order';
import { mapShipMethod } from '../src/domain/ship-method';
import { cartLinesForShipment, completesOrder } from '../src/domain/shipment-lines';
import { translateLines, type ProductMapping, type WmsLine } from '../src/domain/translation';
import { chooseWarehouse, warehouseStock } from '../src/domain/warehouse';
import {
  createOrderIdempotently,
  EasyPostError,
  findOrderByMarker,
  orderMarker,
  refusesWarehouseField,
  shipmentsOf,
  type CreateOrderRequest,
  type EasyPostClient,
  type Order,
} from '../src/easypost';
import type { EarlierCreate, EasyPostCreates } from '../src/db/easypost-creates';
import type { EasyPostPacing } from '../src/db/easypost-pacing';
import { toShipmentUpdate } from '../src/orders/shipment-update';
import { SEND_SHARE } from '../src/domain/merchant-settings';
import { OrderFailure, type OrderTimings, type OrderTransition, type ShipmentUpdate } from '../workflows/definitions';
import { callCart } from './cart-failure';
import { toActivityFailure } from './easypost-failure';

export interface OrderActivityDeps {
  merchants: MerchantStore;
  carts: CartStore;
  mappings: MappingStore;
  /** The merchant's EasyPost products, synced by the inventory pickup: a line naming none fails before the send. */
  products: EasyPostProductStore;
  orders: OrderIndex;
  /** Stock snapshots: prepareOrder routes by the latest. */
  inventory: InventoryStore;
  /** Admits sends under each merchant's EasyPost rate, across every worker. */
  pacing: EasyPostPacing;
  /** Notes every create sent, so a later attempt knows whether to look for it, and when it can. */
  creates: EasyPostCreates;
  /** How long a create may take to commit and show in listings (EASYPOST_CREATE_SETTLE_SECONDS). */
  createSettleMs: number;
  /** A client on the merchant's EasyPost key for its current mode, loaded by merchant ID. */
  easyPostClient(merchantId: string): Promise<EasyPostClient>;
  adapterFor(cartId: string): Promise<CartAdapter>;
}

/** An order ready for EasyPost: translated lines, service, destination and the warehouse choice. */
export interface PreparedOrder {
  request: CreateOrderRequest;
  lines: WmsLine[];
  warehouseId?: string;
  warehouseReason: string;
  /** When held orders are resent: the merchant's local time and zone. */
  resend: { hour: number; minute: number; zone: string };
  timings: OrderTimings;
  /** How long the send waits for its admission slot under the merchant's EasyPost rate (0: go now). */
  sendAfterMs: number;
}

/**
 * Below this, a send's slot is near enough to go at once: the `requests` lane holds the call for the difference,
 * well within its 3 s (MAX_REQUEST_WAIT_MS). Waiting on a timer instead would cost a workflow task per order
 * whenever a few orders arrive together.
 */
export const MIN_QUEUED_SEND_MS = 1_000;

export interface PrepareOptions {
  /** The workflow sends as soon as this returns: admit it now, whatever the merchant's delivery setting. */
  sendingNow?: boolean;
  /** Requests the send makes: 1 (the create), 2 when a resend first looks for an order an earlier attempt made. */
  sendRequests?: number;
}

/** The order EasyPost has: created now, or adopted from an earlier attempt with the packages it already shipped. */
export interface SentOrder {
  easyPostOrderId: string;
  /** The warehouse EasyPost put the order in, when its answer names one: it wins over the one the rules chose. */
  warehouseId?: string;
  adopted: boolean;
  shipments?: ShipmentUpdate[];
}

/** How long a create may take to commit and show in EasyPost's listings, unless EASYPOST_CREATE_SETTLE_SECONDS says. */
export const DEFAULT_CREATE_SETTLE_MS = 60_000;

/** Order activities: each one does one piece of I/O for the order workflow. */
export function createOrderActivities(deps: OrderActivityDeps) {
  const { easyPostClient } = deps;

  /**
   * The creates sent for the order before this attempt, once the last has settled; until then this retries later,
   * as a lookup could miss it and create it twice.
   */
  async function settledCreate(workflowId: string): Promise<EarlierCreate | undefined> {
    const earlier = await deps.creates.earlier(workflowId, deps.createSettleMs);
    if (earlier && earlier.settlesInMs > 0) throw settling(earlier.settlesInMs);
    return earlier;
  }

  return {
    /**
     * Translates the cart order into an EasyPost order, with the settings that time it (the merchant's delivery, the
     * cart's tracking upload); bad data fails with the problems named per field. An order about to be sent (sending
     * now, or delivered immediately) takes a slot in the merchant's `sends` lane: 10,000 held orders woken at 01:00
     * leave in turn, on durable timers, instead of all at once.
     */
    async prepareOrder(order: CartOrder, options: PrepareOptions = {}): Promise<PreparedOrder> {
      const [merchant, cart] = await Promise.all([deps.merchants.get(order.merchantId), deps.carts.get(order.cartId)]);
      if (!merchant) throw invalidOrder([{ field: 'merchantId', message: `unknown merchant "${order.merchantId}"` }]);
      if (!cart) throw invalidOrder([{ field: 'cartId', message: `unknown cart "${order.cartId}"` }]);
      const skus = order.lines.map((line) => line.sku);
      const [mapping, rules, snapshot] = await Promise.all([
        deps.mappings.productMapping(order.merchantId, skus),
        deps.mappings.shipMethodRules(order.merchantId),
        deps.inventory.latestSnapshot(order.merchantId),
      ]);
      const barcodes = await deps.products.known(order.merchantId, barcodesNamed(order.lines, mapping));
      const lines = translateLines(order.lines, { ...mapping, barcodes });
      const service = mapShipMethod(order.shipMethod, { rules, defaultService: cart.settings.defaultService });
      const problems = [...(lines.ok ? [] : lines.problems), ...(service.ok ? [] : [service.problem])];
      if (!lines.ok || !service.ok) throw invalidOrder(problems);

      const warehouse = chooseWarehouse(lines.lines, {
        defaultWarehouseId: cart.settings.defaultWarehouseId,
        warehouseIds: cart.settings.warehouseIds,
        stock: snapshot && warehouseStock(snapshot.levels),
      });
      const request: CreateOrderRequest = {
        service: service.service,
        destination: order.shipTo,
        line_items: lines.lines.map(({ barcode, units }) => ({ product: { barcode }, units })),
        description: order.cartOrderNumber,
        ...(merchant.settings.warehouseRouting === 'rules' && warehouse.warehouseId
          ? { warehouse_id: warehouse.warehouseId }
          : {}),
      };
      const { settings } = merchant;
      const admit = options.sendingNow || settings.orderDelivery.mode === 'immediately';
      const slot = admit
        ? await deps.pacing.reserve(order.merchantId, 'sends', {
            cost: options.sendRequests ?? 1,
            perSecond: settings.easyPostRequestsPerSecond * SEND_SHARE,
          })
        : undefined;
      return {
        request,
        lines: lines.lines,
        warehouseId: warehouse.warehouseId,
        warehouseReason: warehouse.reason,
        resend: { hour: settings.resendHour, minute: settings.resendMinute, zone: settings.resendZone },
        // A short wait is absorbed by the request lane inside the send activity; only a backlog costs a timer.
        sendAfterMs: (slot?.waitMs ?? 0) >= MIN_QUEUED_SEND_MS ? Math.ceil(slot!.waitMs) : 0,
        timings: {
          delivery: settings.orderDelivery,
          trackingUploadSeconds: cart.settings.trackingUploadSeconds,
        },
      };
    },

    /**
     * Creates the order at EasyPost at most once. EasyPost takes no idempotency key, so the description carries a
     * marker derived from the workflow ID, and every create is noted in PostgreSQL just before it leaves. When an
     * earlier create was sent (a timed-out attempt, a crashed worker, an earlier send), this attempt first waits until
     * that create has settled (EASYPOST_CREATE_SETTLE_SECONDS: a slow commit, a listing that lags), then looks the
     * marker up and adopts what it finds, with the shipments it may already have.
     */
    async sendOrder(input: {
      workflowId: string;
      merchantId: string;
      request: CreateOrderRequest;
      /** Set by workflows started before creates were noted: look up first even without a note. */
      isResend: boolean;
      createdAfter: string;
    }): Promise<SentOrder> {
      const earlier = await settledCreate(input.workflowId);
      const client = await easyPostClient(input.merchantId);
      let posted = false;
      const create = (request: CreateOrderRequest, checkExistingFirst: boolean) =>
        createOrderIdempotently(client, request, {
          marker: orderMarker(input.workflowId),
          checkExistingFirst,
          createdAfter: new Date(input.createdAfter),
          beforeCreate: async () => {
            await deps.creates.record(input.workflowId);
            posted = true;
          },
        });
      try {
        const checkFirst = earlier !== undefined || input.isResend || Context.current().info.attempt > 1;
        const { order, adopted } = await create(input.request, checkFirst).catch(async (err: unknown) => {
          if (input.request.warehouse_id === undefined || !refusesWarehouseField(err)) throw err;
          // The refusal created nothing: this order goes without the field, and the merchant's next ones too.
          await deps.creates.answered(input.workflowId);
          await routeByEasyPost(deps.merchants, input.merchantId, err);
          const { warehouse_id: _refused, ...request } = input.request;
          return create(request, false);
        });
        const sent = { easyPostOrderId: order.id, warehouseId: order.warehouse_id ?? undefined, adopted };
        if (!adopted) return sent;
        log.info('Adopted the order an earlier attempt created', { easyPostOrderId: order.id });
        return { ...sent, shipments: shipmentUpdatesOf(order) };
      } catch (err) {
        // A refusal (no stock, bad data) created nothing: the next send need not wait for it to settle.
        if (posted && err instanceof EasyPostError && !err.ambiguous) await deps.creates.answered(input.workflowId);
        throw toActivityFailure(err);
      }
    },

    /**
     * Cancels at EasyPost every order carrying this order's marker, for an order whose send may have committed though
     * the workflow never learnt its ID (a lost answer, then a hold or an error). Waits out a create still settling
     * first. Returns the EasyPost IDs it cancelled (none when nothing was created). Refused once picked.
     */
    async cancelSentOrder(input: { workflowId: string; merchantId: string; createdAfter: string }): Promise<string[]> {
      await settledCreate(input.workflowId);
      const client = await easyPostClient(input.merchantId);
      const marker = orderMarker(input.workflowId);
      const cancelled: string[] = [];
      try {
        // Cancelled orders drop out of the lookup: ask again until none is left (a duplicate, if one slipped through).
        const createdAfter = new Date(input.createdAfter);
        let found = await findOrderByMarker(client, marker, { createdAfter });
        while (found) {
          if (cancelled.includes(found.id)) throw new Error(`EasyPost still lists ${found.id} after its cancel`);
          await cancelOrRefuse(client, found.id);
          cancelled.push(found.id);
          found = await findOrderByMarker(client, marker, { createdAfter });
        }
        return cancelled;
      } catch (err) {
        throw toActivityFailure(err);
      }
    },

    /** Cancels at EasyPost; refused once picked (CancelRefused). An order EasyPost already cancelled is fine. */
    async cancelEasyPostOrder(input: { merchantId: string; easyPostOrderId: string }): Promise<void> {
      const client = await easyPostClient(input.merchantId);
      try {
        await client.cancelOrder(input.easyPostOrderId);
      } catch (err) {
        throw toActivityFailure(err);
      }
    },

    /** Writes transitions to the orders index and the audit log, in order, in one transaction. */
    async recordOrderTransitions(transitions: OrderTransition[]): Promise<void> {
      await deps.orders.recordTransitions(transitions);
      // Counted once recorded: sends, holds, errors and shipments per merchant, on the worker's Prometheus endpoint.
      const counter = Context.current().metricMeter.createCounter(
        'epf_order_transitions',
        'transitions',
        'Order state changes, by new status',
      );
      for (const { status, merchantId } of transitions) counter.add(1, { status, merchant: merchantId });
    },

    /** Tells the cart whether its buyer's cancellation went through at the warehouse. */
    async answerCartCancellation(input: { cartId: string; cartOrderId: string; accepted: boolean; reason: string }) {
      const adapter = await deps.adapterFor(input.cartId);
      await callCart(() =>
        adapter.answerCancellation(input.cartOrderId, { accepted: input.accepted, reason: input.reason }),
      );
    },

    /** Tells the order's cart about a shipment, naming the cart lines it carried (idempotent per shipment). */
    async pushTracking(input: {
      order: CartOrder;
      shipment: ShipmentUpdate;
      earlier: ShipmentUpdate[];
    }): Promise<void> {
      const { order, shipment } = input;
      const mapping = await deps.mappings.productMapping(
        order.merchantId,
        order.lines.map((line) => line.sku),
      );
      const orderComplete = completesOrder(shipment, input.earlier.length);
      const lines = cartLinesForShipment(
        order.lines,
        mapping,
        input.earlier.map((earlier) => earlier.lines),
        shipment.lines,
        orderComplete,
      );
      const adapter = await deps.adapterFor(order.cartId);
      await callCart(() =>
        adapter.pushTracking({
          cartOrderId: order.cartOrderId,
          shipmentId: shipment.shipmentId,
          carrier: shipment.carrier,
          trackingCode: shipment.trackingCode,
          trackingUrl: shipment.trackingUrl,
          lines,
          orderComplete,
        }),
      );
    },
  };
}

/** A retry for when an earlier create has settled: a lookup before then could miss it, and create it twice. */
function settling(waitMs: number): ApplicationFailure {
  return ApplicationFailure.create({
    message: `an earlier create may still commit at EasyPost: looking for it in ${Math.ceil(waitMs / 1000)} s`,
    type: OrderFailure.EasyPostCreateSettling,
    nextRetryDelay: waitMs,
  });
}

/**
 * Turns the merchant's warehouse routing to `easypost` (audited, actor `easypost`) once EasyPost refused the
 * `warehouse_id` field: its later orders go without it instead of being refused first. An operator who gets the
 * field enabled sets `rules` again.
 */
async function routeByEasyPost(merchants: MerchantStore, merchantId: string, refusal: unknown): Promise<void> {
  const changed = await merchants.update(merchantId, { settings: { warehouseRouting: 'easypost' } }, 'easypost');
  if (changed && Object.keys(changed.changes.after).length > 0) {
    log.warn('EasyPost refused warehouse_id: the merchant now lets EasyPost choose the warehouse', {
      merchantId,
      error: refusal instanceof Error ? refusal.message : String(refusal),
    });
  }
}

/** Cancels one EasyPost order; a refusal names the order, so the workflow records where its order is. */
async function cancelOrRefuse(client: EasyPostClient, easyPostOrderId: string): Promise<void> {
  try {
    await client.cancelOrder(easyPostOrderId);
  } catch (err) {
    if (!(err instanceof EasyPostError) || err.kind !== 'cancel_refused') throw err;
    throw ApplicationFailure.nonRetryable(err.message, OrderFailure.CancelRefused, { easyPostOrderId });
  }
}

/** The packages of an adopted order that have tracking, as the shipment pickup would signal them. */
function shipmentUpdatesOf(order: Order): ShipmentUpdate[] {
  const packages = shipmentsOf(order);
  return packages.flatMap((shipment) => toShipmentUpdate(shipment, packages.length) ?? []);
}

/** Every barcode the order's lines may become: the SKUs themselves, their aliases and their bundles' components. */
function barcodesNamed(lines: CartOrder['lines'], mapping: ProductMapping): string[] {
  const named = lines.flatMap((line) => {
    const sku = line.sku.trim();
    const components = Object.hasOwn(mapping.bundles, sku) ? mapping.bundles[sku]!.map((c) => c.barcode) : [];
    const alias = Object.hasOwn(mapping.aliases, sku) ? [mapping.aliases[sku]!] : [];
    return [sku, ...alias, ...components];
  });
  return [...new Set(named)];
}

function invalidOrder(problems: FieldProblem[]): ApplicationFailure {
  return ApplicationFailure.nonRetryable(describeProblems(problems), OrderFailure.InvalidOrder, ...problems);
}
