import { nextDeliveryAt } from './delivery-clock';
import { OrderFailure } from './failure-types';
import type { Cutoffs, Exception, ExceptionMerchant, ExceptionOrder, ExceptionThresholds } from './exceptions';
import { shellWord } from './shell-word';

/** What is wrong with an order and how to fix it, and since when. */
export type Verdict = Pick<Exception, 'kind' | 'reason' | 'fix'> & { since: Date };

/** The order's exception, if it is one: `error` and `cancel_failed` always, waiting states past their threshold. */
export function judgeOrder(
  order: ExceptionOrder,
  merchant: ExceptionMerchant | undefined,
  limits: Cutoffs,
  thresholds: ExceptionThresholds,
): Verdict | undefined {
  const ref = `${shellWord(order.cart_order_number)} --cart ${order.cart_id}`;
  const error = order.last_error ?? 'no reason recorded';
  const cancel = `epf orders cancel ${ref} --reason "..."`;
  // A cancel that could not reach EasyPost: at the warehouse, or (in error) maybe there, after a send whose answer was
  // lost. Asking again is the fix; a retry would send the order the buyer cancelled.
  if (
    order.last_error_type === OrderFailure.CancelFailed &&
    ['error', 'at_wms', 'cancel_failed'].includes(order.status)
  ) {
    return { kind: 'cancel_not_done', reason: error, fix: `ask again: ${cancel}`, since: order.updated_at };
  }
  switch (order.status) {
    case 'error':
      return { ...errorVerdict(order, ref, error), since: order.updated_at };
    case 'cancel_failed':
    case 'at_wms':
      if (order.status === 'cancel_failed') {
        return {
          kind: 'cancel_failed',
          reason: 'EasyPost refused the cancel (already picked): stop it at the warehouse, or let it ship',
          fix: `epf orders show ${ref}; to ask again: ${cancel}`,
          since: order.updated_at,
        };
      }
      if (order.updated_at >= limits.atWmsBefore) return undefined;
      return {
        kind: 'stuck',
        reason: `at the warehouse for over ${thresholds.wmsDays} day(s) without shipping`,
        fix: `ask the warehouse about it; epf orders show ${ref}`,
        since: order.updated_at,
      };
    case 'shipped':
      if (order.last_error === null) return undefined;
      return {
        kind: 'tracking_push_failed',
        reason: `tracking not pushed to the cart: ${error}`,
        fix: `epf orders retry ${ref}`,
        since: order.updated_at,
      };
    case 'on_hold': {
      const heldSince = order.held_since ?? order.updated_at;
      if (heldSince >= limits.heldBefore) return undefined;
      return {
        kind: 'long_hold',
        reason: `on hold for over ${thresholds.holdDays} day(s), ${order.hold_count} hold(s): ${error}`,
        fix: `epf orders retry ${ref}, or ${cancel}`,
        since: heldSince,
      };
    }
    case 'received': {
      const due = nextDeliveryAt(order.received_at, merchant?.settings.orderDelivery ?? { mode: 'immediately' });
      if (due >= limits.stuckBefore) return undefined;
      return {
        kind: 'stuck',
        reason: `due at EasyPost over ${thresholds.stuckHours} hour(s) ago and not sent: is a worker running?`,
        fix: `epf orders show ${ref}, then epf orders retry ${ref}`,
        since: due,
      };
    }
    case 'sending':
      if (order.updated_at >= limits.stuckBefore) return undefined;
      return {
        kind: 'stuck',
        reason: `sending to EasyPost for over ${thresholds.stuckHours} hour(s): EasyPost unreachable, or no worker`,
        fix: `epf orders show ${ref}`,
        since: order.updated_at,
      };
    case 'confirmed':
    case 'cancelled':
    default:
      // Done; and a status this code does not know (the row is read from the database) is nobody's to judge.
      return undefined;
  }
}

const SKU_FIELD = /^lines\[(\d+)\]\.sku$/;
const BARCODE_FIELD = /^line_items\[\d+\]\.product\.barcode$/;

/** An order in `error`: the fix follows from the failure's type and field. */
function errorVerdict(order: ExceptionOrder, ref: string, error: string): Omit<Verdict, 'since'> {
  const field = order.last_error_field;
  const retry = `epf orders retry ${ref}`;
  if (order.last_error_type === OrderFailure.AuthFailed) {
    return {
      kind: 'auth_failed',
      reason: `EasyPost refused the merchant's key: ${error}`,
      fix: `fix the key, then ${retry}`,
    };
  }
  if (field && (SKU_FIELD.test(field) || BARCODE_FIELD.test(field))) {
    const line = SKU_FIELD.exec(field)?.[1];
    // Messages before product sync said `unknown SKU "X"`; orders in error may still carry them.
    const sku =
      quoted(error, /"([^"]*)" has no EasyPost product/) ??
      quoted(error, /unknown SKU "([^"]*)"/) ??
      (line === undefined ? undefined : order.lines?.[+line]?.sku);
    return {
      kind: 'unknown_sku',
      reason: error,
      fix: `epf aliases set ${order.merchant_id} ${sku === undefined ? '<sku>' : shellWord(sku)} <barcode>, then ${retry}`,
    };
  }
  if (field === 'shipMethod') {
    const method = quoted(error, /ship method "([^"]*)"/);
    return {
      kind: 'unmapped_ship_method',
      reason: error,
      fix: `epf ship-methods set ${order.merchant_id} ${method === undefined ? '<cart method>' : shellWord(method)} <service>, then ${retry}`,
    };
  }
  // A named field or a rejected order needs a correction; anything else (EasyPost unreachable for hours) a resend.
  if (field || order.last_error_type === OrderFailure.InvalidOrder) {
    return { kind: 'order_error', reason: error, fix: `epf orders fix ${ref} --file fix.json` };
  }
  return { kind: 'order_error', reason: error, fix: retry };
}

function quoted(message: string, pattern: RegExp): string | undefined {
  return pattern.exec(message)?.[1];
}
