import type { EasyPostSimControl } from './control';
import type { AdvanceInput } from './control-schemas';
import type { Ledger, Order, SimStore } from './state';

/**
 * The warehouse working on its own, as the local demo needs it: every accepted order is picked, packed and shipped
 * `afterMs` after it was committed, with a tracking number. Off unless a simulator is started with it, so tests that
 * advance orders through the control API see no shipment they did not ask for.
 */
export interface AutoShipOptions {
  /** How long after its commit an accepted order ships. */
  afterMs: number;
  /**
   * Every `splitEvery`-th order with more than one line (counted per account and mode, in commit order) ships as two
   * packages: its first line, then the rest `splitGapMs` later. 0 never splits; default 3: in the local demo, the
   * first order released from hold (after the two gift sets), whose lines are separate cart lines.
   */
  splitEvery?: number;
  /** Between a split's two packages; default `afterMs / 2`. */
  splitGapMs?: number;
  /** Told each order it ships (the demo's log); default silent. */
  log?: (line: string) => void;
}

type Step = Omit<AdvanceInput, 'api_key'>;

/** Starts shipping due orders through the control (the same path as `POST /__sim/orders/:id/advance`); returns stop. */
export function startAutoShip(store: SimStore, control: EasyPostSimControl, options: AutoShipOptions): () => void {
  // Often enough that an order ships within a quarter of its delay of being due, at most once a second.
  const everyMs = Math.min(1000, Math.max(25, options.afterMs / 4));
  const timer = setInterval(() => shipDueOrders(store, control, options), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

function shipDueOrders(store: SimStore, control: EasyPostSimControl, options: AutoShipOptions): void {
  const now = Date.now();
  for (const [apiKey, ledger] of store.allLedgers()) {
    const splitEvery = options.splitEvery ?? 3;
    let multiLine = 0;
    for (const order of ledger.orders.values()) {
      if (order.line_items.length > 1) multiLine += 1;
      const split = order.line_items.length > 1 && splitEvery > 0 && multiLine % splitEvery === 0;
      const step = dueStep(ledger, order, split, options, now);
      if (!step) continue;
      try {
        const shipped = control.advanceOrder(order.id, { api_key: apiKey, ...step });
        const codes = shipped.trackers.map((tracker) => tracker.tracking_code).join(', ');
        options.log?.(`auto-ship: ${order.id} ${shipped.status} (${shipped.trackers.length} package(s): ${codes})`);
      } catch (err) {
        // One order the control refuses must not stop the others, nor the sweep.
        console.error(`auto-ship: ${order.id} not shipped: ${(err as Error).message}`);
      }
    }
  }
}

/** What to do with the order now: ship it (whole, or its first line of a split), ship what is left, or nothing. */
function dueStep(
  ledger: Ledger,
  order: Order,
  split: boolean,
  options: AutoShipOptions,
  now: number,
): Step | undefined {
  if (order.status === 'created') {
    const committedAt = ledger.committedAt.get(order.id) ?? order.created_at * 1000;
    if (now < committedAt + options.afterMs) return undefined;
    const first = order.line_items[0]!;
    return split
      ? { to: 'shipped', shipments: [{ line_items: [{ barcode: first.product.barcode, units: first.units }] }] }
      : { to: 'shipped' };
  }
  // The second package of a split (or of an order someone picked by hand): everything left, in one package.
  const gapMs = options.splitGapMs ?? options.afterMs / 2;
  if (order.status === 'picked' && now >= order.updated_at * 1000 + gapMs) return { to: 'shipped' };
  return undefined;
}
