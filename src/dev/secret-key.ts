import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A secret of the local stack (`EPF_SECRET_KEY`, `API_TOKEN`): made once and kept under .data/, so credentials
 * encrypted yesterday still decrypt today and scripts keep their token. Production sets both itself.
 */
export function devSecret(dataDir: string, name: 'secret-key' | 'api-token'): string {
  const file = join(dataDir, `dev-${name}`);
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}
