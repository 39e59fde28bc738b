import { continueAsNew, proxyActivities } from '@temporalio/workflow';
import type { createActivities } from '../activities';
import type { PullPageResult } from '../activities/pulls';

const { pullOrderPage } = proxyActivities<ReturnType<typeof createActivities>>({
  // A page lists up to ~100 orders and starts a workflow for each. The activity heartbeats every 3 s while it works,
  // so a page on a worker that died is retried 15 s later instead of stalling the cart's pulls.
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '15 seconds',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 10 },
});

/** Pages per run before continue-as-new: a backlog of thousands of orders keeps each run's history small. */
export const MAX_PAGES_PER_RUN = 50;

export type PullTotals = Omit<PullPageResult, 'hasMore'> & { pages: number };

/**
 * One pull of a cart's new and changed orders (run by the `pull:<cartId>` schedule): page after page until the cart
 * has nothing more. Order contents stay in the activity; only counts enter this workflow's history.
 */
export async function pullOrdersWorkflow(input: { cartId: string; totals?: PullTotals }): Promise<PullTotals> {
  const totals: PullTotals = input.totals ?? {
    pages: 0,
    pulled: 0,
    started: 0,
    duplicates: 0,
    malformed: 0,
    cancelled: 0,
    skipped: 0,
    acceptsDeferred: 0,
    acceptsRepaired: 0,
  };
  for (let page = 0; page < MAX_PAGES_PER_RUN; page += 1) {
    const { hasMore, ...counts } = await pullOrderPage({ cartId: input.cartId });
    totals.pages += 1;
    for (const key of Object.keys(counts) as (keyof typeof counts)[]) totals[key] += counts[key];
    if (!hasMore) return totals;
  }
  return continueAsNew<typeof pullOrdersWorkflow>({ cartId: input.cartId, totals });
}
