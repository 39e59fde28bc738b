import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

// The layering is enforced by eslint.config.mjs's allow-lists: each planted import below is one the architecture
// refuses, linted with the project's real config, and must fail; the allowed ones must pass.
const ROOT = join(__dirname, '..', '..', '..');

interface Planted {
  filePath: string;
  code: string;
}

function lint(cases: Planted[]): string[][] {
  const out = execFileSync(process.execPath, [join(__dirname, 'lint-texts.mjs')], {
    cwd: ROOT,
    input: JSON.stringify(cases),
    encoding: 'utf8',
  });
  const results = JSON.parse(out) as { ruleId: string | null; message: string }[][];
  return results.map((messages) => messages.map(({ ruleId, message }) => `${ruleId}: ${message}`));
}

const refused: [string, Planted, RegExp][] = [
  [
    'a workflow importing pg',
    { filePath: 'workflows/planted.ts', code: "import { Pool } from 'pg';\nexport const pool = Pool;\n" },
    /workflows may import only workflows\/, .*src\/domain\/.*: 'pg' is npm's pg/,
  ],
  [
    'a workflow importing the store',
    { filePath: 'workflows/planted.ts', code: "export { createPool } from '../src/db/pool';\n" },
    /workflows may import only .*: '\.\.\/src\/db\/pool' is in src\/db\//,
  ],
  [
    'a workflow importing the store, even types only',
    {
      filePath: 'workflows/order/planted.ts',
      code: "import type { OrderRow } from '../../src/db/orders';\nexport type R = OrderRow;\n",
    },
    /'\.\.\/\.\.\/src\/db\/orders' is in src\/db\//,
  ],
  [
    'a workflow importing a Node built-in',
    {
      filePath: 'workflows/planted.ts',
      code: "import { randomUUID } from 'node:crypto';\nexport const id = randomUUID;\n",
    },
    /'node:crypto' is a Node built-in/,
  ],
  [
    'a workflow running an activity module',
    {
      filePath: 'workflows/planted.ts',
      code: "import { createActivities } from '../activities';\nexport const a = createActivities;\n",
    },
    /'\.\.\/activities' is in activities\//,
  ],
  [
    'the domain importing fastify',
    { filePath: 'src/domain/planted.ts', code: "import fastify from 'fastify';\nexport const app = fastify;\n" },
    /domain may import only src\/domain\/, .*zod.*: 'fastify' is npm's fastify/,
  ],
  [
    'the domain importing the workflow contract, even types only',
    { filePath: 'src/domain/planted.ts', code: "export type { OrderState } from '../../workflows/definitions';\n" },
    /domain may import only src\/domain\/, zod: '\.\.\/\.\.\/workflows\/definitions' is in workflows\/definitions.ts/,
  ],
  [
    'EasyPost importing a cart',
    { filePath: 'src/easypost/planted.ts', code: "export { CART_REQUEST_TIMEOUT_MS } from '../carts/adapter';\n" },
    /easypost may import only .*: '\.\.\/carts\/adapter' is in src\/carts\//,
  ],
  [
    'a cart importing EasyPost',
    { filePath: 'src/carts/shopify/planted.ts', code: "export { DEFAULT_TIMEOUT_MS } from '../../easypost';\n" },
    /carts may import only .*: '\.\.\/\.\.\/easypost' is in src\/easypost\//,
  ],
  [
    'a simulator importing the store',
    { filePath: 'src/simulators/shopify/planted.ts', code: "export { createPool } from '../../db/pool';\n" },
    /simulators\/shopify may import only src\/simulators\/shopify\/, src\/simulators\/shared\/, .*'\.\.\/\.\.\/db\/pool' is in src\/db\//,
  ],
  [
    'a simulator importing another simulator',
    { filePath: 'src/simulators/woocommerce/planted.ts', code: "export * from '../easypost/paging';\n" },
    /'\.\.\/easypost\/paging' is in src\/simulators\/easypost\//,
  ],
  [
    'the store importing the API',
    { filePath: 'src/db/planted.ts', code: "export { buildApp } from '../api/app';\n" },
    /db may import only src\/db\/, .*: '\.\.\/api\/app' is in src\/api\//,
  ],
  [
    'the store importing the CLI, lazily',
    { filePath: 'src/db/planted.ts', code: "export const cli = () => import('../cli/program');\n" },
    /'\.\.\/cli\/program' is in src\/cli\//,
  ],
  [
    'the API importing the CLI',
    { filePath: 'src/api/planted.ts', code: "export { formatTable } from '../cli/format';\n" },
    /api may import only .*: '\.\.\/cli\/format' is in src\/cli\//,
  ],
  [
    'production code importing a test helper',
    { filePath: 'src/orders/planted.ts', code: "export { poll } from '../../test/helpers/poll';\n" },
    /'\.\.\/\.\.\/test\/helpers\/poll' is in test\//,
  ],
];

const allowed: [string, Planted][] = [
  [
    'a workflow importing the domain, the contract, Temporal and activity types',
    {
      filePath: 'workflows/planted.ts',
      code: [
        "import { proxyActivities } from '@temporalio/workflow';",
        "import type { createActivities } from '../activities';",
        "import { OrderFailure } from './definitions';",
        "import { nextResendAt } from '../src/domain/hold-clock';",
        'export const all = [proxyActivities<ReturnType<typeof createActivities>>, OrderFailure, nextResendAt];',
        '',
      ].join('\n'),
    },
  ],
  [
    'the domain importing zod and its siblings',
    {
      filePath: 'src/domain/planted.ts',
      code: "import { z } from 'zod';\nimport type { CartLine } from './cart-line';\nexport const s = z.string();\nexport type L = CartLine;\n",
    },
  ],
  [
    'a simulator importing its own files and the shared helpers',
    {
      filePath: 'src/simulators/shopify/planted.ts',
      code: "export * from './state';\nexport * from '../shared/random';\nexport { logger } from '../../logger';\n",
    },
  ],
  ['the API importing the store', { filePath: 'src/api/planted.ts', code: "export * from '../db/orders';\n" }],
  ['a test importing anything', { filePath: 'test/unit/planted.ts', code: "export * from '../../src/db/pool';\n" }],
];

describe('layering allow-lists (eslint.config.mjs)', () => {
  const results = lint([...refused.map(([, planted]) => planted), ...allowed.map(([, planted]) => planted)]);

  it.each(refused.map(([name, , expected], index) => [name, expected, index] as const))(
    'refuses %s',
    (_name, expected, index) => {
      expect(results[index]).toEqual([expect.stringMatching(expected)]);
      expect(results[index]![0]).toMatch(/^local\/allowed-imports: /);
    },
  );

  it.each(allowed.map(([name], index) => [name, refused.length + index] as const))('allows %s', (_name, index) => {
    expect(results[index]).toEqual([]);
  });
});
