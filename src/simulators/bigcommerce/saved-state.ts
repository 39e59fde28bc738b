import { z } from 'zod';
import type { KeepStateOptions } from '../shared/state-file';
import type { StoreKeys } from './control';
import { seedBigCommerceDemo } from './demo';
import { storeRegistrySnapshotSchema, type StoreRegistrySnapshot } from './state';
import type { RunningBigCommerceSimulator } from '.';

const storeKeysSchema: z.ZodType<StoreKeys> = z.object({
  store: z.string().min(1),
  api_url: z.string(),
  access_token: z.string().min(1),
});

/** What a BigCommerce state file holds: the demo store's keys and every store with the ID counters. */
export const bigCommerceStateSchemas = { demo: storeKeysSchema, state: storeRegistrySnapshotSchema };

/** How the process keeps `simulator` in `file` (main.ts), seeding the demo store when there is none. */
export function keptBigCommerceState(
  simulator: RunningBigCommerceSimulator,
  file: string | undefined,
): KeepStateOptions<StoreKeys, StoreRegistrySnapshot> {
  return {
    simulator: 'bigcommerce',
    file,
    snapshot: simulator.snapshot,
    restore: simulator.restore,
    seed: () => seedBigCommerceDemo(simulator.control),
    schemas: bigCommerceStateSchemas,
  };
}
