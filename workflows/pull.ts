import { continueAsNew, log, patched, proxyActivities } from '@temporalio/workflow';
import type { createActivities } from '../activities';
import { noPullCounts, type PullCounts } from '../src/domain/pull-counts';

const { pullOrderPage } = proxyActivities<ReturnType<typeof createActivities>>({
  // A page lists up to ~100 orders and starts a workflow for each. The activity heartbeats every 3 s while it works,
  // so a page on a worker that died is retried 15 s later instead of stalling the cart's pulls. Retries wait at most
  // a minute: a longer backoff after a few failures in a row only holds back the cart's new orders and cancels, and
  // the schedule's next pull waits behind this one.
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '15 seconds',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 10 },
});

const { ensureCartWebhooks } = proxyActivities<ReturnType<typeof createActivities>>({
  // A few calls to the cart; it records its own failures, so one retry for a lost worker is enough.
  startToCloseTimeout: '1 minute',
  retry: { maximumAttempts: 2 },
});

/** Pulls before this patch never checked the cart's webhooks. */
export const CART_WEBHOOKS_PATCH = 'pull-ensures-cart-webhooks';

/** Pages per run before continue-as-new: a backlog of thousands of orders keeps each run's history small. */
export const MAX_PAGES_PER_RUN = 50;

export type PullTotals = PullCounts & { pages: number };

/**
 * One pull of a cart's new and changed orders (run by the `pull:<cartId>` schedule): page after page until the cart
 * has nothing more. Order contents stay in the activity; only counts enter this workflow's history.
 */
export async function pullOrdersWorkflow(input: { cartId: string; totals?: PullTotals }): Promise<PullTotals> {
  const totals: PullTotals = input.totals ?? { pages: 0, ...noPullCounts() };
  // Once per pull, not per continued run, beside the first page so a webhook-triggered pull waits for no extra round
  // trip to the cart: the webhooks heal within one interval, and a backlog costs no extra calls.
  const webhooksChecked =
    input.totals === undefined && patched(CART_WEBHOOKS_PATCH)
      ? ensureCartWebhooks({ cartId: input.cartId }).catch((err: unknown) => {
          // The pull is the safety net: a webhook check that could not even run must not stop it.
          log.warn('Could not check the cart webhooks', { cartId: input.cartId, error: String(err) });
        })
      : undefined;
  for (let page = 0; page < MAX_PAGES_PER_RUN; page += 1) {
    const { hasMore, ...counts } = await pullOrderPage({ cartId: input.cartId });
    totals.pages += 1;
    for (const key of Object.keys(counts) as (keyof typeof counts)[]) totals[key] += counts[key];
    if (!hasMore) {
      await webhooksChecked;
      return totals;
    }
  }
  await webhooksChecked;
  return continueAsNew<typeof pullOrdersWorkflow>({ cartId: input.cartId, totals });
}
