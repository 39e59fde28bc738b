import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docFiles, documentedCommands, documentedScripts, MENTION } from './doc-commands';
import { dryRun, namesCommand, PARSED } from './dry-run';

// "Every command in the docs is exercised": each `epf` command of README.md and docs/*.md is parsed by the real
// command tree, its options validated by commander and the CLI's own parsers, up to its first use of PostgreSQL,
// Temporal or the secret key. No server is needed.
const ROOT = join(__dirname, '..', '..', '..');
const commands = documentedCommands(ROOT);
const checked = commands.filter((command) => command.kind !== 'synopsis');

// What actions read before they reach for the context, under the names the docs use, with contents their own checks
// accept. Any other unreadable file or unset key variable fails the command: a new one needs its placeholder here.
const PLACEHOLDER_FILES = {
  'shop.json': '{}',
  'bc.json': '{}',
  'order.json': '{}',
  'fix.json': '{"shipTo": {"zip": "94107"}}',
};
const PLACEHOLDER_KEY_VARIABLES = ['EASYPOST_TEST_KEY', 'VAR'];

describe('the epf commands in README.md and docs/*.md', () => {
  const cwd = process.cwd();
  const savedEnv = PLACEHOLDER_KEY_VARIABLES.map((name) => [name, process.env[name]] as const);
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'epf-docs-'));
    for (const [name, text] of Object.entries(PLACEHOLDER_FILES)) writeFileSync(join(dir, name), text);
    for (const name of PLACEHOLDER_KEY_VARIABLES) process.env[name] = 'placeholder-key';
    process.chdir(dir);
  });

  afterAll(() => {
    process.chdir(cwd);
    for (const [name, value] of savedEnv) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(checked)('$where: $command', async ({ args, kind }) => {
    // Prose may name a command without its arguments ("add the alias (`epf aliases set`)"); with any, it must run.
    if (kind === 'span' && namesCommand(args)) return;
    expect(await dryRun(args)).toBe(PARSED);
  });

  it('finds a command on every line that mentions one', () => {
    const found = new Set(commands.map((command) => command.where));
    const mentions = docFiles(ROOT).flatMap((file) =>
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .flatMap((line, index) => (MENTION.test(line) ? [`${file}:${index + 1}`] : [])),
    );
    expect(mentions.filter((where) => !found.has(where))).toEqual([]);
  });

  it('runs only npm scripts that package.json has', () => {
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const missing = documentedScripts(ROOT).filter(({ script }) => !(script in scripts));
    expect(missing).toEqual([]);
  });
});
