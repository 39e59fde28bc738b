import { ordersUpdatedSince, shipmentsOf, updatedInPage } from '../../../src/easypost/shipments';
import type { Order } from '../../../src/easypost';
import { makeOrder } from './fixtures';

const tracker = (id: string) => ({
  id,
  tracking_code: `TC-${id}`,
  carrier: 'USPS',
  status: 'pre_transit',
  tracking_details: [],
});
const unit = (productId: string) => ({ product: { id: productId, barcode: `bc-${productId}` } });

describe('shipmentsOf', () => {
  it("names the order's warehouse on each shipment, when the order names one", () => {
    const order = makeOrder({ status: 'shipped', warehouse_id: 'wh_heb', trackers: [tracker('trk_1')] });
    expect(shipmentsOf(order).map((shipment) => shipment.warehouseId)).toEqual(['wh_heb']);
    expect(shipmentsOf({ ...order, warehouse_id: null })[0]?.warehouseId).toBeUndefined();
  });

  it('makes one shipment per pick, counting units per product, plus trackers no pick names', () => {
    const order = makeOrder({
      status: 'shipped',
      picks: [
        { id: 'pick_1', tracker: tracker('trk_1'), inventories: [unit('prod_a'), unit('prod_a'), unit('prod_b')] },
        { id: 'pick_2', tracker: null, inventories: [unit('prod_b')] },
      ],
      trackers: [tracker('trk_1'), tracker('trk_2')],
    });
    expect(shipmentsOf(order)).toEqual([
      expect.objectContaining({
        pickId: 'pick_1',
        tracker: expect.objectContaining({ id: 'trk_1' }),
        lineItems: [
          { productId: 'prod_a', barcode: 'bc-prod_a', units: 2 },
          { productId: 'prod_b', barcode: 'bc-prod_b', units: 1 },
        ],
      }),
      expect.objectContaining({
        pickId: 'pick_2',
        tracker: undefined,
        lineItems: [expect.objectContaining({ units: 1 })],
      }),
      expect.objectContaining({ tracker: expect.objectContaining({ id: 'trk_2' }), lineItems: [] }),
    ]);
  });
});

describe('ordersUpdatedSince', () => {
  async function collect(orders: Order[], since: string, createdAfter: string) {
    const seen: string[] = [];
    async function* source() {
      for (const order of orders) {
        seen.push(order.id);
        yield order;
      }
    }
    const kept: string[] = [];
    for await (const order of ordersUpdatedSince(source(), new Date(since), new Date(createdAfter)))
      kept.push(order.id);
    return { kept, seen };
  }
  const at = (day: number) => `2024-01-${String(day).padStart(2, '0')}T00:00:00.000Z`;

  it('keeps recently updated old orders and stops at the first old, unchanged one', async () => {
    const { kept, seen } = await collect(
      [
        makeOrder({ id: 'new_unchanged', created_at: at(20), updated_at: at(20) }),
        makeOrder({ id: 'old_shipped_today', created_at: at(12), updated_at: at(21) }),
        makeOrder({ id: 'old_unchanged', created_at: at(11), updated_at: at(11) }),
        makeOrder({ id: 'never_read', created_at: at(10), updated_at: at(21) }),
      ],
      at(21),
      at(15),
    );
    expect(kept).toEqual(['old_shipped_today']);
    expect(seen).toEqual(['new_unchanged', 'old_shipped_today', 'old_unchanged']);
  });
});

describe('updatedInPage', () => {
  const at = (day: number) => `2024-01-${String(day).padStart(2, '0')}T00:00:00.000Z`;
  const bounds = { since: at(21), createdAfter: at(15) };
  const ids = (result: { orders: Order[]; done: boolean }) => ({ ...result, orders: result.orders.map((o) => o.id) });

  it('keeps the orders updated since, and goes on after a full page of new orders', () => {
    const page = [
      makeOrder({ id: 'new_unchanged', created_at: at(20), updated_at: at(20) }),
      makeOrder({ id: 'new_shipped', created_at: at(20), updated_at: at(21) }),
    ];
    expect(ids(updatedInPage(page, bounds, 2))).toEqual({ orders: ['new_shipped'], done: false });
  });

  it('is done at the first old, unchanged order, or after a short page', () => {
    const page = [
      makeOrder({ id: 'old_shipped_today', created_at: at(12), updated_at: at(21) }),
      makeOrder({ id: 'old_unchanged', created_at: at(11), updated_at: at(11) }),
      makeOrder({ id: 'never_read', created_at: at(10), updated_at: at(21) }),
    ];
    expect(ids(updatedInPage(page, bounds, 3))).toEqual({ orders: ['old_shipped_today'], done: true });
    expect(ids(updatedInPage(page.slice(0, 1), bounds, 3))).toEqual({ orders: ['old_shipped_today'], done: true });
    expect(ids(updatedInPage([], bounds, 3))).toEqual({ orders: [], done: true });
  });
});
