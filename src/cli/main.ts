// The operator CLI: `npm run epf -- <command>` (see docs/operations.md, "CLI").
import { createCliContext } from './context';
import { reportError } from './errors';
import { buildProgram } from './program';

async function main(argv: string[]): Promise<number> {
  const ctx = createCliContext();
  try {
    await buildProgram(ctx).parseAsync(argv);
    return 0;
  } catch (err) {
    return reportError(err);
  } finally {
    await ctx.close();
  }
}

// exitCode rather than exit(): stdout is flushed before the process ends, and closed connections let it end.
main(process.argv).then(
  (code) => (process.exitCode = code),
  (err: unknown) => (process.exitCode = reportError(err)),
);
