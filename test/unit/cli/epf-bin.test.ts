import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SHIM = join(__dirname, '..', '..', '..', 'bin', 'epf.mjs');

/** Runs the `epf` shim as npm would link it: from a directory outside the checkout. */
function runShim(path: string, args: string[], cwd: string) {
  return spawnSync(path, args, { cwd, encoding: 'utf8', env: { PATH: process.env.PATH }, timeout: 30_000 });
}

describe('the epf bin shim', () => {
  let elsewhere: string;
  beforeAll(() => (elsewhere = mkdtempSync(join(tmpdir(), 'epf-bin-'))));
  afterAll(() => rmSync(elsewhere, { recursive: true, force: true }));

  it('runs the CLI from any directory', () => {
    const run = runShim(SHIM, ['--help'], elsewhere);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: epf');
  });

  it('runs through a symlink, as npm link and node_modules/.bin make it', () => {
    const link = join(elsewhere, 'epf');
    symlinkSync(SHIM, link);
    const run = runShim(link, ['orders', '--help'], elsewhere);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: epf orders');
  });

  it('keeps the CLI exit code of a usage error', () => {
    expect(runShim(SHIM, ['no-such-command'], elsewhere).status).toBe(2);
  });
});
