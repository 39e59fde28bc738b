import { OrderFailure } from '../domain/failure-types';

/** What went wrong with an EasyPost call, in the terms the order workflow acts on. */
export type EasyPostErrorKind =
  | 'insufficient_inventory' // 422: stock short; nothing was created, the order goes on hold
  | 'invalid_data' // 400/422: address, unknown barcode, service... needs a data or config fix
  | 'auth' // 401/403: wrong or disabled key; alert, never retried hot
  | 'not_found' // 404: unknown id in the path
  | 'cancel_refused' // 422: the order is already picked or shipped
  | 'rate_limited' // 429: retry after `retryAfterMs`
  | 'transient' // 5xx, timeout, connection reset, unreadable 2xx body
  | 'lookup_inconclusive'; // a marker lookup spent its page budget: we cannot say the order is absent

/** Temporal `ApplicationFailure` types, one per kind, so activities and workflows branch on a name. */
const FAILURE_TYPE: Record<EasyPostErrorKind, OrderFailure> = {
  insufficient_inventory: OrderFailure.EasyPostInsufficientInventory,
  invalid_data: OrderFailure.EasyPostInvalidData,
  auth: OrderFailure.EasyPostAuth,
  not_found: OrderFailure.EasyPostNotFound,
  cancel_refused: OrderFailure.EasyPostCancelRefused,
  rate_limited: OrderFailure.EasyPostRateLimited,
  transient: OrderFailure.EasyPostTransient,
  lookup_inconclusive: OrderFailure.EasyPostLookupInconclusive,
};

// Only these clear up by themselves; everything else needs a person, new stock or a different request.
const RETRYABLE: ReadonlySet<EasyPostErrorKind> = new Set(['rate_limited', 'transient']);

export interface EasyPostErrorInit {
  kind: EasyPostErrorKind;
  message: string;
  /** True when the request may have been committed although we got no usable answer. */
  ambiguous?: boolean;
  status?: number;
  code?: string;
  field?: string;
  retryAfterMs?: number;
  cause?: unknown;
}

/** The one error type the EasyPost client throws; `kind` says what to do about it. */
export class EasyPostError extends Error {
  override readonly name = 'EasyPostError';
  readonly kind: EasyPostErrorKind;
  readonly retryable: boolean;
  readonly ambiguous: boolean;
  readonly failureType: OrderFailure;
  readonly status?: number;
  readonly code?: string;
  readonly field?: string;
  readonly retryAfterMs?: number;

  constructor(init: EasyPostErrorInit) {
    super(init.message, { cause: init.cause });
    this.kind = init.kind;
    this.retryable = RETRYABLE.has(init.kind);
    this.ambiguous = init.ambiguous ?? false;
    this.failureType = FAILURE_TYPE[init.kind];
    this.status = init.status;
    this.code = init.code;
    this.field = init.field;
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** The simulator's (and our assumed) code for a `warehouse_id` naming no usable warehouse: the field itself is taken. */
export const INVALID_WAREHOUSE_CODE = 'ORDER.WAREHOUSE_ID.INVALID';

/**
 * EasyPost refused the `warehouse_id` field of an order create itself (an assumed field, docs/easypost-api.md §4): a
 * 4xx naming it, other than an unknown or disabled warehouse. The account takes no routing; the order can go without.
 */
export function refusesWarehouseField(err: unknown): boolean {
  if (!(err instanceof EasyPostError) || err.kind !== 'invalid_data' || err.code === INVALID_WAREHOUSE_CODE)
    return false;
  return err.field === undefined ? /\bwarehouse_id\b/.test(err.message) : err.field === 'warehouse_id';
}
