import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Workflow code imports src/domain, so it must stay deterministic and free of Node: checked here at the source.
const dir = join(__dirname, '../../../src/domain');
const files = readdirSync(dir).filter((name) => name.endsWith('.ts'));

describe('src/domain is safe for the workflow sandbox', () => {
  it.each(files)('%s imports only zod and its siblings', (name) => {
    const source = readFileSync(join(dir, name), 'utf8');
    const specifiers = [...source.matchAll(/\bfrom\s+'([^']+)'/g)].map((m) => m[1]);
    for (const specifier of specifiers) expect(specifier).toMatch(/^(zod|\.\/[a-z-]+)$/);
  });

  it.each(files)('%s reads no clock, randomness or environment', (name) => {
    const source = readFileSync(join(dir, name), 'utf8');
    expect(source).not.toMatch(/Date\.now|new Date\(\)|Math\.random|\bprocess\.|\brequire\(|\bimport\(/);
  });
});
