import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The local stack's EPF_SECRET_KEY: made once and kept under .data/, so credentials encrypted yesterday still
 * decrypt today. Production sets EPF_SECRET_KEY itself.
 */
export function devSecretKey(dataDir: string): string {
  const file = join(dataDir, 'dev-secret-key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}
