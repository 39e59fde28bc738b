#!/usr/bin/env node
// `epf` as an installed command (`npx epf`, `npm link`, the Docker image): runs the TypeScript CLI through tsx, as
// `npm run epf` does. Node resolves this file's symlinks, so `root` is the checkout's from any directory.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The checkout's tsconfig, not one tsx would find from the caller's working directory.
process.env.TSX_TSCONFIG_PATH ??= join(root, 'tsconfig.json');
const { register } = await import('tsx/cjs/api');
// The package is CommonJS, so the CLI is required, not imported.
register();
createRequire(import.meta.url)(join(root, 'src', 'cli', 'main.ts'));
