import type { EphemeralServerExecutable } from '@temporalio/testing';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const TOOLS_BIN = join(__dirname, '..', '..', '.tools', 'venv', 'bin');

/** The Temporal CLI (dev server with the Web UI) installed by scripts/bootstrap.mjs, if present. */
export const temporalCliPath = join(TOOLS_BIN, 'temporal');
/** The time-skipping test server installed by scripts/bootstrap.mjs, if present. */
export const temporalTestServerPath = join(TOOLS_BIN, 'temporal-test-server');

/**
 * The binary for @temporalio/testing: ours from .tools/, else the SDK downloads its own (needs internet),
 * which we say once so a slow first start is not a mystery.
 */
export function serverExecutable(path: string, what: string): EphemeralServerExecutable {
  if (existsSync(path)) return { type: 'existing-path', path };
  console.warn(
    `${what} not found at ${path}; the Temporal SDK will download one (run npm run bootstrap to avoid this)`,
  );
  return { type: 'cached-download' };
}
