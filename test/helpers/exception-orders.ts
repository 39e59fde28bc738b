import type { Pool } from 'pg';
import { SecretBox } from '../../src/crypto/secret-box';
import { createCartStore } from '../../src/db/carts';
import { createMerchantStore } from '../../src/db/merchants';
import { createOrderIndex } from '../../src/db/orders';
import type { OrderStatus } from '../../src/domain/order-status';
import type { OrderTransition } from '../../workflows/definitions';
import { TEST_SECRET_KEY } from './database';
import { orderWorkflowId } from '../../workflows/definitions';

export interface ExceptionFixture {
  merchantId: string;
  cartId: string;
  /** Writes an index row for order `number` (also its cart order ID) as the workflow would. */
  record(number: string, status: OrderStatus, extra?: Partial<OrderTransition>): Promise<void>;
  /** Moves the order's hold start (or last update) `hours` into the past. */
  age(number: string, column: 'held_since' | 'updated_at', hours: number): Promise<void>;
}

const unknownSku = 'lines[0].sku: unknown SKU "TEE-X": add an alias to an EasyPost barcode';

/**
 * A merchant (with a test key), a manual cart and index rows in the states `epf exceptions` tells apart: an unknown
 * SKU (`E1`), a long hold (`H1`), a cancel EasyPost refused (`C1`) and a failed tracking push (`S1`) need a person;
 * a short hold (`H2`), an order at the warehouse (`W1`) and a confirmed one (`OK`) do not.
 */
export async function seedExceptionOrders(pool: Pool, name: string): Promise<ExceptionFixture> {
  const merchantId = `${name}-${Date.now().toString(36)}`;
  const cartId = `${merchantId}-manual`;
  await createMerchantStore(pool, new SecretBox(TEST_SECRET_KEY)).upsert({
    id: merchantId,
    name: `${name} merchant`,
    testKey: 'EZTK-test',
  });
  await createCartStore(pool).upsert({ id: cartId, merchantId, type: 'manual', name: 'Phone orders' });
  const index = createOrderIndex(pool);
  const fixture: ExceptionFixture = {
    merchantId,
    cartId,
    record: (number, status, extra = {}) =>
      index.recordTransitions([
        {
          cartId,
          cartOrderId: number,
          cartOrderNumber: number,
          merchantId,
          workflowId: orderWorkflowId(cartId, number),
          status,
          holdCount: status === 'on_hold' ? 1 : 0,
          summary: `${number} · ${status}`,
          actor: 'workflow',
          ...extra,
        },
      ]),
    age: async (number, column, hours) => {
      await pool.query(
        `UPDATE orders SET ${column} = now() - $3::float8 * interval '1 hour' WHERE cart_id = $1 AND cart_order_id = $2`,
        [cartId, number, hours],
      );
    },
  };
  const error = { message: unknownSku, field: 'lines[0].sku', type: 'InvalidOrder' };
  await fixture.record('E1', 'error', {
    lastError: unknownSku,
    detail: { error },
    lines: [{ sku: 'TEE-X', quantity: 1 }],
  });
  for (const number of ['H1', 'H2']) {
    await fixture.record(number, 'on_hold', {
      lastError: 'insufficient inventory',
      detail: { error: { message: 'insufficient inventory', type: 'InsufficientInventory' } },
    });
  }
  await fixture.age('H1', 'held_since', 5 * 24);
  await fixture.record('C1', 'cancel_failed', { detail: { reason: 'buyer asked', refusal: 'already picked' } });
  const pushFailed = { message: 'Shopify answered 401', type: 'TrackingPushFailed' };
  await fixture.record('S1', 'shipped', { lastError: pushFailed.message, detail: { error: pushFailed } });
  await fixture.record('W1', 'at_wms');
  await fixture.record('OK', 'confirmed');
  return fixture;
}
