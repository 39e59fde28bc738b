import { Option, type Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createOrderIndex, type OrderFilter, type OrderRow } from '../../db/orders';
import { ORDER_STATUSES, type OrderStatus } from '../../domain/order-status';
import type { CliContext } from '../context';
import { csvRecord } from '../csv-writer';
import { parseSince } from '../parsers';
import { progressBar } from '../progress';

interface ExportOptions {
  csv: true;
  status?: OrderStatus;
  merchant?: string;
  cart?: string;
  since?: Date;
  out?: string;
}

/** The index's columns, named as in PostgreSQL; the cart lines stay out (they are not one value). */
const COLUMNS = [
  'cart_id',
  'cart_order_id',
  'cart_order_number',
  'merchant_id',
  'workflow_id',
  'status',
  'easypost_order_id',
  'warehouse_id',
  'last_error',
  'last_error_field',
  'last_error_type',
  'hold_count',
  'held_since',
  'next_resend_at',
  'summary',
  'received_at',
  'updated_at',
] as const satisfies (keyof OrderRow)[];

// Small exports finish before a bar would say anything useful.
const PROGRESS_FROM = 1000;

/** `epf orders export --csv`: the orders index as CSV, streamed page by page to stdout or a file. */
export function registerOrderExport(orders: Command, ctx: CliContext): void {
  orders
    .command('export')
    .description('the orders index as CSV (RFC 4180), in cart and order ID order, with a progress bar on stderr')
    .requiredOption('--csv', 'write CSV (the only format)')
    .addOption(new Option('--status <status>', 'only this status').choices(ORDER_STATUSES))
    .option('--merchant <id>', 'only this merchant')
    .option('--cart <id>', 'only this cart')
    // Wrapped: commander passes the previous value as a second argument, which parseSince would take for `now`.
    .option('--since <when>', 'updated since an ISO date or an age (30m, 12h, 7d)', (value) => parseSince(value))
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (options: ExportOptions) => {
      const index = createOrderIndex(await ctx.pool());
      const filter: OrderFilter = {
        status: options.status,
        merchantId: options.merchant,
        cartId: options.cart,
        since: options.since,
      };
      const total = await index.count(filter);
      const progress = total >= PROGRESS_FROM ? progressBar('Exporting orders', total) : undefined;
      async function* records(): AsyncGenerator<string> {
        yield csvRecord([...COLUMNS]);
        let done = 0;
        for await (const page of index.pages(filter)) {
          yield page.map((row) => csvRecord(COLUMNS.map((column) => row[column]))).join('');
          done += page.length;
          progress?.update(Math.min(done, total));
        }
      }
      // pipeline waits for the file to be written (and reports a bad path); stdout is left open.
      const out = options.out ? createWriteStream(options.out) : process.stdout;
      await pipeline(Readable.from(records()), out, { end: out !== process.stdout });
    });
}
