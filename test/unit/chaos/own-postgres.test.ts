import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWithOwnPostgres } from '../../helpers/own-postgres';

// The chaos and burst harnesses start their own PostgreSQL; where they cannot, CI must fail, not skip.
describe('describeWithOwnPostgres', () => {
  const blocked = mkdtempSync(join(tmpdir(), 'epf-private-'));
  const runDir = join(blocked, 'run');
  const reason = `cannot enter ${blocked}`;
  afterAll(() => rmSync(blocked, { recursive: true, force: true }));
  beforeEach(() => jest.spyOn(console, 'log').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('fails the suite on CI when PostgreSQL cannot start, naming why', () => {
    expect(() => describeWithOwnPostgres(runDir, { CI: 'true' }, reason)).toThrow(
      `CI is set, and this harness cannot start its own PostgreSQL: ${reason}`,
    );
  });

  it('skips with the reason elsewhere, and when CI is set to false', () => {
    expect(describeWithOwnPostgres(runDir, {}, reason)).toBe(describe.skip);
    expect(describeWithOwnPostgres(runDir, { CI: 'false' }, reason)).toBe(describe.skip);
    expect(console.log).toHaveBeenCalledWith(`skipped: ${reason}`);
  });

  it('runs where PostgreSQL can start, CI or not', () => {
    expect(describeWithOwnPostgres(join(tmpdir(), 'epf-run'), { CI: 'true' })).toBe(describe);
  });
});
