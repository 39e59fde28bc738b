import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config/config-error';
import type { DevConfig } from './config';
import { simulatorStateFile } from './services';

/** Temporal's state under .data/ (the dev server's SQLite file, and its journal files beside it). */
const TEMPORAL_DB = 'temporal.db';

/** `--fresh` empties only what the stack owns: a database named by DATABASE_URL is the user's. */
export function assertFreshAllowed(config: DevConfig): void {
  if (config.DATABASE_URL) {
    throw new ConfigError(
      '--fresh drops the embedded database, not the one DATABASE_URL names: empty that one yourself, or unset DATABASE_URL',
    );
  }
}

/** Deletes Temporal's workflows, history and schedules, and the simulators' kept state (the launcher drops epf's database). */
export function forgetKeptState(dataDir: string): void {
  for (const name of readdirSync(dataDir)) {
    if (name.startsWith(TEMPORAL_DB)) rmSync(join(dataDir, name), { force: true });
  }
  rmSync(join(dataDir, 'simulators'), { recursive: true, force: true });
}

/**
 * True when Temporal kept orders but the EasyPost simulator kept nothing (its state file was deleted, or written by
 * no earlier run): those orders point at EasyPost orders that no longer exist.
 */
export function ordersWithoutSimulatorState(dataDir: string): boolean {
  return existsSync(join(dataDir, TEMPORAL_DB)) && !existsSync(simulatorStateFile(dataDir, 'easypost'));
}
