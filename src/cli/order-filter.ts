import { Option } from 'commander';
import type { OrderFilter } from '../db/orders';
import { ORDER_STATUSES, type OrderStatus } from '../domain/order-status';
import { parseSince } from './parsers';

/** The filter options of `orders list`, `export` and the bulk `retry` and `cancel`, as commander parses them. */
export interface OrderFilterOptions {
  status?: OrderStatus;
  merchant?: string;
  cart?: string;
  since?: Date;
}

/** `--status`, `--merchant`, `--cart` and `--since`; fresh options per command (commander keeps state on them). */
export function orderFilterOptions(): Option[] {
  return [
    new Option('--status <status>', 'only this status').choices(ORDER_STATUSES),
    new Option('--merchant <id>', 'only this merchant'),
    new Option('--cart <id>', 'only this cart'),
    // Wrapped: commander passes the previous value as a second argument, which parseSince would take for `now`.
    new Option('--since <when>', 'updated since an ISO date or an age (30m, 12h, 7d)').argParser((value) =>
      parseSince(value),
    ),
  ];
}

/** The orders index's filter of those options. */
export function orderFilterOf(options: OrderFilterOptions): Omit<OrderFilter, 'limit'> {
  return { status: options.status, merchantId: options.merchant, cartId: options.cart, since: options.since };
}
