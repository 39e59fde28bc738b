import { proxyLocalActivities, setCurrentDetails, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import type { createActivities } from '../../activities';
import type { CartOrder, OrderIdentity } from '../../src/domain/order';
import { STATUS_LABELS, type OrderStatus } from '../../src/domain/order-status';
import { orderSummary } from '../../src/domain/order-summary';
import { searchAttributes, type OrderState, type OrderTransition } from '../definitions';

// Index writes are quick and local: a local activity costs one history event instead of three.
const { recordOrderTransitions } = proxyLocalActivities<ReturnType<typeof createActivities>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

type Published = Map<string, unknown>;

/**
 * Makes each transition visible: the Web UI's current details at once; search attributes, the orders index and the
 * audit log at the next `flush`. Transitions made in one workflow task share one upsert and one index write, and only
 * search attributes whose value changed are upserted, so the happy path stays at 30 history events.
 */
export class OrderJournal {
  private readonly unrecorded: OrderTransition[] = [];
  /** The values as of the latest transition, published at the next flush. */
  private searchAttributes: SearchAttributeUpdatePair[] = [];
  private readonly published: Published;
  /** The valid order whose lines the index has: lines are sent once, and again after a fix replaces the order. */
  private linesRecordedFor: CartOrder | undefined;

  constructor(
    private readonly identity: () => OrderIdentity,
    private readonly order: () => CartOrder | undefined,
    private readonly state: OrderState,
  ) {
    const { typedSearchAttributes } = workflowInfo();
    this.published = new Map(
      Object.values(searchAttributes).map((key) => [key.name, normalise(typedSearchAttributes.get(key as never))]),
    );
  }

  /** Moves the order to `status` and queues the index write. */
  transition(status: OrderStatus, actor = 'workflow', detail: Record<string, unknown> = {}): void {
    const { state } = this;
    const order = this.identity();
    const valid = this.order();
    state.status = status;
    const nextResendAt = state.nextResendAt ? new Date(state.nextResendAt) : undefined;
    const summary = valid
      ? orderSummary(valid, status, {
          easyPostOrderId: state.easyPostOrderId,
          holdCount: state.holdCount,
          nextResendAt,
          deliverAt: state.deliverAt ? new Date(state.deliverAt) : undefined,
        })
      : `${order.cartOrderNumber} · ${STATUS_LABELS[status]} · the cart sent invalid order data`;
    setCurrentDetails(summary);
    this.searchAttributes = [
      { key: searchAttributes.orderStatus, value: status },
      { key: searchAttributes.merchantId, value: order.merchantId },
      { key: searchAttributes.cartId, value: order.cartId },
      { key: searchAttributes.cartOrderNumber, value: order.cartOrderNumber },
      { key: searchAttributes.holdCount, value: state.holdCount },
      { key: searchAttributes.nextResendAt, value: nextResendAt ?? null },
      { key: searchAttributes.easyPostOrderId, value: state.easyPostOrderId ?? null },
      { key: searchAttributes.warehouse, value: state.warehouseId ?? null },
    ];
    this.unrecorded.push({
      cartId: order.cartId,
      cartOrderId: order.cartOrderId,
      cartOrderNumber: order.cartOrderNumber,
      merchantId: order.merchantId,
      workflowId: workflowInfo().workflowId,
      status,
      easyPostOrderId: state.easyPostOrderId,
      warehouseId: state.warehouseId,
      lastError: state.lastError?.message,
      holdCount: state.holdCount,
      nextResendAt: state.nextResendAt,
      summary,
      actor,
      detail,
      lines: this.newLines(valid),
    });
  }

  /**
   * Publishes the search attributes that changed and writes queued transitions to the orders index and audit log;
   * call before waiting on anything outside the workflow.
   */
  async flush(): Promise<void> {
    this.publish(this.searchAttributes.splice(0));
    if (this.unrecorded.length > 0) await recordOrderTransitions(this.unrecorded.splice(0));
  }

  private newLines(valid: CartOrder | undefined): OrderTransition['lines'] {
    if (!valid || valid === this.linesRecordedFor) return undefined;
    this.linesRecordedFor = valid;
    return valid.lines.map(({ sku, quantity }) => ({ sku, quantity }));
  }

  private publish(pairs: SearchAttributeUpdatePair[]): void {
    const changed = pairs.filter(({ key, value }) => this.published.get(key.name) !== normalise(value));
    if (changed.length === 0) return;
    for (const { key, value } of changed) this.published.set(key.name, normalise(value));
    upsertSearchAttributes(changed);
  }
}

// Dates compare by instant, and "absent" is one value whether it reads as null or undefined.
function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value ?? null;
}
