import { MockActivityEnvironment } from '@temporalio/testing';
import { boundedFetch } from '../../../activities/bounded-fetch';
import { DEADLINE_MARGIN_MS } from '../../../activities/attempt-deadline';
import { NotSentError } from '../../../src/net/not-sent';

// Every EasyPost and cart call inside an activity is bound to its attempt: a write that could not finish before the
// attempt's deadline is not sent, and nothing outlives the attempt (its deadline or its cancellation).

/** A fetch that records what it was asked and answers when `answer` says (or when aborted). */
function recordingFetch(answer: () => Promise<Response> = async () => new Response('{}')) {
  const calls: { method: string; signal: AbortSignal | undefined }[] = [];
  const fetch: typeof globalThis.fetch = async (_input, init) => {
    calls.push({ method: init?.method ?? 'GET', signal: init?.signal ?? undefined });
    return new Promise((resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(init.signal!.reason));
      answer().then(resolve, reject);
    });
  };
  return { fetch, calls };
}

const inAttempt = (startToCloseTimeoutMs: number) => new MockActivityEnvironment({ startToCloseTimeoutMs });

describe('boundedFetch', () => {
  it('sends a write when its whole timeout fits before the attempt’s deadline', async () => {
    const { fetch, calls } = recordingFetch();
    const bounded = boundedFetch(fetch, 20_000);
    await inAttempt(60_000).run(() => bounded('http://easypost.test/orders', { method: 'POST' }));
    expect(calls).toHaveLength(1);
  });

  it('does not send a write that could outlive the attempt: the retry could create it again', async () => {
    const { fetch, calls } = recordingFetch();
    const bounded = boundedFetch(fetch, 20_000);
    const attempt = inAttempt(20_000 + DEADLINE_MARGIN_MS - 1);
    await expect(attempt.run(() => bounded('http://easypost.test/orders', { method: 'POST' }))).rejects.toThrow(
      NotSentError,
    );
    // A read has nothing to commit: it goes, cut at the deadline.
    await attempt.run(() => bounded('http://easypost.test/orders'));
    expect(calls.map((call) => call.method)).toEqual(['GET']);
  });

  it('ends a call in flight when the attempt is cancelled', async () => {
    const { fetch } = recordingFetch(() => new Promise(() => undefined));
    const bounded = boundedFetch(fetch, 20_000);
    const attempt = inAttempt(60_000);
    const call = attempt.run(() => bounded('http://shop.test/graphql.json', { method: 'POST' }));
    setTimeout(() => attempt.cancel('CANCELLED'), 10);
    await expect(call).rejects.toBeDefined();
  });

  it('ends a call in flight at the attempt’s deadline, whatever the client’s own timeout', async () => {
    const { fetch } = recordingFetch(() => new Promise(() => undefined));
    const bounded = boundedFetch(fetch, 0);
    const started = Date.now();
    await expect(
      inAttempt(DEADLINE_MARGIN_MS + 300).run(() =>
        bounded('http://easypost.test/orders', { signal: AbortSignal.timeout(60_000) }),
      ),
    ).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('is plain fetch outside an activity (the CLI, a test)', async () => {
    const { fetch, calls } = recordingFetch();
    await boundedFetch(fetch, 20_000)('http://easypost.test/orders', { method: 'POST' });
    expect(calls).toHaveLength(1);
  });
});
