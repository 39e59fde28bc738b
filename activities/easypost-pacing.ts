import type { EasyPostPacing } from '../src/db/easypost-pacing';
import { EasyPostError } from '../src/easypost';

/**
 * The longest a request waits in the activity for its turn. Beyond it the call fails as rate limited before sending
 * anything, and Temporal retries it when the lane frees up: a long wait inside an attempt could outlast the activity's
 * timeout, and a create sent after its retry had looked for it would be a duplicate.
 */
export const MAX_REQUEST_WAIT_MS = 3_000;

/** A throttle for one merchant's EasyPost client: every request takes the next slot of its `requests` lane. */
export function paceRequests(pacing: EasyPostPacing, merchantId: string, perSecond: number): () => Promise<void> {
  return async () => {
    const slot = await pacing.reserve(merchantId, 'requests', { cost: 1, perSecond, maxWaitMs: MAX_REQUEST_WAIT_MS });
    if (!slot.taken) {
      throw new EasyPostError({
        kind: 'rate_limited',
        message: `merchant ${merchantId} is at its EasyPost rate (${perSecond} requests/s): the next slot is ${Math.ceil(slot.waitMs)} ms away`,
        // Spread so the callers turned away together do not come back together.
        retryAfterMs: Math.ceil(slot.waitMs + Math.random() * 1000),
      });
    }
    if (slot.waitMs > 0) await new Promise((resolve) => setTimeout(resolve, slot.waitMs));
  };
}
