import type { OrderTimings } from '../../activities/orders';
import type { CartOrder, OrderDraft } from '../../src/domain/order';
import type { OrderStatus } from '../../src/domain/order-status';
import type { OrderStatusView, ShipmentUpdate } from '../definitions';

/** What survives continue-as-new. */
export interface OrderState {
  status: OrderStatus;
  easyPostOrderId?: string;
  warehouseId?: string;
  holdCount: number;
  nextResendAt?: string;
  /** While `received`: when the order goes to EasyPost. */
  deliverAt?: string;
  /** While `sending`: when its turn under the merchant's EasyPost rate comes. */
  sendAt?: string;
  /** The merchant's and cart's timing settings, read once when the order is received. */
  timings?: OrderTimings;
  /** When the first send began: the lower bound for finding an order an earlier attempt created. */
  firstSendAt?: string;
  lastError?: OrderStatusView['lastError'];
  cancelReason?: string;
  shipments: ShipmentUpdate[];
  trackingPushed: string[];
}

export interface OrderWorkflowInput {
  /** A validated order, or the draft of a malformed one (it waits in `error` for a fix). */
  order: CartOrder | OrderDraft;
  /** Set only by continue-as-new. */
  state?: OrderState;
}
