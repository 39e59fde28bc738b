// The contract shared by workflows, the worker, clients, the dev launcher and tests: defined once, imported everywhere.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** Default task queue; `TEMPORAL_TASK_QUEUE` overrides it per deployment. */
export const DEFAULT_TASK_QUEUE = 'epf';

/** Custom search attributes: operators find any order in the Web UI by these. */
export const searchAttributes = {
  orderStatus: defineSearchAttributeKey('OrderStatus', SearchAttributeType.KEYWORD),
  merchantId: defineSearchAttributeKey('MerchantId', SearchAttributeType.KEYWORD),
  cartId: defineSearchAttributeKey('CartId', SearchAttributeType.KEYWORD),
  cartOrderNumber: defineSearchAttributeKey('CartOrderNumber', SearchAttributeType.KEYWORD),
  easyPostOrderId: defineSearchAttributeKey('EasyPostOrderId', SearchAttributeType.KEYWORD),
  warehouse: defineSearchAttributeKey('Warehouse', SearchAttributeType.KEYWORD),
  holdCount: defineSearchAttributeKey('HoldCount', SearchAttributeType.INT),
  nextResendAt: defineSearchAttributeKey('NextResendAt', SearchAttributeType.DATETIME),
} as const;

/** The deterministic ID of an operational check run; one per requester so concurrent checks never collide. */
export function healthCheckWorkflowId(requester: string): string {
  return `healthcheck:${requester}`;
}
