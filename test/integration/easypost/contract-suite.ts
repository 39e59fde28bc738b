import {
  createEasyPostClient,
  createOrderIdempotently,
  findOrderByMarker,
  orderMarker,
  refusesWarehouseField,
  type CreateOrderRequest,
  type EasyPostClient,
} from '../../../src/easypost';
import { failureOf } from './failure-of';
import { orderWorkflowId } from '../../../workflows/definitions';

/** What differs between the simulator and the real test environment. */
export interface ContractSetup {
  /** The client's base URL, for a second client with a wrong key. */
  baseUrl: string;
  /** A barcode with a few units of stock (used only when writes are allowed). */
  stockedBarcode?: string;
  /** Ships an order with one tracker (only the simulator can). */
  shipOrder?: (orderId: string) => Promise<void>;
  /** What the target is known to do with `warehouse_id` on a create; unset, the probe only reports what it does. */
  warehouseIdAnswer?: WarehouseIdAnswer;
}

/** What an account does with the assumed `warehouse_id` field of an order create (docs/easypost-api.md §4). */
export type WarehouseIdAnswer = 'honoured' | 'ignored' | 'refused';

/** Known before the target starts, so tests that cannot run show as skipped rather than passing empty. */
export interface ContractCapabilities {
  /** Create and cancel orders. */
  writes: boolean;
  /** Ship orders (needs `setup.shipOrder`). */
  shipping: boolean;
}

export interface ContractTarget {
  client: EasyPostClient;
  setup: ContractSetup;
  close?: () => Promise<void>;
}

const destination = {
  name: 'Contract Test',
  street1: '417 Montgomery St',
  street2: 'Fl 5',
  city: 'San Francisco',
  state: 'CA',
  zip: '94104',
  country: 'US',
  residential: true,
};

/**
 * The client's contract with the vendor API (docs/easypost-api.md), run against any target. Read-only tests always
 * run; the others only with the matching capability.
 */
