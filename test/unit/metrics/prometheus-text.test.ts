import { formatMetrics } from '../../../src/metrics/prometheus-text';

describe('the Prometheus text format', () => {
  it('writes HELP and TYPE, then a line per sample, escaping label values', () => {
    const text = formatMetrics([
      {
        name: 'epf_orders',
        help: 'Orders\nby status',
        type: 'gauge',
        samples: [
          { labels: { merchant: 'acme', status: 'on_hold' }, value: 3 },
          { labels: { merchant: 'a"b\\c\nd' }, value: 1 },
        ],
      },
      { name: 'epf_up', help: 'Up', type: 'counter', samples: [{ value: 1 }] },
    ]);
    expect(text).toBe(
      [
        '# HELP epf_orders Orders\\nby status',
        '# TYPE epf_orders gauge',
        'epf_orders{merchant="acme",status="on_hold"} 3',
        'epf_orders{merchant="a\\"b\\\\c\\nd"} 1',
        '# HELP epf_up Up',
        '# TYPE epf_up counter',
        'epf_up 1',
        '',
      ].join('\n'),
    );
  });
});
