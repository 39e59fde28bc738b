import type { CreateBenchReport } from '../../bench/easypost/create-bench';
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
