import { Option, type Command } from 'commander';
import type { Client } from '@temporalio/client';
import { createCartStore } from '../../db/carts';
import { createOrderIndex, type OrderRow } from '../../db/orders';
import { createPullStore } from '../../db/pulls';
import { orderJson } from '../../orders/order-details';
import { submitOrder } from '../../orders/submit';
import { cancelOrder, fixOrder, retryOrder } from '../../operations/orders';
import type { CliContext } from '../context';
import { CliError } from '../errors';
import { formatTable, printJson } from '../format';
import { readJsonInput } from '../json-input';
import { parseOrderFix } from '../order-fix-input';
import { resolveOrder } from '../order-ref';
import { ORDER_TABLE_HEADERS, orderTableRow } from '../order-view';
import { integerIn } from '../parsers';
import { orderFilterOf, orderFilterOptions, type OrderFilterOptions } from '../order-filter';
import { runBulk, type BulkOptions } from './order-bulk';
import { registerOrderExport } from './order-export';
import { showOrder } from './order-show';

interface ListOptions extends OrderFilterOptions {
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

  const list = orders.command('list').description('orders from the orders index, most recently updated first');
  for (const option of orderFilterOptions()) list.addOption(option);
  list
    .option('--limit <n>', 'at most n orders (default 100)', integerIn(1, 10_000))
    .option('--skipped', 'orders a pull rule skipped instead (the rule named), so none goes missing silently')
    .option('--json', 'print JSON')
    .action(async (options: ListOptions) => {
      if (options.skipped) return listSkipped(options);
      const rows = await createOrderIndex(await ctx.pool()).list({ ...orderFilterOf(options), limit: options.limit });
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

  const cancel = orders
    .command('cancel')
    .description(
      'cancel an order: locally before the warehouse has it, at EasyPost after; without a ref, every order the ' +
        'filter options match that may still be cancelled',
    )
    .argument('[ref]', REF_HELP)
    .requiredOption('--reason <text>', 'why, for the audit log');
  addBulkOptions(cancel).action(async (ref: string | undefined, options: BulkOptions & { reason: string }) => {
    if (ref === undefined) return runBulk(ctx, 'cancel', options);
    refuseBulkOptions(options);
    const { row, client } = await target(ref, options.cart);
    await cancelOrder(client, row.workflow_id, options.reason);
    console.log(`Cancel requested for ${row.workflow_id}; follow it with epf orders show`);
  });

  const retry = orders
    .command('retry')
    .description(
      'resend an order in on_hold or error now instead of at the next resend; without a ref, every order in on_hold ' +
        'or error the filter options match',
    )
    .argument('[ref]', REF_HELP);
  addBulkOptions(retry).action(async (ref: string | undefined, options: BulkOptions) => {
    if (ref === undefined) return runBulk(ctx, 'retry', options);
    refuseBulkOptions(options);
    const { row, client } = await target(ref, options.cart);
    await retryOrder(client, row.workflow_id);
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
      const status = await fixOrder(client, row.workflow_id, fix);
      console.log(`Fixed ${row.workflow_id}; now ${status}`);
    });
}

// With a ref, --cart picks among orders of several carts; without one, the options filter the orders acted on.
function addBulkOptions(command: Command): Command {
  for (const option of orderFilterOptions()) {
    command.addOption(
      option.long === '--cart' ? new Option('--cart <id>', `${CART_HELP}; without a ref, only this cart`) : option,
    );
  }
  return command
    .option('--dry-run', 'without a ref: count what would be done and do nothing')
    .option('--json', 'without a ref: print the summary as JSON');
}

const BULK_ONLY = { status: '--status', merchant: '--merchant', since: '--since', dryRun: '--dry-run', json: '--json' };

// A ref names one order: the options that choose many would be ignored beside it, so they are refused.
function refuseBulkOptions(options: BulkOptions): void {
  const given = Object.entries(BULK_ONLY).find(([key]) => options[key as keyof typeof BULK_ONLY] !== undefined);
  if (given) throw new CliError(`${given[1]} chooses orders by filter: leave out the ref`);
}
