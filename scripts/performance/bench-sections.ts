import type { CreateBenchReport } from '../../bench/easypost/create-bench';
import { BOUND_SLACK_SECONDS } from '../../burst/report';
import type { BurstReport } from '../../burst/scenario';
import { objectTable, table } from './markdown';

type Rows = Record<string, unknown>[];

export function easyPostSection(report: CreateBenchReport): string {
  const { errors: _errors, faultsByKind, ...figures } = report;
  return [
    '## EasyPost creates under faults (`npm run bench:easypost`)',
    'Orders created through the real client against the simulator while it injects every fault kind; the bench ' +
      'fails on any duplicate, lost order or unclassified error.',
    table(
      ['figure', 'value'],
      [
        ...Object.entries(figures).map(([name, value]): [string, string | number] => [
          name,
          typeof value === 'number' && !Number.isInteger(value) ? value.toFixed(1) : value,
        ]),
        ...Object.entries(faultsByKind).map(([kind, count]): [string, number] => [`faults: ${kind}`, count]),
      ],
    ),
  ].join('\n\n');
}

export function orderHistorySection(rows: Rows): string {
  return [
    '## History per order with fake activities (`npm run bench:order-history`)',
    'The order workflow with the typed activity fakes of the workflow tests: on the dev server, and on the ' +
      'time-skipping server, the only way to reach the 01:00 resend without waiting (it adds a few events of its own).',
    objectTable(rows),
  ].join('\n\n');
}

export function inventorySection(report: {
  push: { title: string; rows: Rows };
  release: { title: string; rows: Rows };
}) {
  return [
    '## Stock sync (`npm run bench:inventory`)',
    ...[report.push, report.release].flatMap(({ title, rows }) => [`${title}:`, objectTable(rows)]),
  ].join('\n\n');
}

export function burstSection(report: BurstReport): string {
  const { heldDay, rss } = report;
  return [
    '## The 01:00 burst (`npm run bench:burst`)',
    `${report.orders.toLocaleString('en-US')} orders of one merchant on hold, resent at its daily resend time through ` +
      `the real worker process, under an EasyPost limit of ${report.ratePerSecond} requests/s that the simulator ` +
      'enforces (a 429 fails the run). The clock is shortened by setting the resend time a few minutes ahead; ' +
      `one order in ${Math.round(report.orders / report.heldAgain)} stays out of stock and is held again, which ` +
      'gives the cost of a held day. The bound is orders × 2 requests ÷ (80% of the limit), plus ' +
      `${BOUND_SLACK_SECONDS} s of slack.`,
    table(
      ['figure', 'value'],
      [
        ['orders resent', `${report.resent} (${report.atWms} at the warehouse, ${report.heldAgain} held again)`],
        ['resent within', `${report.drainSeconds} s of the resend time (bound ${Math.round(report.boundSeconds)} s)`],
        ['EasyPost requests', report.requests],
        ['most requests in any second', `${report.peakRequestsPerSecond} (limit ${report.ratePerSecond})`],
        ['most requests per second over any 5 s', report.sustainedRequestsPerSecond],
        ['answered 429', report.rateLimited],
        ['lost / duplicates', `${report.lost.length} / ${report.duplicates.length}`],
        ['worker RSS at the resend / peak / end', `${rss.atResendMb} / ${rss.peakMb} / ${rss.endMb} MB`],
        ['one held day: history events', heldDay.events],
        [
          'one held day: actions',
          `${heldDay.actions} (${Object.entries(heldDay.actionsByKind)
            .map(([kind, n]) => `${n} ${kind}`)
            .join(', ')})`,
        ],
      ],
    ),
  ].join('\n\n');
}
