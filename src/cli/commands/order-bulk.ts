import { createOrderIndex } from '../../db/orders';
import { runBulkOrderAction, type BulkAction, type BulkSummary } from '../../operations/bulk-orders';
import type { CliContext } from '../context';
import { CliError } from '../errors';
import { printJson } from '../format';
import { orderFilterOf, type OrderFilterOptions } from '../order-filter';
import { progressBar } from '../progress';

export interface BulkOptions extends OrderFilterOptions {
  reason?: string;
  dryRun?: boolean;
  json?: boolean;
}

/**
 * `epf orders retry|cancel` without a ref: the action on every order the filter options match, with a progress bar
 * on stderr and a summary on stdout. Exits 1 when any order failed, after the summary names each.
 */
export async function runBulk(ctx: CliContext, action: BulkAction, options: BulkOptions): Promise<void> {
  const [pool, { client }] = await Promise.all([ctx.pool(), ctx.temporal()]);
  let progress: ReturnType<typeof progressBar> | undefined;
  const summary = await runBulkOrderAction(
    { client, orders: createOrderIndex(pool) },
    { action, filter: orderFilterOf(options), reason: options.reason, dryRun: options.dryRun },
    (handled, planned) => (progress ??= progressBar(`${action} orders`, planned)).update(handled),
  );
  if (options.json) printJson(summary);
  else console.log(formatSummary(action, summary));
  if (summary.failed.length > 0) throw new CliError(`${summary.failed.length} of ${summary.planned} orders failed`);
}

function formatSummary(action: BulkAction, summary: BulkSummary): string {
  const { matched, planned, done, skipped, failed } = summary;
  const head = summary.dryRun
    ? `dry run: ${matched} matched, ${planned} to ${action}, ${skipped} skipped (status does not allow it)`
    : `${matched} matched, ${done} done, ${skipped} skipped (status does not allow it), ${failed.length} failed`;
  return [
    head,
    ...failed.map(
      ({ workflowId, error }) => `failed: ${error.includes(workflowId) ? error : `${workflowId}: ${error}`}`,
    ),
  ].join('\n');
}
