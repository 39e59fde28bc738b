/** One-shot events by key, that may fire before anyone waits: the driver's view of what the worker did. */
export interface Latches<T> {
  fire(key: string, value: T): void;
  /** The value and the time (performance.now()) it fired; rejects after `timeoutMs` naming the key. */
  wait(key: string, timeoutMs: number): Promise<{ value: T; at: number }>;
}

export function createLatches<T>(what: string): Latches<T> {
  const entries = new Map<
    string,
    { promise: Promise<{ value: T; at: number }>; resolve(v: { value: T; at: number }): void }
  >();
  const entry = (key: string) => {
    let found = entries.get(key);
    if (!found) {
      let resolve!: (v: { value: T; at: number }) => void;
      const promise = new Promise<{ value: T; at: number }>((r) => (resolve = r));
      found = { promise, resolve };
      entries.set(key, found);
    }
    return found;
  };
  return {
    fire(key, value) {
      entry(key).resolve({ value, at: performance.now() });
    },
    async wait(key, timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${key}: not ${what} within ${timeoutMs / 1000} s`)), timeoutMs);
      });
      try {
        return await Promise.race([entry(key).promise, timeout]);
      } finally {
        clearTimeout(timer);
        entries.delete(key);
      }
    },
  };
}
