/**
 * Collects the process's unhandled rejections while a fuzz file runs: a boundary that leaves a promise rejected
 * and unawaited crashes a worker in production, even when the call that spawned it answered cleanly.
 */
export function collectUnhandledRejections(): unknown[] {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => seen.push(reason);
  beforeAll(() => process.on('unhandledRejection', listener));
  afterAll(() => {
    process.off('unhandledRejection', listener);
    expect(seen).toEqual([]);
  });
  return seen;
}
