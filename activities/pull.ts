import { ApplicationFailure, Context, log } from '@temporalio/activity';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { CartRefusal, type CartAdapter, type PulledOrder } from '../src/carts/adapter';
import type { Cart, CartStore } from '../src/db/carts';
import type { OrderIndex } from '../src/db/orders';
import type { CartFailureStore } from '../src/db/cart-failures';
import type { PullStore } from '../src/db/pulls';
import type { CartSettings } from '../src/domain/merchant-settings';
import { describeItemFilter, filterLines } from '../src/domain/item-filter';
import { orderWorkflowId } from '../src/domain/order';
import { noPullCounts, type PullCounts } from '../src/domain/pull-counts';
import { startOrderWorkflow } from '../src/orders/submit';
import { cancelSignal, OrderFailure } from '../workflows/definitions';
import { callCart } from './cart-failure';
import { watchCart } from './cart-health';
import { withKeepalive } from './keepalive';

export interface PullActivityDeps {
  carts: CartStore;
  orders: OrderIndex;
  pulls: PullStore;
  /** Each cart's failed pulls in a row: refused credentials and long outages become exceptions. */
  failures: CartFailureStore;
  adapterForCart(cart: Cart): Promise<CartAdapter>;
}

/** What one page of a pull did; every order the cart returned lands in exactly one bucket. */
export interface PullPageResult extends PullCounts {
  hasMore: boolean;
}

/**
 * The cart's own rules, applied to every pulled order before it is started, each skip recorded with its rule, never
 * silently dropped: an order placed before the cart's earliest order date (its go-live) is skipped; the cart's item
 * filter takes out the lines that are not this warehouse's, and an order with none left is skipped.
 */
export function applyRules(pulled: PulledOrder, settings: CartSettings): PulledOrder {
  if (pulled.kind !== 'order') return pulled;
  const { cartOrderId, cartOrderNumber } = pulled.order;
  const { earliestOrderAt, itemFilter } = settings;
  if (earliestOrderAt && Date.parse(pulled.order.placedAt) < Date.parse(earliestOrderAt)) {
    return {
      kind: 'skipped',
      cartOrderId,
      cartOrderNumber,
      rule: `placed before the cart's earliest order date ${earliestOrderAt}`,
    };
  }
  const { kept, filtered } = filterLines(pulled.order.lines, itemFilter);
  if (filtered.length === 0) return pulled;
  if (kept.length === 0) {
    return {
      kind: 'skipped',
      cartOrderId,
      cartOrderNumber,
      rule: `every line filtered out by the cart's ${describeItemFilter(itemFilter)}`,
    };
  }
  return { kind: 'order', order: { ...pulled.order, lines: kept }, filtered };
}

