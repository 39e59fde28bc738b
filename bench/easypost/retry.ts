import { setTimeout as sleep } from 'node:timers/promises';
import { EasyPostError } from '../../src/easypost';

/** The shape of a Temporal activity retry policy, scaled down so a bench run takes seconds. */
export interface RetryPolicy {
  initialIntervalMs: number;
  backoffCoefficient: number;
  maximumIntervalMs: number;
  maximumAttempts: number;
  /** Retry-After is honoured up to this, so an injected `retry_after_s: 1` does not stall the bench. */
  retryAfterCapMs: number;
}

export type RetryOutcome<T> =
  { ok: true; value: T; attempts: number } | { ok: false; error: unknown; attempts: number };

/**
 * Runs `attempt` the way Temporal runs an activity: retryable EasyPostErrors are retried with exponential backoff
 * (or Retry-After), anything else ends the run. Only the bench uses this; in epf the retry policy is Temporal's.
 */
export async function retryLikeTemporal<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  policy: RetryPolicy,
): Promise<RetryOutcome<T>> {
  for (let attempts = 1; ; attempts += 1) {
    try {
      return { ok: true, value: await attempt(attempts), attempts };
    } catch (error) {
      if (!(error instanceof EasyPostError) || !error.retryable || attempts >= policy.maximumAttempts) {
        return { ok: false, error, attempts };
      }
      const backoff = Math.min(
        policy.maximumIntervalMs,
        policy.initialIntervalMs * policy.backoffCoefficient ** (attempts - 1),
      );
      const delay = error.retryAfterMs === undefined ? backoff : Math.min(error.retryAfterMs, policy.retryAfterCapMs);
      // Jitter keeps the retries of orders that failed together from arriving together.
      await sleep(delay * (0.5 + Math.random() / 2));
    }
  }
}
