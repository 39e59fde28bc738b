import { setTimeout as sleep } from 'node:timers/promises';

export interface PollOptions {
  /** Default 15 s. */
  timeoutMs?: number;
  /** Default 50 ms. */
  intervalMs?: number;
  /** What was last seen, for the timeout's message, so a failing test says why. */
  describe?: () => string;
}

/** Polls `check` until it holds, or fails after `timeoutMs` saying what it last saw. */
export async function pollUntil(check: () => boolean | Promise<boolean>, options: PollOptions = {}): Promise<void> {
  const { timeoutMs = 15_000, intervalMs = 50, describe } = options;
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs / 1000} s: ${describe?.() ?? 'the condition never held'}`);
    }
    await sleep(intervalMs);
  }
}
