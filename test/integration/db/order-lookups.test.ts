import { FIND_SQL } from '../../../src/db/orders';
import { createTestPool } from '../../helpers/database';

// Issue 15, item 7: shipment signals (and the CLI) looked orders up by cart_order_id without the cart, which no index
// led, so every such lookup read the whole orders table.
describe('orders index lookups', () => {
  const pool = createTestPool();
  afterAll(() => pool.end());

  /** `sql`'s plan against an orders table of 20,000 rows with the real table's indexes (a temporary copy). */
  async function planOf(sql: string, params: unknown[]): Promise<string> {
    const client = await pool.connect();
    try {
      // A temporary table hides the shared one for this session only: other tests never see these rows.
      await client.query('CREATE TEMPORARY TABLE orders (LIKE public.orders INCLUDING ALL)');
      await client.query(`INSERT INTO orders (cart_id, cart_order_id, cart_order_number, merchant_id, workflow_id,
          status, easypost_order_id)
        SELECT 'cart-' || (i % 5), i::text, '#' || i, 'acme', 'order:cart-' || (i % 5) || ':' || i, 'at_wms',
          'order_' || i
        FROM generate_series(1, 20000) AS i`);
      await client.query('ANALYZE orders');
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params);
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    } finally {
      await client.query('DROP TABLE IF EXISTS pg_temp.orders');
      client.release();
    }
  }

  it.each([
    ['a ref without its cart (shipment signals, the CLI)', [null, '1001']],
    ['a cart order with its cart (pulls, submits)', ['cart-1', '1001']],
  ])('finds %s through indexes, never a scan of the table', async (_case, params) => {
    const plan = await planOf(FIND_SQL, params);
    expect(plan).not.toMatch(/Seq Scan/);
    expect(plan).toMatch(/Index Scan/);
    // The primary key (cart_id, cart_order_id) searched by cart_order_id alone is a read of the whole index.
    expect(plan).not.toMatch(/Index Scan on orders_pkey .*\n\s*Index Cond: \(cart_order_id = /);
  });
});
