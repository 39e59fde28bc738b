import { NotSentError } from '../src/net/not-sent';
import { attemptDeadline } from './attempt-deadline';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * `fetch` bound to the current activity attempt, for every EasyPost and cart call: the request ends when the attempt
 * is cancelled or reaches its deadline, whatever its own timeout. A write (any method but a read, which covers
 * GraphQL too) is not sent at all when less than `writeTimeoutMs` is left, so a create never outlives the attempt
 * that sent it: Temporal's retry of a timed-out attempt could otherwise look the order up while it is still on its
 * way, and create it again. Outside an activity it is `base` unchanged.
 */
export function boundedFetch(base: typeof fetch, writeTimeoutMs: number): typeof fetch {
  return async (input, init = {}) => {
    const attempt = attemptDeadline();
    if (!attempt) return base(input, init);
    const leftMs = attempt.deadline - Date.now();
    const method = (init.method ?? 'GET').toUpperCase();
    const needsMs = READ_METHODS.has(method) ? 0 : writeTimeoutMs;
    if (leftMs <= needsMs) {
      throw new NotSentError(
        `not sent: ${Math.max(0, Math.round(leftMs))} ms left in this attempt, ` +
          (needsMs > 0 ? `a ${method} may take ${needsMs} ms` : 'none to wait for an answer'),
      );
    }
    const signals = [attempt.signal, AbortSignal.timeout(leftMs), ...(init.signal ? [init.signal] : [])];
    return base(input, { ...init, signal: AbortSignal.any(signals) });
  };
}