export function describeEasyPostContract(
  name: string,
  capabilities: ContractCapabilities,
  start: () => Promise<ContractTarget>,
): void {
  const itWrites = capabilities.writes ? it : it.skip;
  const itShips = capabilities.writes && capabilities.shipping ? it : it.skip;
  describe(`EasyPost contract: ${name}`, () => {
    let target: ContractTarget;
    const client = () => target.client;
    const runId = `${Date.now().toString(36)}`;
    let sequence = 0;
    const nextMarker = () => orderMarker(orderWorkflowId(`contract-${runId}`, String((sequence += 1))));
    const order = (barcode: string, units = 1): CreateOrderRequest => ({
      service: 'standard',
      description: 'epf contract test',
      destination,
      line_items: [{ product: { barcode }, units }],
    });

    beforeAll(async () => {
      target = await start();
    });
    afterAll(async () => {
      await target?.close?.();
    });

    describe('reads', () => {
      it('lists warehouses', async () => {
        const warehouses = await client().listWarehouses();
        expect(warehouses.length).toBeGreaterThan(0);
        for (const warehouse of warehouses) expect(warehouse.id).toMatch(/^wh_/);
      });

      it('pages products to the end', async () => {
        const firstPage = await client().listProducts({ page: 0, perPage: 2 });
        const all = [];
        for await (const product of client().iterateProducts({ perPage: 2 })) all.push(product);
        expect(all.slice(0, firstPage.length)).toEqual(firstPage);
        expect(new Set(all.map((product) => product.id)).size).toBe(all.length);
      });

      it('returns one inventory row per product and warehouse, with ids normalised', async () => {
        const products = await client().listProducts({ page: 0, perPage: 30 });
        const ids = products.map((product) => product.id);
        const rows = await client().getInventories(ids, { includes: ['product', 'warehouse'] });
        for (const row of rows) {
          expect(ids).toContain(row.product_id);
          expect(row.warehouse_id).toMatch(/^wh_/);
          expect(Number.isInteger(row.quantity)).toBe(true);
        }
        expect(new Set(rows.map((row) => row.product_id))).toEqual(new Set(ids));
      });

      it('classifies an unknown order id as not_found', async () => {
        const error = await failureOf(client().getOrder('order_00000000000000000000000000000000'));
        expect(error).toMatchObject({ kind: 'not_found', status: 404, retryable: false });
      });

      it('classifies a wrong key as auth', async () => {
        const stranger = createEasyPostClient({ apiKey: 'EZTKnotakey0000000000000', baseUrl: target.setup.baseUrl });
        const error = await failureOf(stranger.listWarehouses());
        expect(error).toMatchObject({ kind: 'auth', retryable: false });
        expect([401, 403]).toContain(error.status);
      });
    });

    describe('writes', () => {
      const barcode = () => {
        if (target.setup.stockedBarcode === undefined) throw new Error('writes need setup.stockedBarcode');
        return target.setup.stockedBarcode;
      };

      itWrites('creates once, adopts on retry, and cancels idempotently', async () => {
        const marker = nextMarker();
        const first = await createOrderIdempotently(client(), order(barcode()), { marker, checkExistingFirst: false });
        expect(first).toMatchObject({ adopted: false, order: { status: 'created' } });
        expect(first.order.description).toContain(marker);

        const retry = await createOrderIdempotently(client(), order(barcode()), { marker, checkExistingFirst: true });
        expect(retry).toMatchObject({ adopted: true, order: { id: first.order.id } });

        expect((await client().cancelOrder(first.order.id)).status).toBe('cancelled');
        expect((await client().cancelOrder(first.order.id)).status).toBe('cancelled');
        expect(await findOrderByMarker(client(), marker)).toBeUndefined();
      });

      itWrites('rejects more units than are in stock as insufficient_inventory, creating nothing', async () => {
        const marker = nextMarker();
        const error = await failureOf(
          createOrderIdempotently(client(), order(barcode(), 1_000_000), { marker, checkExistingFirst: false }),
        );
        expect(error).toMatchObject({ kind: 'insufficient_inventory', status: 422, retryable: false });
        expect(await findOrderByMarker(client(), marker)).toBeUndefined();
      });

      itWrites('rejects an unknown barcode and a missing zip as invalid_data, naming the field', async () => {
        const unknown = await failureOf(client().createOrder(order('no-such-barcode-epf')));
        expect(unknown).toMatchObject({ kind: 'invalid_data', retryable: false });
        expect(unknown.field).toMatch(/line_items/);

        const { zip: _zip, ...noZip } = destination;
        const badAddress = await failureOf(client().createOrder({ ...order(barcode()), destination: noZip as never }));
        expect(badAddress).toMatchObject({ kind: 'invalid_data', field: expect.stringContaining('zip') });
        expect(badAddress.message).toContain('zip');
      });

      itWrites('takes warehouse_id on a create, ignores it, or refuses it naming the field', async () => {
        const products = await client().listProducts({ page: 0, perPage: 100 });
        const product = products.find((candidate) => candidate.barcode === barcode());
        const rows = await client().getInventories(product ? [product.id] : []);
        // The last warehouse holding stock: EasyPost left to itself is likelier to take the first.
        const warehouseId = rows.filter((row) => row.quantity > 0).at(-1)?.warehouse_id;
        if (warehouseId === undefined) throw new Error(`no warehouse holds ${barcode()}`);
        const request = { ...order(barcode()), warehouse_id: warehouseId };
        const created = await createOrderIdempotently(client(), request, {
          marker: nextMarker(),
          checkExistingFirst: false,
        }).catch((err: unknown) => {
          if (!refusesWarehouseField(err)) throw err;
          return undefined;
        });
        if (created) await client().cancelOrder(created.order.id);
        const answer: WarehouseIdAnswer = !created
          ? 'refused'
          : created.order.warehouse_id === warehouseId
            ? 'honoured'
            : 'ignored';
        console.log(`EasyPost contract (${name}): warehouse_id on an order create is ${answer}`);
        if (target.setup.warehouseIdAnswer) expect(answer).toBe(target.setup.warehouseIdAnswer);
      });

      itShips('derives shipments from picks, finds them by time, and refuses to cancel once shipped', async () => {
        const shipOrder = target.setup.shipOrder;
        if (!shipOrder) throw new Error('shipping needs setup.shipOrder');
        const since = new Date(Date.now() - 60_000);
        const { order: created } = await createOrderIdempotently(client(), order(barcode(), 2), {
          marker: nextMarker(),
          checkExistingFirst: false,
        });
        await shipOrder(created.id);

        const shipments = await client().listShipments(created.id);
        expect(shipments).toHaveLength(1);
        expect(shipments[0]).toMatchObject({ orderId: created.id, orderStatus: 'shipped' });
        expect(shipments[0]?.tracker?.tracking_code).toBeTruthy();
        expect(shipments[0]?.lineItems.reduce((sum, line) => sum + line.units, 0)).toBe(2);

        const recent = await client().shipmentsSince(since);
        expect(recent.map((shipment) => shipment.orderId)).toContain(created.id);

        const refused = await failureOf(client().cancelOrder(created.id));
        expect(refused).toMatchObject({ kind: 'cancel_refused', status: 422, retryable: false });
      });
    });

    // Last, so that on the simulator the write tests have left orders to sort.
    it('lists orders newest first', async () => {
      const orders = await client().listOrders({ page: 0, perPage: 20 });
      const created = orders.map((listed) => listed.created_at);
      expect(created).toEqual([...created].sort().reverse());
    });
  });
}
