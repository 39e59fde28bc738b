import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config/config-error';
import type { DevConfig } from './config';

/** Temporal's state under .data/ (the dev server's SQLite file, and its journal files beside it). */
export const TEMPORAL_DB = 'temporal.db';

/** `--fresh` empties only what the stack owns: a database named by DATABASE_URL is the user's. */
export function assertFreshAllowed(config: DevConfig): void {
  if (config.DATABASE_URL) {
    throw new ConfigError(
      '--fresh drops the embedded database, not the one DATABASE_URL names: empty that one yourself, or unset DATABASE_URL',
    );
  }
}

/** Deletes Temporal's workflows, history and schedules; the launcher then recreates the schedules. */
export function forgetTemporalState(dataDir: string): void {
  for (const name of readdirSync(dataDir)) {
    if (name.startsWith(TEMPORAL_DB)) rmSync(join(dataDir, name), { force: true });
  }
}
