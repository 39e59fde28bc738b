import type { Parameters } from 'fast-check';

/** Cases per property: 200 inside `npm test`, 10,000 under `npm run fuzz` (or whatever FUZZ_RUNS says). */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 200);

/** fast-check's parameters for every property; FUZZ_SEED replays a failure fast-check reported. */
export const fuzzParams: Parameters<unknown> = {
  numRuns: FUZZ_RUNS,
  ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}),
};

/** A test's timeout at `msPerCase` (a generous estimate): the full run must not trip the CI-sized default. */
export const fuzzTimeout = (msPerCase: number): number => Math.max(60_000, FUZZ_RUNS * msPerCase * 4);
