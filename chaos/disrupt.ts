// Kills the worker and restarts PostgreSQL at the planned moments of a chaos run.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Random } from '../src/simulators/shared/random';
import type { Disruptions } from './faults';
import type { ChaosStack } from './stack';

export interface DisruptionCounts {
  workerKills: number;
  postgresRestarts: number;
}

/**
 * Waits for each planned moment (a share of `progress()`), then SIGKILLs the worker and starts a new one a moment
 * later, or stops PostgreSQL and starts it again on the same data directory and port. Ends early when `stopped()`.
 */
export async function disrupt(
  stack: ChaosStack,
  plan: Disruptions,
  random: Random,
  progress: () => number,
  stopped: () => boolean,
  log: (line: string) => void,
): Promise<DisruptionCounts> {
  const counts: DisruptionCounts = { workerKills: 0, postgresRestarts: 0 };
  const events = [
    ...plan.kills.map((at) => ({ at, kind: 'kill' as const })),
    { at: plan.postgresRestart, kind: 'postgres' as const },
  ].sort((a, b) => a.at - b.at);
  for (const event of events) {
    while (progress() < event.at) {
      if (stopped()) return counts;
      await sleep(100);
    }
    if (event.kind === 'kill') {
      await stack.killWorker();
      counts.workerKills += 1;
      log(`worker killed (SIGKILL) at ${(progress() * 100).toFixed(0)}%`);
      await sleep(random() * 2000);
      await stack.startWorker();
    } else {
      const downMs = 1000 + random() * 2000;
      await stack.restartPostgres(downMs);
      counts.postgresRestarts += 1;
      log(`PostgreSQL restarted (down ${(downMs / 1000).toFixed(1)} s) at ${(progress() * 100).toFixed(0)}%`);
    }
  }
  return counts;
}
