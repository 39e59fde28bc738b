import { continueAsNew, patched, proxyActivities } from '@temporalio/workflow';
import type { createActivities } from '../activities';
import { noPullCounts, type PullCounts } from '../src/domain/pull-counts';

const { pullOrderPage } = proxyActivities<ReturnType<typeof createActivities>>({
  // A page lists up to ~100 orders and starts a workflow for each. The activity heartbeats every 3 s while it works,
  // so a page on a worker that died is retried 15 s later instead of stalling the cart's pulls.
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '15 seconds',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 10 },
});

const { ensureCartWebhook } = proxyActivities<ReturnType<typeof createActivities>>({
  // One read of the cart (and a write when the webhook is missing). The activity itself never fails; a retry covers
  // a worker lost mid-call.
  startToCloseTimeout: '1 minute',
  retry: { maximumAttempts: 2 },
});

/** Pages per run before continue-as-new: a backlog of thousands of orders keeps each run's history small. */
export const MAX_PAGES_PER_RUN = 50;

export type PullTotals = PullCounts & { pages: number };

/**
 * One pull of a cart's new and changed orders (run by the `pull:<cartId>` schedule): page after page until the cart
 * has nothing more. Order contents stay in the activity; only counts enter this workflow's history.
 */
export async function pullOrdersWorkflow(input: { cartId: string; totals?: PullTotals }): Promise<PullTotals> {
  const totals: PullTotals = input.totals ?? { pages: 0, ...noPullCounts() };
  // Each pull (not each continued run) makes sure the cart's webhook points at us, beside its first page so a
  // webhook-triggered pull waits for no extra round trip. Run pulls started before this change skip it.
  const webhookChecked =
    input.totals === undefined && patched('cart-webhook-check')
      ? ensureCartWebhook({ cartId: input.cartId }).catch(() => 'failed' as const)
      : null;
  for (let page = 0; page < MAX_PAGES_PER_RUN; page += 1) {
    const { hasMore, ...counts } = await pullOrderPage({ cartId: input.cartId });
    totals.pages += 1;
    for (const key of Object.keys(counts) as (keyof typeof counts)[]) totals[key] += counts[key];
    if (!hasMore) {
      await webhookChecked;
      return totals;
    }
  }
  await webhookChecked;
  return continueAsNew<typeof pullOrdersWorkflow>({ cartId: input.cartId, totals });
}
