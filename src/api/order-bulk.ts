import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createOrderIndex } from '../db/orders';
import { ORDER_STATUSES } from '../domain/order-status';
import { BULK_ACTIONS, runBulkOrderAction, type BulkAction } from '../operations/bulk-orders';
import type { ApiDeps } from './app';
import { route } from './route';

const filterSchema = z.strictObject({
  status: z.enum(ORDER_STATUSES).optional(),
  merchant: z.string().min(1).optional(),
  cart: z.string().min(1).optional(),
  since: z.iso.datetime({ offset: true }).optional().describe('updated since'),
  dryRun: z.boolean().default(false).describe('count what would be done and do nothing'),
});

// Cancel alone asks why; typed alike so the handler reads `reason` of either.
const BODIES: Record<BulkAction, z.ZodType<z.output<typeof filterSchema> & { reason?: string }>> = {
  retry: filterSchema,
  cancel: filterSchema.extend({ reason: z.string().trim().min(1).describe('why, for the audit log') }),
};

const summarySchema = z.object({
  dryRun: z.boolean(),
  matched: z.number().describe('orders the filter matched'),
  planned: z.number().describe('matched orders whose status the action applies to'),
  done: z.number(),
  skipped: z.number().describe('matched orders whose status the action does not apply to'),
  failed: z.array(z.object({ workflowId: z.string(), error: z.string() })),
});

const SUMMARIES = {
  retry: 'resend every matching order in on_hold or error now (epf orders retry --status ...)',
  cancel: 'cancel every matching order that may still be cancelled (epf orders cancel --status ...)',
} as const;

/** POST /orders/bulk/retry and /orders/bulk/cancel: one action on every order a filter matches. */
export function registerOrderBulkRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const orders = createOrderIndex(deps.pool);
  for (const action of BULK_ACTIONS) {
    route(
      app,
      'POST',
      `/orders/bulk/${action}`,
      {
        tag: 'orders',
        summary: SUMMARIES[action],
        body: BODIES[action],
        responses: {
          200: {
            description: 'what was matched, done, skipped and failed (each failure with why)',
            schema: summarySchema,
          },
          400: 'no filter given',
        },
      },
      async ({ body: { status, merchant, cart, since, dryRun, reason } }) =>
        runBulkOrderAction(
          { client: deps.temporal, orders },
          {
            action,
            filter: { status, merchantId: merchant, cartId: cart, since: since ? new Date(since) : undefined },
            reason,
            dryRun,
          },
        ),
    );
  }
}
