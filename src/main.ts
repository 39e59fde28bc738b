import { ConfigError } from './config/config-error';

/** Runs an entry point: a configuration error is one line on stderr, anything else a stack; both exit 1. */
export function runMain(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    if (err instanceof ConfigError) console.error(err.message);
    else console.error(err);
    process.exit(1);
  });
}
