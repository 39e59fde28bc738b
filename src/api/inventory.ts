import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createCartStore } from '../db/carts';
import { createInventoryStore } from '../db/inventory';
import { createMerchantStore } from '../db/merchants';
import { cartStockReport } from '../inventory/cart-stock-report';
import type { ApiDeps } from './app';
import { ApiError, route } from './route';
import { inventoryPickupScheduleId } from '../../workflows/definitions';

const merchantParams = z.strictObject({ merchantId: z.string().min(1) });

/** GET /inventory/:merchantId and GET /inventory/:merchantId/carts/:cartId, as `epf inventory show [--cart]`. */
export function registerInventoryRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const merchants = createMerchantStore(deps.pool);
  const stock = createInventoryStore(deps.pool);
  const carts = createCartStore(deps.pool);
  const tag = 'inventory';
  const noStock = { 404: 'no such merchant or cart, or no stock snapshot yet' };

  const latestSnapshot = async (merchantId: string) => {
    if (!(await merchants.get(merchantId))) throw new ApiError(404, `merchant ${merchantId} does not exist`);
    const snapshot = await stock.latestSnapshot(merchantId);
    if (snapshot) return snapshot;
    throw new ApiError(
      404,
      `merchant ${merchantId} has no stock snapshot yet: trigger the schedule ${inventoryPickupScheduleId(merchantId)}`,
    );
  };

  route(
    app,
    'GET',
    '/inventory/:merchantId',
    {
      tag,
      summary: "the merchant's latest stock snapshot (each barcode per warehouse) and its warehouses",
      params: merchantParams,
      responses: { 200: 'the snapshot and the warehouses', ...noStock },
    },
    async ({ params: { merchantId } }) => {
      const [snapshot, warehouses] = await Promise.all([latestSnapshot(merchantId), stock.warehouses(merchantId)]);
      return { snapshot, warehouses };
    },
  );

  route(
    app,
    'GET',
    '/inventory/:merchantId/carts/:cartId',
    {
      tag,
      summary: 'each SKU of a cart: the level it should show now, and what it was last told and when',
      params: merchantParams.extend({ cartId: z.string().min(1) }),
      responses: { 200: 'the levels and the last push', ...noStock },
    },
    async ({ params: { merchantId, cartId } }) => {
      const snapshot = await latestSnapshot(merchantId);
      const cart = await carts.get(cartId);
      if (!cart || cart.merchantId !== merchantId)
        throw new ApiError(404, `merchant ${merchantId} has no cart ${cartId}`);
      return cartStockReport(deps.pool, cart, snapshot);
    },
  );
}
