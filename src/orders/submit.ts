import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import {
  cartOrderSchema,
  describeProblems,
  orderWorkflowId,
  parseCartOrder,
  type CartOrder,
  type OrderDraft,
} from '../domain/order';
import { orderSummary } from '../domain/order-summary';
import type { CartStore } from '../db/carts';
import type { OrderIndex } from '../db/orders';
import { searchAttributes, WorkflowType } from '../../workflows/definitions';
import type { orderWorkflow } from '../../workflows/order';

export type SubmitResult =
  | { outcome: 'started'; workflowId: string }
  | { outcome: 'duplicate'; workflowId: string; reason: string }
  | { outcome: 'invalid'; message: string };

export interface SubmitDeps {
  client: Client;
  taskQueue: string;
  orders: Pick<OrderIndex, 'find'>;
  carts: Pick<CartStore, 'get'>;
}

/** Validates an order an operator typed in and starts its workflow; an invalid one is refused naming the fields. */
export async function submitOrder(deps: SubmitDeps, input: unknown): Promise<SubmitResult> {
  const parsed = parseCartOrder(input);
  if (!parsed.ok) return { outcome: 'invalid', message: describeProblems(parsed.problems) };
  return startOrderWorkflow(deps, parsed.order);
}

/**
 * Starts the order's workflow, once per cart order: the workflow ID is derived from it and duplicates are rejected
 * by Temporal (while it keeps the workflow) and by the orders index (after its retention has dropped it). A draft
 * (a malformed cart order) starts too, and waits in `error` naming its bad fields until an operator fixes it.
 */
export async function startOrderWorkflow(deps: SubmitDeps, order: CartOrder | OrderDraft): Promise<SubmitResult> {
  const workflowId = orderWorkflowId(order.cartId, order.cartOrderId);
  const cart = await deps.carts.get(order.cartId);
  if (!cart)
    return { outcome: 'invalid', message: `cartId: unknown cart "${order.cartId}": add it with epf carts add` };
  if (cart.merchantId !== order.merchantId) {
    return {
      outcome: 'invalid',
      message: `merchantId: cart "${order.cartId}" belongs to merchant "${cart.merchantId}", not "${order.merchantId}"`,
    };
  }

  const known = await deps.orders.find(order.cartId, order.cartOrderId);
  if (known.some((row) => row.cart_order_id === order.cartOrderId)) {
    return { outcome: 'duplicate', workflowId, reason: 'the orders index already has this cart order' };
  }
  try {
    await deps.client.workflow.start<typeof orderWorkflow>(WorkflowType.order, {
      taskQueue: deps.taskQueue,
      workflowId,
      args: [{ order }],
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      staticSummary: isCartOrder(order)
        ? orderSummary(order, 'received')
        : `${order.cartOrderNumber} · invalid order data`,
      typedSearchAttributes: [
        { key: searchAttributes.orderStatus, value: 'received' },
        { key: searchAttributes.merchantId, value: order.merchantId },
        { key: searchAttributes.cartId, value: order.cartId },
        { key: searchAttributes.cartOrderNumber, value: order.cartOrderNumber },
      ],
    });
    return { outcome: 'started', workflowId };
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) {
      return { outcome: 'duplicate', workflowId, reason: 'a workflow for this cart order already exists' };
    }
    throw err;
  }
}

function isCartOrder(order: CartOrder | OrderDraft): order is CartOrder {
  return cartOrderSchema.safeParse(order).success;
}
