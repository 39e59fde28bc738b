import type { Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createOrderIndex, type OrderRow } from '../../db/orders';
import type { CliContext } from '../context';
import { csvRecord } from '../csv-writer';
import { orderFilterOf, orderFilterOptions, type OrderFilterOptions } from '../order-filter';
import { progressBar } from '../progress';

interface ExportOptions extends OrderFilterOptions {
  csv: true;
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
  const command = orders
    .command('export')
    .description('the orders index as CSV (RFC 4180), in cart and order ID order, with a progress bar on stderr')
    .requiredOption('--csv', 'write CSV (the only format)');
  for (const option of orderFilterOptions()) command.addOption(option);
  command.option('--out <file>', 'write to this file instead of stdout').action(async (options: ExportOptions) => {
    const index = createOrderIndex(await ctx.pool());
    const filter = orderFilterOf(options);
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
