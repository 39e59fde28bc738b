// What a chaos run prints, and whether it passed. Pure.
import type { AuditResult } from './audit';
import type { DisruptionCounts } from './disrupt';

export interface ChaosReport extends DisruptionCounts {
  seed: number;
  orders: number;
  faultRate: number;
  cartFaultRate: number;
  plannedKills: number;
  audit: AuditResult;
  /** Faults the simulators injected, by kind. */
  faults: Record<string, number>;
  /** Worker exits the harness did not cause. */
  crashes: string[];
  /** Pull and shipment-pickup workflow runs that failed (each is retried by the next run). */
  failedRuns: number;
  drained: boolean;
  drainSeconds: number;
  runDir: string;
}

/** Why the run fails: any duplicate, loss, audit mismatch or crash, an undrained run, or chaos that did not happen. */
export function failuresOf(report: ChaosReport): string[] {
  const { audit } = report;
  return [
    ...(audit.duplicates.length ? [`${audit.duplicates.length} duplicate(s)`] : []),
    ...(audit.lost.length ? [`${audit.lost.length} lost`] : []),
    ...(audit.mismatches.length ? [`${audit.mismatches.length} audit mismatch(es)`] : []),
    ...(report.crashes.length ? [`${report.crashes.length} worker crash(es)`] : []),
    ...(report.drained ? [] : [`not drained after ${report.drainSeconds.toFixed(0)} s`]),
    ...(report.workerKills < report.plannedKills ? [`${report.workerKills}/${report.plannedKills} worker kills`] : []),
    ...(report.postgresRestarts < 1 ? ['PostgreSQL was not restarted'] : []),
  ];
}

const MAX_LISTED = 20;

/** The report as text: figures first, then each problem (the first 20 of each list). */
export function formatReport(report: ChaosReport): string {
  const { audit } = report;
  const fates = Object.entries(audit.fates).map(([fate, { planned, ok }]) => `${fate} ${ok}/${planned}`);
  const byKind = (counts: Record<string, number>) =>
    Object.entries(counts)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([kind, n]) => `${kind} ${n}`)
      .join(', ') || 'none';
  const total = Object.values(report.faults).reduce((sum, n) => sum + n, 0);
  const failures = failuresOf(report);
  const lines = [
    `chaos run: ${report.orders} orders, seed ${report.seed}, fault rate ${report.faultRate} (carts ${report.cartFaultRate})`,
    `  orders ok by fate  ${fates.join(', ')}`,
    `  final statuses     ${byKind(audit.statuses)}`,
    `  duplicates         ${audit.duplicates.length}`,
    `  lost               ${audit.lost.length}${report.drained ? '' : ' (with those still in flight at the drain timeout)'}`,
    `  audit mismatches   ${audit.mismatches.length}`,
    `  faults injected    ${total}: ${byKind(report.faults)}`,
    `  worker kills       ${report.workerKills} (SIGKILL), crashes ${report.crashes.length}`,
    `  PostgreSQL         ${report.postgresRestarts} restart(s)`,
    `  failed runs        ${report.failedRuns} pull/pickup workflow runs`,
    `  time to drain      ${report.drainSeconds.toFixed(1)} s${report.drained ? '' : ' (timed out)'}`,
  ];
  const section = (title: string, items: string[]) =>
    items.length
      ? [
          `${title}:`,
          ...items.slice(0, MAX_LISTED).map((item) => `  - ${item}`),
          ...(items.length > MAX_LISTED ? [`  ... and ${items.length - MAX_LISTED} more`] : []),
        ]
      : [];
  lines.push(
    ...section('duplicates', audit.duplicates),
    ...section('lost', audit.lost),
    ...section('mismatches', audit.mismatches),
    ...section('worker crashes', report.crashes),
    failures.length ? `FAILED: ${failures.join('; ')} (logs in ${report.runDir})` : 'PASSED',
  );
  return lines.join('\n');
}
