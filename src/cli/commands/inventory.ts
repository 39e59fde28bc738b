import type { Command } from 'commander';
import { createCartStore } from '../../db/carts';
import { createInventoryStore, type InventorySnapshot } from '../../db/inventory';
import { createMerchantStore } from '../../db/merchants';
import { cartStockReport } from '../../inventory/cart-stock-report';
import type { CliContext } from '../context';
import { CliError } from '../errors';
import { formatTable, formatTime, printJson } from '../format';
import { inventoryPickupScheduleId } from '../../../workflows/definitions';

interface ShowOptions {
  cart?: string;
  json?: boolean;
}

/** `epf inventory show`: the latest stock snapshot, or what one cart is shown and was last told. */
export function registerInventoryCommands(program: Command, ctx: CliContext): void {
  const inventory = program.command('inventory').description('stock from EasyPost, and what carts are told');

  inventory
    .command('show')
    .description("the merchant's latest stock per warehouse; with --cart, each SKU as the cart should show it")
    .argument('<merchantId>', 'merchant ID')
    .option('--cart <id>', "one of the merchant's carts: its SKUs, computed now and as last pushed")
    .option('--json', 'print JSON')
    .action(async (merchantId: string, options: ShowOptions) => {
      const pool = await ctx.pool();
      if (!(await createMerchantStore(pool).get(merchantId))) {
        throw new CliError(`merchant ${merchantId} does not exist`);
      }
      const stock = createInventoryStore(pool);
      const snapshot = await stock.latestSnapshot(merchantId);
      if (!snapshot) {
        throw new CliError(
          `merchant ${merchantId} has no stock snapshot yet: run epf schedules trigger ${inventoryPickupScheduleId(merchantId)}`,
        );
      }
      if (options.cart) await showCart(ctx, merchantId, options.cart, snapshot, options.json);
      else await showSnapshot(snapshot, await stock.warehouses(merchantId), options.json);
    });
}

async function showSnapshot(
  snapshot: InventorySnapshot,
  warehouses: { id: string; shortName?: string | null }[],
  json: boolean | undefined,
): Promise<void> {
  if (json) return printJson(snapshot);
  const ids = [...new Set([...warehouses.map((w) => w.id), ...snapshot.levels.map((l) => l.warehouseId)])];
  const label = new Map(warehouses.map((w) => [w.id, w.shortName ?? w.id]));
  const byBarcode = new Map<string, Map<string, number>>();
  for (const { barcode, warehouseId, quantity } of snapshot.levels) {
    const row = byBarcode.get(barcode) ?? new Map<string, number>();
    row.set(warehouseId, quantity);
    byBarcode.set(barcode, row);
  }
  console.log(`snapshot ${snapshot.id}, taken ${formatTime(snapshot.takenAt)}`);
  console.log(
    formatTable(
      ['BARCODE', ...ids.map((id) => label.get(id) ?? id), 'TOTAL'],
      [...byBarcode].map(([barcode, units]) => [
        barcode,
        ...ids.map((id) => String(units.get(id) ?? 0)),
        String([...units.values()].reduce((sum, n) => sum + n, 0)),
      ]),
    ),
  );
}

async function showCart(
  ctx: CliContext,
  merchantId: string,
  cartId: string,
  snapshot: InventorySnapshot,
  json: boolean | undefined,
): Promise<void> {
  const pool = await ctx.pool();
  const cart = await createCartStore(pool).get(cartId);
  if (!cart || cart.merchantId !== merchantId) throw new CliError(`merchant ${merchantId} has no cart ${cartId}`);
  const report = await cartStockReport(pool, cart, snapshot);
  if (json) return printJson(report);
  const { lastPush: last, levels: rows } = report;
  const pending = last && BigInt(last.snapshotId) >= BigInt(snapshot.id) ? 'pushed' : 'not pushed yet';
  console.log(
    `cart ${cartId}, snapshot ${snapshot.id} (${pending}); last push ${formatTime(last?.pushedAt) ?? 'never'}`,
  );
  console.log(
    formatTable(
      ['SKU', 'NOW', 'LAST PUSHED', 'PUSHED AT'],
      rows.map((row) => [row.sku, String(row.now), row.pushed?.toString(), formatTime(row.pushedAt)]),
    ),
  );
}
