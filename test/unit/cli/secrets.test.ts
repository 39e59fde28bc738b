import { PassThrough } from 'node:stream';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliError } from '../../../src/cli/errors';
import { promptSecrets, readSecret } from '../../../src/cli/secrets';

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

describe('promptSecrets', () => {
  it('asks for each secret in turn on the output and reads one line each, never writing the value', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (chunk) => (shown += chunk));
    input.end('EZTK-one\n  EZAK-two  \n');
    const values = await promptSecrets(
      [
        { label: 'EasyPost test key', option: '--test-key-prompt' },
        { label: 'EasyPost production key', option: '--production-key-prompt' },
      ],
      input,
      output,
    );
    expect(values).toEqual(['EZTK-one', 'EZAK-two']);
    expect(shown).toBe('EasyPost test key: \nEasyPost production key: \n');
  });

  it('names the option when nothing is entered', async () => {
    const input = new PassThrough();
    input.end('\n');
    await expect(
      promptSecrets([{ label: 'EasyPost test key', option: '--test-key-prompt' }], input, new PassThrough()),
    ).rejects.toThrow('--test-key-prompt: no EasyPost test key entered');
  });
});
