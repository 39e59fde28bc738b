import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { TEST_SECRET_KEY } from '../../helpers/database';
import { testEnv } from '../../setup/test-env-vars';

const ROOT = join(__dirname, '..', '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = join(ROOT, 'src', 'cli', 'main.ts');

export interface EpfRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `epf` as a process against the run's database and dev server, starting workflows on `taskQueue`. */
export function runEpf(
  taskQueue: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; stdin?: string } = {},
): Promise<EpfRun> {
  const child = spawn(TSX, [MAIN, ...args], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: testEnv('databaseUrl'),
      EPF_SECRET_KEY: TEST_SECRET_KEY,
      TEMPORAL_ADDRESS: testEnv('devServerAddress'),
      TEMPORAL_TASK_QUEUE: taskQueue,
      ...options.env,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdin.end(options.stdin ?? '');
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}
