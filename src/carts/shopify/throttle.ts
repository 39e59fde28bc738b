import { z } from 'zod';

/** `extensions.cost`, as every Admin API answer past the cost check carries it. */
export const costSchema = z.object({
  requestedQueryCost: z.number(),
  actualQueryCost: z.number().nullable(),
  throttleStatus: z.object({
    maximumAvailable: z.number(),
    currentlyAvailable: z.number(),
    restoreRate: z.number().positive(),
  }),
});
export type QueryCost = z.infer<typeof costSchema>;

// Points refill continuously; a little slack keeps us from arriving a few points short.
const SLACK_MS = 50;

/** How long until the bucket holds what the throttled query asked for: (requested − available) / restoreRate. */
export function throttleWaitMs(cost: QueryCost): number {
  const missing = Math.max(0, cost.requestedQueryCost - cost.throttleStatus.currentlyAvailable);
  return Math.ceil((missing / cost.throttleStatus.restoreRate) * 1000) + SLACK_MS;
}
