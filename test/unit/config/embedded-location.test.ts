import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { embeddedPostgresBlocker, reachableDataDir, SHARED_POSTGRES_DIR } from '../../../src/db/embedded-blocker';

// As root, the embedded server runs as the postgres user, who cannot enter a private checkout: its data goes where it
// can reach, keyed by the path, so the same checkout finds it again.
const asRoot = process.getuid?.() === 0;

describe('embedded PostgreSQL in a private checkout', () => {
  const privateDir = mkdtempSync(join(tmpdir(), 'epf-private-')); // mode 700, as mktemp -d
  afterAll(() => rmSync(privateDir, { recursive: true, force: true }));

  it('as root, keeps its data outside, the same place each time, and is not blocked (as a user, where it is)', () => {
    const dataDir = join(privateDir, '.data', 'postgres');
    const reachable = reachableDataDir(dataDir);
    expect(embeddedPostgresBlocker(dataDir)).toBeUndefined();
    if (!asRoot) {
      expect(reachable).toBe(dataDir); // the server runs as this user, who can enter the checkout
      return;
    }
    expect(reachable.startsWith(`${SHARED_POSTGRES_DIR}/data/`)).toBe(true);
    expect(reachableDataDir(dataDir)).toBe(reachable);
    expect(reachableDataDir(join(privateDir, 'other'))).not.toBe(reachable);
  });

  it('keeps a data directory others can reach where it is', () => {
    const open = join(SHARED_POSTGRES_DIR, 'data', 'open-checkout');
    expect(reachableDataDir(open)).toBe(open);
  });
});
