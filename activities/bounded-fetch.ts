import { NotSentError } from '../src/net/not-sent';
import { attemptDeadline } from './attempt-deadline';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * `fetch` bound to the current activity attempt, for every EasyPost and cart call: the request ends when the attempt
 * is cancelled or reaches its deadline before the answer comes, whatever its own timeout (the body is then read
 * within the client's own timeout). A write (any method but a read, which covers
 * GraphQL too) is not sent at all when less than `writeTimeoutMs` is left, so a create never outlives the attempt
 * that sent it: Temporal's retry of a timed-out attempt could otherwise look the order up while it is still on its
 * way, and create it again. Outside an activity it is `base` unchanged.
 */
export function boundedFetch(base: typeof fetch, writeTimeoutMs: number): typeof fetch {
  return async (input, init = {}) => {
    const attempt = attemptDeadline();
    if (!attempt) return base(input, init);
    if (attempt.signal.aborted) throw new NotSentError('not sent: the attempt was cancelled');
    const leftMs = attempt.deadline - Date.now();
    const method = (init.method ?? 'GET').toUpperCase();
    const needsMs = READ_METHODS.has(method) ? 0 : writeTimeoutMs;
    if (leftMs <= needsMs) {
      throw new NotSentError(
        `not sent: ${Math.max(0, Math.round(leftMs))} ms left in this attempt, ` +
          (needsMs > 0 ? `a ${method} may take ${needsMs} ms` : 'none to wait for an answer'),
      );
    }
    // Its own controller, not AbortSignal.any over the attempt's signal: a long activity makes many calls, and each
    // would leave a listener on that signal until the attempt ends.
    const ended = new AbortController();
    const cancel = () => ended.abort(attempt.signal.reason);
    attempt.signal.addEventListener('abort', cancel, { once: true });
    const deadline = setTimeout(
      () => ended.abort(new DOMException('The attempt reached its deadline', 'TimeoutError')),
      leftMs,
    );
    try {
      return await base(input, {
        ...init,
        signal: init.signal ? AbortSignal.any([ended.signal, init.signal]) : ended.signal,
      });
    } finally {
      clearTimeout(deadline);
      attempt.signal.removeEventListener('abort', cancel);
    }
  };
}
