// What a chaos run prints, and whether it passed. Pure.
import type { AuditResult } from './audit';
import type { DisruptionCounts } from './disrupt';
import type { CancelsByState } from './drive';

export interface ChaosReport extends DisruptionCounts {
  seed: number;
  orders: number;
  faultRate: number;
  cartFaultRate: number;
  plannedKills: number;
  audit: AuditResult;
  /** How many times each fault kind the run asked for fired. */
  faults: Record<string, number>;
  /** Buyers' cancels, by the state they met the order in. */
  cancels: CancelsByState;
  /** When the low-stock product was restocked, in seconds into the drain; undefined if it never was. */
  restockSeconds: number | undefined;
  /** Low-stock orders still held a while after the restock, which the run sent `retryNow`. */
  retriedHeld: number;
  /** EasyPost orders still open at the end, which the warehouse then shipped. */
  shippedAtEnd: number;
  /** Worker exits the harness did not cause. */
  crashes: string[];
  /** Pull and shipment-pickup workflow runs that failed (each is retried by the next run). */
  failedRuns: number;
  drained: boolean;
  drainSeconds: number;
  runDir: string;
}

/**
 * Why the run fails: any duplicate (at EasyPost or in a cart), order shipped after its cancel, loss, audit mismatch
 * or crash, an undrained run, or chaos that did not happen (a fault kind asked for that never fired, say).
 */
export function failuresOf(report: ChaosReport): string[] {
  const { audit } = report;
  const neverFired = Object.keys(report.faults).filter((kind) => report.faults[kind] === 0);
  return [
    ...(audit.duplicates.length ? [`${audit.duplicates.length} duplicate(s) at EasyPost`] : []),
    ...(audit.cartDuplicates.length ? [`${audit.cartDuplicates.length} duplicate fulfillment(s) at the carts`] : []),
    ...(audit.shippedAfterCancel.length ? [`${audit.shippedAfterCancel.length} shipped after their cancel`] : []),
    ...(audit.lost.length ? [`${audit.lost.length} lost`] : []),
    ...(audit.mismatches.length ? [`${audit.mismatches.length} audit mismatch(es)`] : []),
    ...(report.crashes.length ? [`${report.crashes.length} worker crash(es)`] : []),
    ...(report.drained ? [] : [`not drained after ${report.drainSeconds.toFixed(0)} s`]),
    ...(report.workerKills < report.plannedKills ? [`${report.workerKills}/${report.plannedKills} worker kills`] : []),
    ...(report.postgresRestarts < 1 ? ['PostgreSQL was not restarted'] : []),
    ...(neverFired.length ? [`fault kinds that never fired: ${neverFired.join(', ')}`] : []),
    ...(report.restockSeconds === undefined ? ['the low-stock product was never restocked'] : []),
    ...(audit.lowStock.planned > 0 && audit.lowStock.ok === 0
      ? ['no low-stock order was held, woken and confirmed']
      : []),
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
  const restocked = report.restockSeconds === undefined ? 'never' : `at ${report.restockSeconds.toFixed(0)} s`;
  const figure = (label: string, value: string | number) => `  ${label.padEnd(32)} ${value}`;
  const lines = [
    `chaos run: ${report.orders} orders, seed ${report.seed}, fault rate ${report.faultRate} (carts ${report.cartFaultRate})`,
    figure('orders ok by fate', fates.join(', ')),
    figure(
      'low stock',
      `${audit.lowStock.ok}/${audit.lowStock.planned} held, woken and confirmed ` +
        `(restocked ${restocked}; ${report.retriedHeld} still held 20 s later were retried)`,
    ),
    figure('cancels by state', byKind(report.cancels)),
    figure('final statuses', byKind(audit.statuses)),
    figure('duplicates at EasyPost', audit.duplicates.length),
    figure('duplicate fulfillments at carts', audit.cartDuplicates.length),
    figure('shipped after cancel accepted', audit.shippedAfterCancel.length),
    figure('lost', `${audit.lost.length}${report.drained ? '' : ' (with those still in flight at the drain timeout)'}`),
    figure('audit mismatches', audit.mismatches.length),
    figure('open at EasyPost at the end', `${report.shippedAtEnd} (shipped by the warehouse before the audit)`),
    figure('worker kills', `${report.workerKills} (SIGKILL), crashes ${report.crashes.length}`),
    figure('PostgreSQL', `${report.postgresRestarts} restart(s)`),
    figure('failed runs', `${report.failedRuns} pull/pickup workflow runs`),
    figure('time to drain', `${report.drainSeconds.toFixed(1)} s${report.drained ? '' : ' (timed out)'}`),
    figure('faults fired', total),
    ...Object.entries(report.faults).map(([kind, n]) => figure(`  ${kind}`, `${n}${n === 0 ? ' (never fired)' : ''}`)),
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
    ...section('duplicates at EasyPost', audit.duplicates),
    ...section('duplicate fulfillments at the carts', audit.cartDuplicates),
    ...section('shipped after their cancel was accepted', audit.shippedAfterCancel),
    ...section('lost', audit.lost),
    ...section('mismatches', audit.mismatches),
    ...section('worker crashes', report.crashes),
    failures.length ? `FAILED: ${failures.join('; ')} (logs in ${report.runDir})` : 'PASSED',
  );
  return lines.join('\n');
}
