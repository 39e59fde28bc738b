import type { CartFailure } from '../db/cart-failures';
import type { Exception } from '../domain/exceptions';
import { shellWord } from '../domain/shell-word';
import { inventoryPushScheduleId, pullScheduleId } from '../../workflows/definitions';

/** Failed attempts in a row (about 20 minutes of a pull's retries) before a failing cart needs a person. */
export const CART_FAILURES_BEFORE_EXCEPTION = 10;

const WHAT = { pull: 'order pull', inventory_push: 'stock push' } as const;
const SCHEDULE = { pull: pullScheduleId, inventory_push: inventoryPushScheduleId } as const;

/**
 * A cart that refuses our credentials needs a person at once; one whose pulls or pushes keep failing for another
 * reason, after `CART_FAILURES_BEFORE_EXCEPTION` attempts in a row. Either way the merchant's orders or stock stop
 * moving, whatever EasyPost does.
 */
export function cartFailureExceptions(failures: CartFailure[]): Exception[] {
  return failures.flatMap((failure): Exception[] => {
    const since = failure.firstFailedAt.toISOString();
    const what = WHAT[failure.operation];
    const retry = `epf schedules trigger ${SCHEDULE[failure.operation](failure.cartId)}`;
    const common = { merchantId: failure.merchantId, cartId: failure.cartId, since };
    if (failure.auth) {
      return [
        {
          ...common,
          key: `cart_auth_failed:${failure.cartId}:${failure.operation}:${since}`,
          kind: 'cart_auth_failed',
          reason: `the ${failure.cartType} cart ${failure.cartId} refused epf's credentials on its ${what}: ${failure.lastError}`,
          fix:
            `epf carts add ${failure.cartId} --merchant ${failure.merchantId} --type ${failure.cartType} ` +
            `--name ${shellWord(failure.cartName)} --credentials-file <new credentials.json>, then ${retry}`,
        },
      ];
    }
    if (failure.consecutive < CART_FAILURES_BEFORE_EXCEPTION) return [];
    return [
      {
        ...common,
        key: `cart_failing:${failure.cartId}:${failure.operation}:${since}`,
        kind: 'cart_failing',
        reason: `${failure.consecutive} ${what} attempts of cart ${failure.cartId} failed in a row: ${failure.lastError}`,
        fix: `check that the ${failure.cartType} store answers (its URL, its status page), then ${retry}`,
      },
    ];
  });
}
