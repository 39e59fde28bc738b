import { bundleWorkflowCode } from '@temporalio/worker';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The bundle entry: every workflow the worker registers. */
export const WORKFLOWS_PATH = join(__dirname, '..', '..', 'workflows', 'index.ts');

/** The workflow code, bundled without webpack's progress lines (for a worker's `workflowBundle`). */
export async function bundleWorkflows(): Promise<{ code: string }> {
  return bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quietBundlerLogger });
}

/** Bundles the workflow code once and writes it to `outPath` (for production workers and the test run). */
export async function writeWorkflowBundle(outPath: string): Promise<void> {
  const { code } = await bundleWorkflows();
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, code);
}

// Webpack's progress lines are noise in test and build output; warnings and errors still show.
const quietBundlerLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
};
