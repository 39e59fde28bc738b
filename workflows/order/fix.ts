import { describeProblems, parseCartOrder, type CartOrder, type OrderDraft } from '../../src/domain/order';
import type { OrderFix } from '../definitions';

/**
 * The order with the operator's corrections applied; throws naming each bad field when the result is still invalid.
 * Works on drafts too: a malformed cart order is fixed the same way as a valid one.
 */
export function applyFix(draft: OrderDraft | CartOrder, fix: OrderFix): CartOrder {
  const lines: unknown[] = Array.isArray(draft.lines) ? draft.lines : [];
  const lineIdOf = (line: unknown) => (isRecord(line) && typeof line.lineId === 'string' ? line.lineId : undefined);
  const unknownLines = Object.keys(fix.skus ?? {}).filter((lineId) => !lines.some((line) => lineIdOf(line) === lineId));
  if (unknownLines.length > 0) {
    throw new Error(`skus: no line with id ${unknownLines.map((id) => `"${id}"`).join(', ')} in this order`);
  }
  const candidate = {
    ...draft,
    shipTo: { ...(isRecord(draft.shipTo) ? draft.shipTo : {}), ...fix.shipTo },
    lines: lines.map((line) => {
      const replacement = fix.skus?.[lineIdOf(line) ?? ''];
      return replacement && isRecord(line) ? { ...line, sku: replacement } : line;
    }),
    shipMethod: fix.shipMethod ?? draft.shipMethod,
    note: fix.note ?? draft.note,
  };
  const parsed = parseCartOrder(candidate);
  if (!parsed.ok) throw new Error(describeProblems(parsed.problems));
  return parsed.order;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
