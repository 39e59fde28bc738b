import { describeProblems, parseCartOrder, type CartOrder } from '../src/domain/order';
import type { OrderFix } from './definitions';

/** The order with the operator's corrections applied; throws naming each bad field when the result is invalid. */
export function applyFix(order: CartOrder, fix: OrderFix): CartOrder {
  const unknownLines = Object.keys(fix.skus ?? {}).filter((lineId) => !order.lines.some((l) => l.lineId === lineId));
  if (unknownLines.length > 0) {
    throw new Error(`skus: no line with id ${unknownLines.map((id) => `"${id}"`).join(', ')} in this order`);
  }
  const candidate = {
    ...order,
    shipTo: { ...order.shipTo, ...fix.shipTo },
    lines: order.lines.map((line) => ({ ...line, sku: fix.skus?.[line.lineId] ?? line.sku })),
    shipMethod: fix.shipMethod ?? order.shipMethod,
    note: fix.note ?? order.note,
  };
  const parsed = parseCartOrder(candidate);
  if (!parsed.ok) throw new Error(describeProblems(parsed.problems));
  return parsed.order;
}