/** Pull activities: the cart's orders in, one page at a time, without their contents entering workflow history. */
export function createPullActivities(deps: PullActivityDeps) {
  return {
    /**
     * Lists one page after the cart's stored cursor, starts a workflow per new order (malformed ones too: they wait in
     * `error`), signals `cancel` for cart cancellations, records skips, and only then advances the cursor. Safe to
     * retry: a repeated page starts nothing twice (deterministic workflow IDs, the orders index).
     */
    pullOrderPage: (input: { cartId: string }): Promise<PullPageResult> =>
      withKeepalive(() => watchCart(deps.failures, input.cartId, 'pull', () => pullPage(input))),
  };

  async function pullPage(input: { cartId: string }): Promise<PullPageResult> {
    const { client, info } = Context.current();
    const cart = await deps.carts.get(input.cartId);
    if (!cart) throw ApplicationFailure.nonRetryable(`Unknown cart ${input.cartId}`, OrderFailure.UnknownCart);
    const adapter = await deps.adapterForCart(cart);
    const { repaired, repeated } = await repeatPendingAccepts(input.cartId, adapter, client);
    const cursor = await deps.pulls.cursor(input.cartId);
    const page = await callCart(() => adapter.listOrders(cursor));
    const result: PullPageResult = {
      ...noPullCounts(),
      pulled: page.orders.length,
      acceptsRepaired: repaired,
      hasMore: page.hasMore,
    };
    const startDeps = { client, taskQueue: info.taskQueue, orders: deps.orders, carts: deps.carts };

    for (const pulled of page.orders) {
      await account(applyRules(pulled, cart.settings));
    }
    await deps.pulls.saveCursor(input.cartId, page.cursor);
    log.info('Pulled a page of orders', { cartId: input.cartId, ...result });
    return result;

    async function account(pulled: PulledOrder): Promise<void> {
      switch (pulled.kind) {
        case 'order':
        case 'malformed': {
          const draft = pulled.kind === 'order' ? pulled.order : pulled.draft;
          // Noted before the start, so an order is never at the warehouse without its filtered lines on record.
          if (pulled.kind === 'order' && pulled.filtered) {
            await deps.pulls.recordFilteredLines({
              cartId: input.cartId,
              cartOrderId: draft.cartOrderId,
              lines: pulled.filtered,
            });
          }
          const started = await startOrderWorkflow(startDeps, draft);
          if (started.outcome === 'started') result[pulled.kind === 'order' ? 'started' : 'malformed'] += 1;
          else result.duplicates += 1;
          // A malformed order is ours too: it waits in `error` for a fix. Accepted, the cart tells us when its buyer
          // cancels it (Shopify closes a request never accepted, and sends no cancellation request).
          // Accepting again after a duplicate is harmless and repairs an accept that failed last time. A failed
          // accept does not fail the page: the order is started, and the accept is recorded for the next pulls.
          // One this page repeated already is not made twice: the cart lists a request until its accept lands.
          if (!repeated.has(draft.cartOrderId)) {
            try {
              await adapter.acceptOrder(draft.cartOrderId);
            } catch (err) {
              await deps.pulls.deferAccept(input.cartId, draft.cartOrderId, String(err));
              result.acceptsDeferred += 1;
              log.warn('The cart did not take our accept; the next pull repeats it', {
                cartId: input.cartId,
                cartOrderId: draft.cartOrderId,
                error: String(err),
              });
            }
          }
          return;
        }
        case 'cancelled': {
          result.cancelled += 1;
          try {
            await client.workflow
              .getHandle(orderWorkflowId(input.cartId, pulled.cartOrderId))
              .signal(cancelSignal, { reason: pulled.reason, source: 'cart' });
          } catch (err) {
            if (!(err instanceof WorkflowNotFoundError)) throw err;
            await settleCancellationWithoutWorkflow(pulled, input.cartId, adapter);
          }
          return;
        }
        case 'skipped':
          result.skipped += 1;
          await deps.pulls.recordSkip({ ...pulled, cartId: input.cartId });
          return;
      }
    }
  }

  /**
   * Repeats the accepts earlier pulls could not make; returns how many the cart took now, and which it tried. One that
   * fails again waits.
   * One the cart refuses for good means the merchant withdrew the order before we accepted it (Shopify closes an
   * unaccepted request when the order is cancelled, and sends no cancellation request): the order's workflow is
   * cancelled, at EasyPost if it is there already.
   */
  async function repeatPendingAccepts(cartId: string, adapter: CartAdapter, client: Client) {
    let repaired = 0;
    const repeated = new Set(await deps.pulls.pendingAccepts(cartId));
    for (const cartOrderId of repeated) {
      try {
        await adapter.acceptOrder(cartOrderId);
        repaired += 1;
      } catch (err) {
        if (!(err instanceof CartRefusal)) {
          await deps.pulls.deferAccept(cartId, cartOrderId, String(err));
          continue;
        }
        log.warn('The cart withdrew an order we had not accepted yet; cancelling it', {
          cartId,
          cartOrderId,
          error: err.message,
        });
        await client.workflow
          .getHandle(orderWorkflowId(cartId, cartOrderId))
          .signal(cancelSignal, {
            reason: `withdrawn in the cart before it was accepted (${err.message})`,
            source: 'cart',
          })
          .catch((signalErr: unknown) => {
            if (!(signalErr instanceof WorkflowNotFoundError)) throw signalErr;
          });
      }
      await deps.pulls.acceptSettled(cartId, cartOrderId);
    }
    return { repaired, repeated };
  }

  /**
   * The cart cancelled an order no running workflow can take: never pulled (recorded as a skip, so it is accounted
   * for), or already finished (the cart hears whether it ended cancelled).
   */
  async function settleCancellationWithoutWorkflow(
    pulled: Extract<PulledOrder, { kind: 'cancelled' }>,
    cartId: string,
    adapter: CartAdapter,
  ) {
    const [known] = await deps.orders.find(cartId, pulled.cartOrderId);
    if (!known) {
      await deps.pulls.recordSkip({ ...pulled, cartId, rule: 'cancelled in the cart before epf pulled it' });
      await callCart(() =>
        adapter.answerCancellation(pulled.cartOrderId, { accepted: true, reason: 'never sent to the warehouse' }),
      );
      return;
    }
    const accepted = known.status === 'cancelled';
    const reason = accepted ? 'cancelled' : `the order is already ${known.status} at the warehouse`;
    await callCart(() => adapter.answerCancellation(pulled.cartOrderId, { accepted, reason }));
  }
}
