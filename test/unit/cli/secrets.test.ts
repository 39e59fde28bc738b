import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliError } from '../../../src/cli/errors';
import { readSecret } from '../../../src/cli/secrets';

describe('readSecret', () => {
  const dir = mkdtempSync(join(tmpdir(), 'epf-secrets-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a variable or a file, trimmed; no source is no secret', () => {
    const file = join(dir, 'key');
    writeFileSync(file, 'EZTK-file\n');
    expect(readSecret({ env: 'KEY' }, '--test-key', { KEY: ' EZTK-env ' })).toBe('EZTK-env');
    expect(readSecret({ file }, '--test-key')).toBe('EZTK-file');
    expect(readSecret({}, '--test-key')).toBeUndefined();
  });

  it('names the option and the source, never a value', () => {
    expect(() => readSecret({ env: 'KEY' }, '--test-key', {})).toThrow(
      new CliError('--test-key-env: environment variable KEY is not set'),
    );
    expect(() => readSecret({ file: join(dir, 'missing') }, '--production-key')).toThrow(
      /^--production-key-file: cannot read .*missing \(ENOENT\)$/,
    );
  });
});
