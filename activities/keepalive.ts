import { Context } from '@temporalio/activity';

/** How often a long activity heartbeats while it works, whatever it waits for (a cart or EasyPost call, the pacing). */
export const KEEPALIVE_MS = 3_000;

/**
 * Runs `work` with a heartbeat every KEEPALIVE_MS, so the activity's heartbeat timeout (15 s) only catches a dead
 * worker, quickly, while the HTTP timeouts bound a live one. A page on a SIGKILLed worker is retried within seconds
 * instead of after the start-to-close timeout.
 */
export async function withKeepalive<T>(work: () => Promise<T>): Promise<T> {
  const context = Context.current();
  const keepalive = setInterval(() => context.heartbeat(), KEEPALIVE_MS);
  try {
    return await work();
  } finally {
    clearInterval(keepalive);
  }
}
