import { Option, type Command } from 'commander';
import type { Client } from '@temporalio/client';
import { createCartStore } from '../../db/carts';
import { createOrderIndex, type OrderRow } from '../../db/orders';
import { createPullStore } from '../../db/pulls';
import { ORDER_STATUSES, type OrderStatus } from '../../domain/order-status';
import { orderJson } from '../../orders/order-details';
import { submitOrder } from '../../orders/submit';
import { callWorkflow } from '../../orders/workflow-call';
import { cancelSignal, fixOrderUpdate, retryNowSignal } from '../../../workflows/definitions';
import type { CliContext } from '../context';
import { CliError } from '../errors';
import { formatTable, printJson } from '../format';
import { readJsonInput } from '../json-input';
import { parseOrderFix } from '../order-fix-input';
import { resolveOrder } from '../order-ref';
import { ORDER_TABLE_HEADERS, orderTableRow } from '../order-view';
import { integerIn, parseSince } from '../parsers';
import { registerOrderExport } from './order-export';
import { showOrder } from './order-show';

interface ListOptions {
  status?: OrderStatus;
  merchant?: string;
  cart?: string;
  since?: Date;
  limit?: number;
  json?: boolean;
  skipped?: boolean;
}

const REF_HELP = 'cart order ID, cart order number or EasyPost order ID';
const CART_HELP = 'the cart, when the ref matches orders of several carts';

/** `epf orders submit|list|export|show|cancel|retry|fix`. */
export function registerOrderCommands(program: Command, ctx: CliContext): void {
  const orders = program.command('orders').description('the order lifecycle');

  // The order's index row and its workflow: what cancel, retry and fix act on.
  async function target(ref: string, cartId: string | undefined): Promise<{ row: OrderRow; client: Client }> {
    const row = await resolveOrder(createOrderIndex(await ctx.pool()), ref, cartId);
    return { row, client: (await ctx.temporal()).client };
  }

  orders
    .command('submit')
    .description('start the workflow of a cart order (JSON, the normalised CartOrder)')
    .requiredOption('--file <path>', 'the order as JSON, - for stdin')
    .action(async (options: { file: string }) => {
      const order = readJsonInput(options.file);
      const [pool, { client, taskQueue }] = await Promise.all([ctx.pool(), ctx.temporal()]);
      const result = await submitOrder(
        { client, taskQueue, orders: createOrderIndex(pool), carts: createCartStore(pool) },
        order,
      );
      if (result.outcome === 'invalid') throw new CliError(`invalid order: ${result.message}`);
      // A repeat submit is harmless (the workflow ID dedups it), so it is reported but is not a failure.
      console.log(result.outcome === 'started' ? result.workflowId : `${result.workflowId}: ${result.reason}`);
    });

  orders
    .command('list')
    .description('orders from the orders index, most recently updated first')
    .addOption(new Option('--status <status>', 'only this status').choices(ORDER_STATUSES))
    .option('--merchant <id>', 'only this merchant')
    .option('--cart <id>', 'only this cart')
    // Wrapped: commander passes the previous value as a second argument, which parseSince would take for `now`.
    .option('--since <when>', 'updated since an ISO date or an age (30m, 12h, 7d)', (value) => parseSince(value))
    .option('--limit <n>', 'at most n orders (default 100)', integerIn(1, 10_000))
    .option('--skipped', 'orders a pull rule skipped instead (the rule named), so none goes missing silently')
    .option('--json', 'print JSON')
    .action(async (options: ListOptions) => {
      if (options.skipped) return listSkipped(options);
      const rows = await createOrderIndex(await ctx.pool()).list({
        status: options.status,
        merchantId: options.merchant,
        cartId: options.cart,
        since: options.since,
        limit: options.limit,
      });
      if (options.json) printJson(rows.map(orderJson));
      else console.log(rows.length ? formatTable(ORDER_TABLE_HEADERS, rows.map(orderTableRow)) : 'No orders match.');
    });

  registerOrderExport(orders, ctx);

  async function listSkipped(options: ListOptions): Promise<void> {
    const rows = await createPullStore(await ctx.pool()).listSkipped({
      merchantId: options.merchant,
      cartId: options.cart,
      since: options.since,
      limit: options.limit,
    });
    if (options.json) printJson(rows);
    else if (rows.length === 0) console.log('No skipped orders match.');
    else {
      const table = rows.map((row) => [row.cartId, row.cartOrderNumber, row.rule, row.lastSeenAt.toISOString()]);
      console.log(formatTable(['CART', 'NUMBER', 'RULE', 'LAST SEEN'], table));
    }
  }

  orders
    .command('show')
    .description("an order: its index row, its workflow's live status and the tracking sent to the cart")
    .argument('<ref>', REF_HELP)
    .option('--cart <id>', CART_HELP)
    .option('--json', 'print JSON')
    .action((ref: string, options: { cart?: string; json?: boolean }) => showOrder(ctx, ref, options));

  orders
    .command('cancel')
    .description('cancel an order: locally before the warehouse has it, at EasyPost after')
    .argument('<ref>', REF_HELP)
    .option('--cart <id>', CART_HELP)
    .requiredOption('--reason <text>', 'why, for the audit log')
    .action(async (ref: string, options: { cart?: string; reason: string }) => {
      const { row, client } = await target(ref, options.cart);
      const handle = client.workflow.getHandle(row.workflow_id);
      await callWorkflow(client, row.workflow_id, () =>
        handle.signal(cancelSignal, { reason: options.reason, source: 'operator' }),
      );
      console.log(`Cancel requested for ${row.workflow_id}; follow it with epf orders show`);
    });

  orders
    .command('retry')
    .description('resend an order in on_hold or error now instead of at the next resend')
    .argument('<ref>', REF_HELP)
    .option('--cart <id>', CART_HELP)
    .action(async (ref: string, options: { cart?: string }) => {
      const { row, client } = await target(ref, options.cart);
      await callWorkflow(client, row.workflow_id, () =>
        client.workflow.getHandle(row.workflow_id).signal(retryNowSignal),
      );
      console.log(`Retry requested for ${row.workflow_id}`);
    });

  orders
    .command('fix')
    .description('correct an order in error or on_hold (address, SKUs, ship method, note) and resend it')
    .argument('<ref>', REF_HELP)
    .option('--cart <id>', CART_HELP)
    .requiredOption('--file <path>', 'the fix as JSON, - for stdin: {"shipTo": {...}, "skus": {"lineId": "sku"}, ...}')
    .action(async (ref: string, options: { cart?: string; file: string }) => {
      const fix = parseOrderFix(readJsonInput(options.file));
      const { row, client } = await target(ref, options.cart);
      const handle = client.workflow.getHandle(row.workflow_id);
      const status = await callWorkflow(client, row.workflow_id, () =>
        handle.executeUpdate(fixOrderUpdate, { args: [fix] }),
      );
      console.log(`Fixed ${row.workflow_id}; now ${status}`);
    });
}
