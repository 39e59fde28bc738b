import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { temporalCliPath } from '../../src/temporal/binaries';

/** What the figures were measured on: they mean little without it. */
export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  node: string;
  temporalCli: string;
  date: string;
}

export function describeMachine(): Machine {
  const cores = cpus();
  return {
    cpu: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    ramGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    temporalCli: temporalCliVersion(),
    date: new Date().toISOString(),
  };
}

function temporalCliVersion(): string {
  try {
    return execFileSync(temporalCliPath, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'not installed (the SDK downloaded its own server)';
  }
}
