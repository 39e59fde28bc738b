import { createOrderIndex, type OrderRow } from '../../db/orders';
import { orderDetails, type OrderDetails } from '../../orders/order-details';
import type { TrackingPushRow } from '../../orders/tracking-pushes';
import type { FilteredLine } from '../../domain/item-filter';
import type { CliContext } from '../context';
import { formatFields, formatTable, formatTime, printJson } from '../format';
import { resolveOrder } from '../order-ref';

/** `epf orders show`: the index row, the workflow's live status and the tracking pushes. */
export async function showOrder(ctx: CliContext, ref: string, options: { cart?: string; json?: boolean }) {
  const pool = await ctx.pool();
  const row = await resolveOrder(createOrderIndex(pool), ref, options.cart);
  const details = await orderDetails(pool, async () => (await ctx.temporal()).client, row);
  if (options.json) printJson(details);
  else {
    const parts = [formatIndexRow(row), formatLive(details), formatTracking(details.trackingPushes)];
    if (details.filteredLines.length > 0) parts.push(formatFiltered(details.filteredLines));
    console.log(parts.join('\n\n'));
  }
}

function formatIndexRow(row: OrderRow): string {
  return formatFields([
    ['order', `${row.cart_order_number} (cart ${row.cart_id}, id ${row.cart_order_id})`],
    ['merchant', row.merchant_id],
    ['workflow', row.workflow_id],
    ['status', row.status],
    ['EasyPost order', row.easypost_order_id ?? undefined],
    ['warehouse', row.warehouse_id ?? undefined],
    ['holds', row.hold_count],
    ['next resend', formatTime(row.next_resend_at)],
    ['last error', row.last_error ?? undefined],
    ['received', formatTime(row.received_at)],
    ['updated', formatTime(row.updated_at)],
  ]);
}

function formatLive({ live: view, liveUnavailable }: OrderDetails): string {
  if (!view) return `Live status unavailable: ${liveUnavailable}`;
  const error = view.lastError && `${view.lastError.field ? `${view.lastError.field}: ` : ''}${view.lastError.message}`;
  const shipments = view.shipments.map((s) => `${s.carrier} ${s.trackingCode} (${s.shippedAt})`).join(', ');
  return [
    'Live (workflow status query):',
    formatFields([
      ['status', view.status],
      ['EasyPost order', view.easyPostOrderId],
      ['warehouse', view.warehouseId],
      ['chosen warehouse', view.chosenWarehouseId],
      ['holds', view.holdCount],
      ['next resend', formatTime(view.nextResendAt)],
      ['last error', error],
      ['cancel reason', view.cancelReason],
      ['shipments', shipments || undefined],
    ]),
  ].join('\n');
}

function formatTracking(pushes: TrackingPushRow[]): string {
  if (pushes.length === 0) return 'No tracking sent to the cart yet.';
  const rows = pushes.map((p) => [
    p.shipmentId,
    p.carrier,
    p.trackingCode,
    p.trackingUrl ?? undefined,
    formatTime(p.pushedAt),
  ]);
  return ['Tracking sent to the cart:', formatTable(['SHIPMENT', 'CARRIER', 'TRACKING', 'URL', 'PUSHED'], rows)].join(
    '\n',
  );
}

function formatFiltered(lines: FilteredLine[]): string {
  const rows = lines.map((line) => [line.lineId, line.sku, String(line.quantity), line.reason]);
  return ["Not sent (the cart's item filter):", formatTable(['LINE', 'SKU', 'QTY', 'REASON'], rows)].join('\n');
}
