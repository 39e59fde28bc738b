// What a burst run prints, and whether it passed. Pure.
import type { BurstReport } from './scenario';

/** Slack over the computed bound: the wake-up of every held order and the last send's own time. */
export const BOUND_SLACK_SECONDS = 30;

export function burstFailures(report: BurstReport): string[] {
  return [
    ...(report.rateLimited > 0 ? [`EasyPost answered 429 ${report.rateLimited} time(s): its limit was exceeded`] : []),
    ...(report.lost.length ? [`${report.lost.length} lost`] : []),
    ...(report.duplicates.length ? [`${report.duplicates.length} duplicate(s)`] : []),
    ...(report.drained ? [] : [`not every order was resent (${report.resent} of ${report.orders})`]),
    ...(report.drainSeconds > report.boundSeconds + BOUND_SLACK_SECONDS
      ? [`resent in ${report.drainSeconds} s, over the ${Math.round(report.boundSeconds)} s bound`]
      : []),
  ];
}

export function formatBurstReport(report: BurstReport): string {
  const failures = burstFailures(report);
  const { rss, heldDay } = report;
  const kinds = Object.entries(heldDay.actionsByKind)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
  return [
    `The 01:00 burst: ${report.orders} held orders of one merchant, EasyPost limit ${report.ratePerSecond} requests/s`,
    `  resend time        ${report.resendAt} (setup ${report.setupSeconds} s)`,
    `  resent             ${report.resent} (${report.atWms} at the warehouse, ${report.heldAgain} still out of stock, held again)`,
    `  drain              ${report.drainSeconds} s after the resend time; bound ${Math.round(report.boundSeconds)} s (+${BOUND_SLACK_SECONDS} s slack)`,
    `  EasyPost requests  ${report.requests}, peak ${report.peakRequestsPerSecond} in any second, ${report.sustainedRequestsPerSecond}/s over any 5 s, ${report.rateLimited} answered 429`,
    `  lost / duplicates  ${report.lost.length} / ${report.duplicates.length}`,
    `  worker RSS         ${rss.atResendMb} MB at the resend, peak ${rss.peakMb} MB, ${rss.endMb} MB at the end (${rss.samples} samples)`,
    `  one held day       ${heldDay.events} history events, ${heldDay.actions} actions (${kinds})`,
    `  10,000 held orders ${(heldDay.events * 10_000).toLocaleString('en-US')} events and ${(heldDay.actions * 10_000).toLocaleString('en-US')} actions a day`,
    failures.length ? `FAILED: ${failures.join('; ')}` : 'PASSED',
  ].join('\n');
}
